"""The public application form: built from the service, validated, submitted once."""

from http import HTTPStatus
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from layanan.choices import StatusPermohonan
from layanan.forms import field_name, requirement_name
from layanan.models import Permohonan, StandarLayanan
from portal.models import Desa
from portal.uploads import MAX_UPLOAD_BYTES
from tests.factories import pdf_bytes
from tests.layanan.factories import (
    StandarLayananFactory,
    kecamatan,
    kecamatan_officer,
)

pytestmark = pytest.mark.django_db


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def png(name="ktp.png"):
    buffer = BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="kk.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


@pytest.fixture
def service():
    made = StandarLayananFactory(
        nama="Surat Keterangan Domisili", slug="surat-keterangan-domisili"
    )
    # Read back so every block carries the id it was saved with.
    return StandarLayanan.objects.get(pk=made.pk)


class Names:
    """Form field names of ``service`` by the label editors gave them."""

    def __init__(self, service):
        self.by_label = {
            block.value["nama"]: requirement_name(block)
            for block in service.unggahan_persyaratan
        }
        self.by_label.update(
            {block.value["label"]: field_name(block) for block in service.isian}
        )

    def __getitem__(self, label):
        return self.by_label[label]


@pytest.fixture
def names(service):
    return Names(service)


@pytest.fixture
def form_url(ekecamatan_page, service):
    return url(ekecamatan_page, "application_form", service.slug)


@pytest.fixture
def valid_data(names):
    return {
        "kecamatan": "babalan",
        "desa": str(Desa.objects.get(nama="Brandan Barat").pk),
        "nama": "Rina Sembiring",
        "nik": "1205015203850002",
        "telepon": "0812-3456-7890",
        "email": "rina.sembiring@example.com",
        "alamat": "Jl. Pelabuhan No. 12, Pangkalan Brandan",
        "setuju": "on",
        names["Keperluan"]: "Melamar pekerjaan",
        names["Jumlah anggota keluarga"]: "4",
        names["Tanggal mulai tinggal"]: "2019-03-01",
        names["Status rumah"]: "Sewa",
    }


def files(names, **replace):
    given = {names["KTP pemohon"]: png(), names["Kartu Keluarga"]: pdf()}
    given.update(replace)
    return {key: value for key, value in given.items() if value is not None}


# ---------- The form page ----------


def test_the_form_page_lists_the_service_fields_and_upload_hints(
    client, form_url, names
):
    response = client.get(form_url)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    for label in ("KTP pemohon", "Kartu Keluarga", "Keperluan", "Status rumah"):
        assert label in html
    assert "Pas foto 3x4" not in html  # brought to the office, not uploaded
    assert html.count('accept="image/jpeg,image/png,image/webp,application/pdf') == 3
    assert f'name="{names["Tanggal mulai tinggal"]}"' in html
    assert 'type="date"' in html
    assert '<optgroup label="Babalan">' in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert response["Referrer-Policy"] == "strict-origin"


def test_only_kecamatan_offering_the_service_can_be_chosen(client, ekecamatan_page):
    service = StandarLayananFactory(semua_kecamatan=False)
    service.kecamatan.set([kecamatan("babalan"), kecamatan("stabat")])
    service.save()

    html = client.get(
        url(ekecamatan_page, "application_form", service.slug)
    ).content.decode()

    assert '<option value="babalan">Babalan</option>' in html
    assert '<option value="stabat">Stabat</option>' in html
    assert 'value="sei-lepan"' not in html
    assert '<optgroup label="Babalan">' in html
    assert '<optgroup label="Sei Lepan">' not in html


def test_the_kecamatan_in_the_link_is_preselected(client, form_url):
    html = client.get(form_url, {"kecamatan": "stabat"}).content.decode()
    assert '<option value="stabat" selected>Stabat</option>' in html


# ---------- Validation of each kind of field ----------


@pytest.mark.parametrize(
    ("label", "value", "message"),
    [
        ("Keperluan", "", "harus diisi"),
        ("Keperluan", "x" * 2001, "paling banyak 2000 karakter"),
        ("Jumlah anggota keluarga", "empat", "Masukkan keseluruhan angka bilangan."),
        ("Jumlah anggota keluarga", "0", "lebih besar dari atau sama dengan 1"),
        ("Jumlah anggota keluarga", "21", "lebih kecil dari atau sama dengan 20"),
        ("Tanggal mulai tinggal", "31/02/2019", "tanggal yang valid"),
        ("Status rumah", "Istana", "pilihan yang valid"),
        ("Status rumah", "", "harus diisi"),
    ],
)
def test_a_wrong_answer_re_renders_the_form_with_its_message(
    client, form_url, names, valid_data, label, value, message
):
    data = {**valid_data, names[label]: value, **files(names)}

    response = client.post(form_url, data)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#id_{names[label]}"' in html
    assert message in html
    assert "Rina Sembiring" in html  # what was typed is kept
    assert not Permohonan.objects.exists()


def test_an_optional_field_may_stay_empty(client, form_url, names, valid_data):
    data = {**valid_data, names["Tanggal mulai tinggal"]: "", **files(names)}
    response = client.post(form_url, data)
    assert response.status_code == HTTPStatus.FOUND
    answers = {row["label"]: row["nilai"] for row in Permohonan.objects.get().jawaban}
    assert answers["Tanggal mulai tinggal"] == ""


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("ktp.pdf", b"ini hanya teks biasa", "application/pdf"),
            "bukan JPEG, PNG, WebP atau PDF yang valid",
        ),
        (
            SimpleUploadedFile("ktp.jpg", bytes(range(256)) * 8, "image/jpeg"),
            "bukan JPEG, PNG, WebP atau PDF yang valid",
        ),
        (
            SimpleUploadedFile(
                "ktp.pdf", b"%PDF-" + b"0" * MAX_UPLOAD_BYTES, "application/pdf"
            ),
            "terlalu besar",
        ),
        (None, "harus diisi"),
    ],
    ids=["text-renamed-pdf", "random-bytes", "too-large", "missing"],
)
def test_a_bad_requirement_upload_is_refused(
    client, form_url, names, valid_data, upload, message
):
    data = {**valid_data, **files(names, **{names["KTP pemohon"]: upload})}

    response = client.post(form_url, data)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert f'href="#id_{names["KTP pemohon"]}"' in html
    assert message in html
    assert "Pilih ulang semua berkas" in html
    assert not Permohonan.objects.exists()


def test_a_bad_file_field_upload_is_refused(client, form_url, names, valid_data):
    fake = SimpleUploadedFile("pengantar.png", b"bukan gambar", "image/png")
    data = {
        **valid_data,
        **files(names, **{names["Surat pengantar kepala desa"]: fake}),
    }
    html = client.post(form_url, data).content.decode()
    assert "bukan JPEG, PNG, WebP atau PDF yang valid" in html
    assert not Permohonan.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kecamatan": "sei-lepan"}, "pilihan yang valid"),
        ({"kecamatan": ""}, "harus diisi"),
        (
            {"desa": "__stabat__"},
            "Desa/kelurahan tidak berada di kecamatan yang dipilih.",
        ),
        ({"nik": "12345"}, "NIK harus terdiri atas 16 angka."),
        ({"telepon": "12"}, "Nomor telepon tidak valid."),
        ({"setuju": ""}, "harus diisi"),
    ],
)
def test_wrong_identity_or_place_is_refused(
    client, ekecamatan_page, names, valid_data, changes, message
):
    service = StandarLayanan.objects.get(slug="surat-keterangan-domisili")
    service.semua_kecamatan = False
    service.kecamatan.set([kecamatan("babalan"), kecamatan("stabat")])
    service.save()
    if changes.get("desa") == "__stabat__":
        changes = {"desa": str(kecamatan("stabat").desa.first().pk)}

    response = client.post(
        url(ekecamatan_page, "application_form", service.slug),
        {**valid_data, **changes, **files(names)},
    )

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not Permohonan.objects.exists()


def test_the_honeypot_refuses_the_submission_like_e_laga(
    client, form_url, names, valid_data
):
    data = {**valid_data, "website": "http://spam.example", **files(names)}
    response = client.post(form_url, data)
    assert response.status_code == HTTPStatus.OK
    assert "Permohonan tidak dapat dikirim." in response.content.decode()
    assert not Permohonan.objects.exists()


def test_garbage_posts_never_answer_500(client, form_url, names, valid_data):
    for data in (
        {},
        {"kecamatan": ["a", "b"], "desa": "x", names["Jumlah anggota keluarga"]: "1e9"},
        {**valid_data, names["KTP pemohon"]: "bukan berkas"},
    ):
        response = client.post(form_url, data)
        assert response.status_code == HTTPStatus.OK
    assert not Permohonan.objects.exists()


# ---------- A successful submission ----------


def test_a_valid_application_is_stored_once_with_files_and_answers(
    client,
    ekecamatan_page,
    form_url,
    names,
    valid_data,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    officer = kecamatan_officer("babalan")
    other_officer = kecamatan_officer("stabat")
    data = {
        **valid_data,
        **files(names, **{names["Surat pengantar kepala desa"]: png("pengantar.png")}),
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url, data)

    permohonan = Permohonan.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url(
        ekecamatan_page, "confirmation", permohonan.token_rahasia
    )
    assert "private" in response["Cache-Control"]
    assert permohonan.status == StatusPermohonan.DIAJUKAN
    assert permohonan.kecamatan.slug == "babalan"
    assert permohonan.desa.nama == "Brandan Barat"
    assert permohonan.telepon == "081234567890"
    assert permohonan.waktu_hari_kerja == 3
    assert {row["label"]: row["nilai"] for row in permohonan.jawaban} == {
        "Keperluan": "Melamar pekerjaan",
        "Jumlah anggota keluarga": 4,
        "Tanggal mulai tinggal": "2019-03-01",
        "Status rumah": "Sewa",
    }
    stored = {item.label: item.content_type for item in permohonan.berkas.all()}
    assert stored == {
        "KTP pemohon": "image/png",
        "Kartu Keluarga": "application/pdf",
        "Surat pengantar kepala desa": "image/png",
    }
    officer_mails = [mail for mail in mailoutbox if officer.email in mail.to]
    assert len(officer_mails) == 1
    assert permohonan.kode_lacak in officer_mails[0].subject
    assert not [mail for mail in mailoutbox if other_officer.email in mail.to]


def test_the_confirmation_shows_the_code_and_the_private_link(
    client, ekecamatan_page, form_url, names, valid_data
):
    response = client.post(form_url, {**valid_data, **files(names)}, follow=True)

    permohonan = Permohonan.objects.get()
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert permohonan.kode_lacak in html
    secret = url(ekecamatan_page, "secret_page", permohonan.token_rahasia)
    assert f"http://testserver{secret}" in html
    assert f"?kode={permohonan.kode_lacak}" in html
    assert "Terima kasih telah menggunakan e-kecamatan." in html
    last = response.redirect_chain[-1]
    assert last[1] == HTTPStatus.FOUND
    page = client.get(last[0])
    assert page["Referrer-Policy"] == "no-referrer"
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in page["Cache-Control"]


def test_confirmation_of_an_unknown_token_is_not_found(client, ekecamatan_page):
    response = client.get(url(ekecamatan_page, "confirmation", "tidak-ada"))
    assert response.status_code == HTTPStatus.NOT_FOUND
