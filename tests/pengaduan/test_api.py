"""e-laga in the service API: submission, tracking, published list, limits, schema."""

import datetime
import uuid
from http import HTTPStatus
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from pengaduan import services
from pengaduan.choices import JenisCatatan, StatusLaporan
from pengaduan.models import ELagaIndexPage, Laporan
from portal.models import Desa
from tests.factories import UserFactory
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    PublishedLaporanFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/portal/v1/pengaduan"


def client_address():
    """A documentation-range address of its own, so no test shares a rate limit."""
    number = uuid.uuid4().int
    return f"2001:db8::{number % 65536:x}:{(number >> 16) % 65536:x}"


@pytest.fixture
def api_client(settings):
    """A client with its own address, so rate limits of other tests never reach it."""
    settings.PENGADUAN_API_SUBMIT_RATE = "1000/hour"
    settings.PENGADUAN_API_READ_RATE = "1000/hour"
    address = client_address()
    return Client(REMOTE_ADDR=address)


def jpeg(name="foto.jpg"):
    buffer = BytesIO()
    Image.new("RGB", (32, 24), "blue").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def valid_data():
    KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    return {
        "jenis": "pengaduan",
        "kategori": "jalan-rusak",
        "judul": "Jalan berlubang di depan SD",
        "isi": "Lubang besar membahayakan anak sekolah.",
        "kecamatan": "babalan",
        "desa": str(Desa.objects.get(nama="Brandan Barat").pk),
        "nama_pelapor": "Siti Rahmawati",
        "email": "siti@example.com",
        "telepon": "0812-3456-7890",
        "nik": "1205015203850002",
        "setuju": "on",
    }


def field_messages(response):
    return {error["field"]: error["message"] for error in response.json()["errors"]}


def test_categories_lists_only_active_ones_with_their_rules(api_client):
    KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak", panduan="Foto")
    KategoriLaporanFactory(slug="lama", nama="Kategori lama", aktif=False)
    response = api_client.get(f"{API}/kategori")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == [
        {
            "slug": "jalan-rusak",
            "nama": "Jalan rusak",
            "deskripsi": "",
            "panduan": "Foto",
            "boleh_anonim": True,
            "target_hari_kerja": 14,
        }
    ]


def test_a_valid_submission_creates_exactly_one_report(api_client, valid_data):
    response = api_client.post(f"{API}/laporan", {**valid_data, "lampiran": [jpeg()]})
    assert response.status_code == HTTPStatus.CREATED, response.content
    body = response.json()
    laporan = Laporan.objects.get()
    assert body == {
        "kode_lacak": laporan.kode_lacak,
        "tautan_rahasia": "",
        "status": "baru",
        "batas_verifikasi": laporan.batas_waktu.isoformat(),
    }
    assert laporan.telepon == "081234567890"
    assert laporan.lampiran.get().content_type == "image/jpeg"
    assert laporan.linimasa.count() == 1


def test_the_answer_carries_the_absolute_secret_link(api_client, valid_data, home_page):
    home_page.add_child(instance=ELagaIndexPage(title="e-laga", slug="e-laga"))
    response = api_client.post(f"{API}/laporan", valid_data)
    assert response.status_code == HTTPStatus.CREATED
    laporan = Laporan.objects.get()
    link = response.json()["tautan_rahasia"]
    assert link.startswith("http://testserver/")
    assert link.endswith(f"/laporan-saya/{laporan.token_rahasia}/")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"nik": "12345"}, "nik", "NIK harus terdiri atas 16 angka."),
        ({"nik": "9905015203850002"}, "nik", "NIK tidak valid"),
        ({"isi": "x" * 10_000}, "isi", "paling banyak 4000 karakter"),
        ({"judul": "x" * 100_000}, "judul", "paling banyak 150 karakter"),
        ({"kategori": "tidak-ada"}, "kategori", "Masukkan pilihan yang valid"),
        ({"desa": "999999"}, "desa", "Masukkan pilihan yang valid"),
        ({"desa": "satu"}, "desa", "Masukkan pilihan yang valid"),
        ({"kecamatan": "atlantis"}, "kecamatan", "Masukkan pilihan yang valid"),
        ({"jenis": "pujian"}, "jenis", "bukan salah satu"),
        ({"judul": ""}, "judul", "harus diisi"),
        ({"setuju": ""}, "setuju", "harus diisi"),
        ({"latitude": "utara"}, "latitude", "bilangan"),
        ({"latitude": "123"}, "latitude", "90"),
        ({"tanggal_kejadian": "kemarin"}, "tanggal_kejadian", "tanggal"),
        ({"tanggal_kejadian": "2999-01-01"}, "tanggal_kejadian", "masa depan"),
        ({"telepon": "12", "email": ""}, "telepon", "Nomor telepon tidak valid."),
        ({"email": "bukan-email"}, "email", "alamat email"),
        ({"email": "", "telepon": ""}, "__all__", "email atau nomor telepon"),
        ({"website": "http://spam.example"}, "__all__", "tidak dapat dikirim"),
    ],
)
def test_bad_input_answers_422_with_one_entry_per_field(
    api_client, valid_data, changes, field, message
):
    response = api_client.post(f"{API}/laporan", {**valid_data, **changes})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    body = response.json()
    assert body["detail"] == "Data yang dikirim tidak valid."
    fields = [error["field"] for error in body["errors"]]
    assert len(fields) == len(set(fields)), "one entry per field"
    assert message.lower() in field_messages(response)[field].lower(), body
    assert not Laporan.objects.exists()


def test_missing_fields_are_each_reported(api_client):
    response = api_client.post(f"{API}/laporan", {})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert {
        "jenis",
        "kategori",
        "judul",
        "isi",
        "kecamatan",
        "nama_pelapor",
        "setuju",
    } <= set(field_messages(response))


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("foto.jpg", b"bukan gambar", "image/jpeg"), "bukan JPEG"),
        (SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", "application/pdf"), "bukan"),
        (
            SimpleUploadedFile(
                "besar.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "application/pdf"
            ),
            "terlalu besar",
        ),
    ],
)
def test_fake_or_oversized_attachments_answer_422(
    api_client, valid_data, upload, message
):
    response = api_client.post(f"{API}/laporan", {**valid_data, "lampiran": [upload]})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert message in field_messages(response)["lampiran"]
    assert not Laporan.objects.exists()


def test_at_most_five_attachments(api_client, valid_data):
    files = [jpeg(f"foto{n}.jpg") for n in range(6)]
    response = api_client.post(f"{API}/laporan", {**valid_data, "lampiran": files})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert field_messages(response)["lampiran"] == "Paling banyak 5 lampiran."


def test_a_json_body_answers_415_in_the_error_format(api_client, valid_data):
    response = api_client.post(
        f"{API}/laporan", valid_data, content_type="application/json"
    )
    assert response.status_code == HTTPStatus.UNSUPPORTED_MEDIA_TYPE
    body = response.json()
    assert body["detail"] == "Kirim laporan sebagai multipart/form-data."
    assert body["errors"][0]["field"] == "__all__"
    assert not Laporan.objects.exists()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"--batas\r\nrusak", "multipart/form-data; boundary=batas"),
        (b"apa saja", "multipart/form-data"),
        (b"\xff\xfe\x00", "multipart/form-data; boundary=\xff"),
    ],
)
def test_malformed_multipart_never_answers_500(api_client, body, content_type):
    response = api_client.generic(
        "POST", f"{API}/laporan", body, content_type=content_type
    )
    assert HTTPStatus.BAD_REQUEST <= response.status_code < 500
    assert "detail" in response.json()
    assert not Laporan.objects.exists()


def test_tracking_accepts_any_case_and_spacing_and_shows_only_public_data(
    api_client,
):
    officer = UserFactory(first_name="Petugas", last_name="Rahasia")
    laporan = LaporanFactory(nama_pelapor="Siti Rahmawati", anonim=True)
    laporan.linimasa.create(status_to=StatusLaporan.BARU, message="Laporan diterima.")
    laporan.linimasa.create(
        author=officer,
        message="Catatan internal: pelapor tetangga kepala desa.",
        is_public=False,
        jenis=JenisCatatan.CATATAN_INTERNAL,
    )
    laporan.linimasa.create(
        message="Saya Siti, rumah saya nomor 5.", jenis=JenisCatatan.INFO_PELAPOR
    )
    services.verify(laporan, officer, "Laporan telah diverifikasi.")

    typed = f"  {laporan.kode_lacak.lower().replace('-', ' ')} "
    response = api_client.get(f"{API}/laporan/{typed}")

    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["kode_lacak"] == laporan.kode_lacak
    assert body["status"] == "diverifikasi"
    assert body["kategori"] == {
        "slug": laporan.kategori.slug,
        "nama": laporan.kategori.nama,
    }
    assert [entry["pesan"] for entry in body["linimasa"]] == [
        "Laporan diterima.",
        "Laporan telah diverifikasi.",
    ]
    labels = [deadline["label"] for deadline in body["tenggat"]]
    assert labels == ["Verifikasi", "Penyelesaian"]
    assert body["tenggat"][0]["terpenuhi"] is True
    text = response.content.decode()
    for private in ("Siti", "Rahmawati", "Petugas", "internal", laporan.isi):
        assert private not in text


def test_tracking_an_unknown_code_answers_404_in_the_error_format(api_client):
    response = api_client.get(f"{API}/laporan/LGK-2222-3333")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": "Data tidak ditemukan.", "errors": []}


def test_published_list_shows_only_published_reports(api_client):
    shown = PublishedLaporanFactory(judul="Tampil")
    LaporanFactory(judul="Baru")
    PublishedLaporanFactory(judul="Rahasia", rahasia=True)
    PublishedLaporanFactory(judul="Disembunyikan", disembunyikan=True)
    PublishedLaporanFactory(judul="Ditolak", status=StatusLaporan.DITOLAK)
    PublishedLaporanFactory(
        judul="Kinerja ASN",
        kategori=KategoriLaporanFactory(slug="kinerja-asn", selalu_rahasia=True),
    )
    response = api_client.get(f"{API}/laporan")
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["kode_lacak"] == shown.kode_lacak
    assert item["desa"] == "Brandan Barat"
    assert item["kecamatan"] == {"slug": "babalan", "nama": "Babalan"}
    assert item["status_label"] == "Diverifikasi"


def test_published_list_filters_by_category_kecamatan_and_status(api_client):
    jalan = KategoriLaporanFactory(slug="jalan-rusak")
    air = KategoriLaporanFactory(slug="air-bersih")
    PublishedLaporanFactory(kategori=jalan, judul="A")
    PublishedLaporanFactory(
        kategori=air,
        judul="B",
        kecamatan_id=Desa.objects.get(nama="Stabat Baru").kecamatan_id,
        desa=Desa.objects.get(nama="Stabat Baru"),
    )
    PublishedLaporanFactory(kategori=air, judul="C", status=StatusLaporan.SELESAI)

    def titles(**params):
        response = api_client.get(f"{API}/laporan", params)
        assert response.status_code == HTTPStatus.OK, response.content
        return sorted(item["judul"] for item in response.json()["items"])

    assert titles(kategori="air-bersih") == ["B", "C"]
    assert titles(kecamatan="stabat") == ["B"]
    assert titles(status="selesai") == ["C"]
    assert titles(kategori="air-bersih", kecamatan="babalan") == ["C"]
    bad = api_client.get(f"{API}/laporan", {"status": "baru"})
    assert bad.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert field_messages(bad)["status"]


def test_published_list_keeps_a_constant_number_of_queries(
    api_client, django_assert_num_queries
):
    PublishedLaporanFactory.create_batch(3)
    with django_assert_num_queries(2):
        small = api_client.get(f"{API}/laporan", {"limit": 100})
    PublishedLaporanFactory.create_batch(37)
    with django_assert_num_queries(2):
        large = api_client.get(f"{API}/laporan", {"limit": 100})
    assert small.json()["count"] == 3
    assert len(large.json()["items"]) == 40


def test_submissions_are_rate_limited_per_address_with_retry_after(
    api_client, settings, valid_data
):
    settings.PENGADUAN_API_SUBMIT_RATE = "2/hour"
    for _ in range(2):
        assert api_client.post(f"{API}/laporan", {}).status_code == 422

    response = api_client.post(f"{API}/laporan", valid_data)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert response.json() == {
        "detail": "Terlalu banyak permintaan dari alamat Anda. Silakan coba lagi "
        "setelah beberapa saat.",
        "errors": [],
    }
    assert not Laporan.objects.exists()
    other = Client(REMOTE_ADDR=client_address())
    assert other.post(f"{API}/laporan", valid_data).status_code == HTTPStatus.CREATED


def test_reads_have_their_own_looser_limit(api_client, settings):
    settings.PENGADUAN_API_READ_RATE = "3/min"
    settings.PENGADUAN_API_SUBMIT_RATE = "1/min"
    statuses = [api_client.get(f"{API}/kategori").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert api_client.post(f"{API}/laporan", {}).status_code == 422


def test_the_schema_documents_every_endpoint_and_its_errors(api_client):
    schema = api_client.get("/api/portal/v1/openapi.json").json()
    paths = schema["paths"]
    submit = paths["/api/portal/v1/pengaduan/laporan"]["post"]
    assert submit["tags"] == ["e-laga"]
    assert submit["summary"]
    for status in ("201", "422", "429"):
        assert status in submit["responses"]
    assert submit["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"
    }
    form = submit["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert {"kategori", "isi", "nik", "lampiran", "setuju"} <= set(form["properties"])
    assert "$defs" not in form
    listing = paths["/api/portal/v1/pengaduan/laporan"]["get"]
    listed = schema["components"]["schemas"]["LaporanPublikOut"]["properties"]
    assert not {"nama_pelapor", "email", "telepon", "nik"} & set(listed)
    assert {"limit", "offset", "kategori", "kecamatan", "status"} <= {
        parameter["name"] for parameter in listing["parameters"]
    }
    assert "/api/portal/v1/pengaduan/laporan/{kode}" in paths
    assert "/api/portal/v1/pengaduan/kategori" in paths


def test_the_docs_page_renders(api_client):
    response = api_client.get("/api/portal/v1/docs")
    assert response.status_code == HTTPStatus.OK


def test_received_dates_are_dates_in_wib(api_client):
    laporan = LaporanFactory(
        diterima_pada=datetime.datetime(2026, 3, 16, 18, 30, tzinfo=datetime.UTC)
    )
    body = api_client.get(f"{API}/laporan/{laporan.kode_lacak}").json()
    assert body["diterima_pada"] == "2026-03-17"
