"""The report form validates everything a citizen can get wrong, in Bahasa Indonesia."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pengaduan.forms import LaporanForm
from pengaduan.models import Laporan
from portal.models import Desa
from tests.pengaduan.factories import KategoriLaporanFactory

pytestmark = pytest.mark.django_db


def jpeg_with_gps(name="foto.jpg"):
    image = Image.new("RGB", (64, 48), "red")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (3.0, 50.0, 0.0), 3: "E", 4: (98.0, 30.0, 0.0)}
    exif[0x010F] = "KameraPelapor"
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def valid_data():
    kategori = KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    desa = Desa.objects.get(nama="Brandan Barat")
    return {
        "jenis": "pengaduan",
        "kategori": kategori.slug,
        "judul": "Jalan berlubang di depan SD",
        "isi": "Lubang besar membahayakan anak sekolah.",
        "kecamatan": "babalan",
        "desa": str(desa.pk),
        "nama_pelapor": "Siti Rahmawati",
        "email": "siti@example.com",
        "telepon": "0812-3456-7890",
        "nik": "1205015203850002",
        "setuju": "on",
    }


def test_a_valid_report_is_saved_once_with_its_cleaned_photo(valid_data):
    form = LaporanForm(valid_data, {"lampiran": [jpeg_with_gps()]})
    assert form.is_valid(), form.errors
    laporan = form.save_report()
    assert Laporan.objects.count() == 1
    assert laporan.telepon == "081234567890"
    attachment = laporan.lampiran.get()
    assert attachment.content_type == "image/jpeg"
    with Image.open(attachment.berkas) as saved:
        assert not saved.getexif(), "EXIF (GPS, camera) must be stripped"
    assert "foto" not in attachment.berkas.name


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"nik": "12345"}, "nik", "NIK harus terdiri atas 16 angka."),
        (
            {"isi": "x" * 10_000},
            "isi",
            "Pastikan nilai ini mengandung paling banyak 4000 karakter",
        ),
        ({"kategori": "tidak-ada"}, "kategori", "Masukkan pilihan yang valid"),
        ({"desa": "999999"}, "desa", "Masukkan pilihan yang valid"),
        ({"judul": ""}, "judul", "harus diisi"),
        ({"setuju": ""}, "setuju", "harus diisi"),
        ({"tanggal_kejadian": "2999-01-01"}, "tanggal_kejadian", "masa depan"),
        ({"telepon": "12"}, "telepon", "Nomor telepon tidak valid."),
        # Letters only used to be dropped silently, leaving no way to call back.
        ({"telepon": "tidak punya"}, "telepon", "Nomor telepon tidak valid."),
    ],
)
def test_bad_input_is_reported_on_its_field(valid_data, changes, field, message):
    form = LaporanForm({**valid_data, **changes})
    assert not form.is_valid()
    assert any(message in error for error in form.errors[field]), form.errors
    assert not Laporan.objects.exists()


def test_desa_must_lie_in_the_chosen_kecamatan(valid_data):
    other = Desa.objects.exclude(kecamatan__slug="babalan").first()
    form = LaporanForm({**valid_data, "desa": str(other.pk)})
    assert not form.is_valid()
    assert "desa" in form.errors


def test_email_or_phone_is_required(valid_data):
    form = LaporanForm({**valid_data, "email": "", "telepon": ""})
    assert not form.is_valid()
    assert "email atau nomor telepon" in str(form.non_field_errors())


def test_anonymity_is_refused_where_the_category_forbids_it(valid_data):
    KategoriLaporanFactory(slug="jalan-rusak").__class__.objects.filter(
        slug="jalan-rusak"
    ).update(boleh_anonim=False)
    form = LaporanForm({**valid_data, "anonim": "on"})
    assert not form.is_valid()
    assert "anonim" in form.errors


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("foto.jpg", b"bukan gambar", "image/jpeg"), "bukan JPEG"),
        (
            SimpleUploadedFile("skrip.pdf.exe", b"MZ\x90\x00", "application/pdf"),
            "bukan JPEG",
        ),
        (
            SimpleUploadedFile(
                "besar.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "application/pdf"
            ),
            "terlalu besar",
        ),
    ],
)
def test_fake_or_oversized_attachments_are_refused(valid_data, upload, message):
    form = LaporanForm(valid_data, {"lampiran": [upload]})
    assert not form.is_valid()
    assert message in str(form.errors["lampiran"])


def test_at_most_five_attachments(valid_data):
    files = [jpeg_with_gps(f"foto{n}.jpg") for n in range(6)]
    form = LaporanForm(valid_data, {"lampiran": files})
    assert not form.is_valid()
    assert "Paling banyak 5 lampiran." in form.errors["lampiran"]


def test_the_honeypot_stops_bots(valid_data):
    form = LaporanForm({**valid_data, "website": "http://spam.example"})
    assert not form.is_valid()
    assert form.is_honeypot_filled
