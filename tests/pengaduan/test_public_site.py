"""The public e-laga pages: submit, confirm, track, the secret link, published reports."""

from http import HTTPStatus
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pengaduan import services
from pengaduan.choices import JenisCatatan, StatusLaporan
from pengaduan.models import KategoriLaporan, LampiranLaporan, Laporan
from portal.models import Desa, Kecamatan
from tests.factories import UserFactory
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    advance_laporan,
    create_elaga_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def elaga(home_page):
    return create_elaga_page(home_page)


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def png_bytes():
    buffer = BytesIO()
    Image.new("RGB", (32, 24), "blue").save(buffer, format="PNG")
    return buffer.getvalue()


def photo(name="foto.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def attach(laporan, content, content_type, name):
    from django.core.files.base import ContentFile

    return LampiranLaporan.objects.create(
        laporan=laporan,
        berkas=ContentFile(content, name=name),
        content_type=content_type,
        ukuran=len(content),
    )


@pytest.fixture
def form_data():
    kategori = KategoriLaporanFactory(
        slug="jalan-rusak", nama="Jalan rusak", panduan="Sebutkan patokan terdekat."
    )
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


# ---------- Submission ----------


def test_form_page_shows_fieldsets_guidance_desa_groups_and_is_private(
    client, elaga, form_data
):
    response = client.get(url(elaga, "submission_form"))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    for legend in ("Laporan", "Lokasi", "Identitas dan privasi", "Lampiran"):
        assert f'class="service-fieldset__legend">{legend}</legend>' in html
    assert "Sebutkan patokan terdekat." in html
    assert '<optgroup label="Babalan">' in html
    assert 'data-kecamatan="babalan"' in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert "Anonim" in html and "Rahasia" in html
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-cache" in cache_control
    assert "public" not in cache_control


def test_a_valid_submission_creates_one_report_and_redirects_to_its_confirmation(
    client, elaga, form_data
):
    response = client.post(
        url(elaga, "submission_form"), {**form_data, "lampiran": [photo()]}
    )
    laporan = Laporan.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url(elaga, "confirmation", laporan.token_rahasia)
    assert "public" not in response["Cache-Control"]
    assert laporan.lampiran.count() == 1

    page = client.get(response["Location"])
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert laporan.kode_lacak in html
    assert (
        "http://testserver" + url(elaga, "secret_page", laporan.token_rahasia) in html
    )
    assert "3 hari kerja" in html
    assert f"?kode={laporan.kode_lacak}" in html
    assert page["Referrer-Policy"] == "no-referrer"
    assert "private" in page["Cache-Control"]


def test_confirmation_of_an_unknown_token_is_not_found(client, elaga):
    response = client.get(url(elaga, "confirmation", "tidak-ada"))
    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"nik": "12345"}, "NIK harus terdiri atas 16 angka."),
        ({"kategori": "tidak-ada"}, "Masukkan pilihan yang valid"),
        ({"desa": "999999"}, "Masukkan pilihan yang valid"),
        ({"isi": "x" * 10_000}, "paling banyak 4000 karakter"),
        ({"judul": "", "kecamatan": ""}, "harus diisi"),
        ({"setuju": ""}, "harus diisi"),
        ({"email": "", "telepon": ""}, "email atau nomor telepon"),
    ],
)
def test_invalid_submissions_re_render_with_indonesian_errors_and_create_nothing(
    client, elaga, form_data, changes, message
):
    response = client.post(url(elaga, "submission_form"), {**form_data, **changes})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert message in html
    assert not Laporan.objects.exists()
    # Typed values are kept.
    assert "Lubang besar membahayakan anak sekolah." in html or "x" * 100 in html


def test_a_fake_image_is_refused_and_the_reporter_is_told_to_choose_files_again(
    client, elaga, form_data
):
    fake = SimpleUploadedFile("foto.jpg", b"bukan gambar", content_type="image/jpeg")
    response = client.post(
        url(elaga, "submission_form"), {**form_data, "lampiran": [fake]}
    )
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "bukan JPEG" in html
    assert "Pilih ulang lampiran" in html
    assert not Laporan.objects.exists()


def test_the_error_summary_links_to_the_fields(client, elaga, form_data):
    response = client.post(url(elaga, "submission_form"), {**form_data, "nik": "1"})
    assert 'href="#id_nik"' in response.content.decode()


def test_garbage_posts_never_answer_500(client, elaga, form_data):
    for data in (
        {},
        {"kategori": ["a", "b"], "desa": "x", "latitude": "abc"},
        {**form_data, "tanggal_kejadian": "kemarin", "longitude": "999"},
        {**form_data, "website": "http://spam.example"},
    ):
        response = client.post(url(elaga, "submission_form"), data)
        assert response.status_code == HTTPStatus.OK
    assert not Laporan.objects.exists()


# ---------- Tracking ----------


@pytest.fixture
def dispatched():
    laporan = LaporanFactory(judul="Drainase tersumbat")
    advance_laporan(laporan, StatusLaporan.DIDISPOSISIKAN)
    moderator = UserFactory(username="moderator-uji")
    services.add_followup(laporan, moderator, "Catatan internal rahasia", public=False)
    services.add_reporter_information(laporan, "Info tambahan pelapor sendiri.")
    return laporan


def test_tracking_accepts_any_case_and_spacing(client, elaga, dispatched):
    sloppy = dispatched.kode_lacak.lower().replace("-", " ")
    response = client.get(url(elaga, "track"), {"kode": f"  {sloppy} "})
    assert response.status_code == HTTPStatus.OK
    assert dispatched.kode_lacak in response.content.decode()


def test_tracking_shows_status_deadlines_and_public_entries_only(
    client, elaga, dispatched
):
    response = client.get(url(elaga, "track"), {"kode": dispatched.kode_lacak})
    html = response.content.decode()
    assert "Didisposisikan" in html
    assert "Verifikasi" in html and "Tindak lanjut pertama OPD" in html
    assert "Penyelesaian" in html
    assert "Laporan diteruskan ke" in html
    assert "Catatan internal rahasia" not in html
    assert "Info tambahan pelapor sendiri." not in html
    assert dispatched.isi not in html
    assert "moderator-uji" not in html
    assert "private" in response["Cache-Control"]


def test_a_rejected_report_shows_its_reason(client, elaga):
    laporan = advance_laporan(LaporanFactory(), StatusLaporan.DITOLAK)
    response = client.get(url(elaga, "track"), {"kode": laporan.kode_lacak})
    assert "Ditolak" in response.content.decode()
    assert "Laporan di luar kewenangan." in response.content.decode()


def test_an_unknown_code_gets_a_clear_message(client, elaga):
    response = client.get(url(elaga, "track"), {"kode": "LGK-ZZZZ-ZZZZ"})
    assert response.status_code == HTTPStatus.OK
    assert "Kode tidak ditemukan" in response.content.decode()
    response = client.get(url(elaga, "track"), {"kode": "x" * 500})
    assert response.status_code == HTTPStatus.OK


def test_tracking_a_confidential_report_does_not_say_it_is_confidential(client, elaga):
    laporan = LaporanFactory(rahasia=True, anonim=True)
    html = client.get(
        url(elaga, "track"), {"kode": laporan.kode_lacak}
    ).content.decode()
    assert laporan.kode_lacak in html
    assert "rahasia" not in html.lower().replace("tautan rahasia", "")
    assert "anonim" not in html.lower()


# ---------- Secret link ----------


def test_the_secret_page_shows_own_text_and_files_privately(client, elaga, dispatched):
    attach(dispatched, b"%PDF-1.4 isi", "application/pdf", "surat.pdf")
    secret = url(elaga, "secret_page", dispatched.token_rahasia)
    response = client.get(secret)
    html = response.content.decode()
    assert dispatched.isi in html
    assert "Info tambahan pelapor sendiri." in html
    assert "Catatan internal rahasia" not in html
    assert "Dokumen PDF 1" in html
    # The origin (never the path with the token) goes out, so form POSTs pass CSRF.
    assert response["Referrer-Policy"] == "strict-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "private" in response["Cache-Control"]
    attachment = dispatched.lampiran.get()
    download = client.get(secret, {"lampiran": attachment.pk})
    assert download.status_code == HTTPStatus.OK
    assert download["Content-Disposition"].startswith("attachment")


def test_the_reporter_adds_information_from_the_secret_page(client, elaga, dispatched):
    secret = url(elaga, "secret_page", dispatched.token_rahasia)
    response = client.post(
        secret, {"aksi": "informasi", "informasi-pesan": "Sudah ada korban jatuh."}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert dispatched.linimasa.filter(
        jenis=JenisCatatan.INFO_PELAPOR, message="Sudah ada korban jatuh."
    ).exists()
    page = client.get(response["Location"])
    assert "Informasi tambahan Anda sudah kami terima." in page.content.decode()


def test_an_empty_addition_re_renders_with_an_error(client, elaga, dispatched):
    secret = url(elaga, "secret_page", dispatched.token_rahasia)
    response = client.post(secret, {"aksi": "informasi", "informasi-pesan": ""})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "harus diisi" in response.content.decode()


def test_the_reporter_rates_a_resolved_report_once_shown_as_done(client, elaga):
    laporan = advance_laporan(LaporanFactory(), StatusLaporan.SELESAI)
    secret = url(elaga, "secret_page", laporan.token_rahasia)
    assert "Kirim penilaian" in client.get(secret).content.decode()
    response = client.post(
        secret,
        {"aksi": "penilaian", "penilaian-penilaian": "4", "penilaian-komentar": "Baik"},
    )
    assert response.status_code == HTTPStatus.FOUND
    laporan.refresh_from_db()
    assert (laporan.penilaian, laporan.komentar_penilaian) == (4, "Baik")
    html = client.get(secret).content.decode()
    assert "Anda memberi nilai 4 dari 5" in html
    assert "Kirim penilaian" not in html


def test_rating_an_open_report_is_refused_with_a_message(client, elaga, dispatched):
    secret = url(elaga, "secret_page", dispatched.token_rahasia)
    response = client.post(secret, {"aksi": "penilaian", "penilaian-penilaian": "5"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "setelah laporan selesai" in response.content.decode()
    dispatched.refresh_from_db()
    assert dispatched.penilaian is None


def test_the_reporter_reopens_a_resolved_report_once(client, elaga):
    laporan = advance_laporan(LaporanFactory(), StatusLaporan.SELESAI)
    secret = url(elaga, "secret_page", laporan.token_rahasia)
    assert "Buka kembali laporan" in client.get(secret).content.decode()
    response = client.post(
        secret, {"aksi": "buka-kembali", "buka-kembali-alasan": "Rusak lagi."}
    )
    assert response.status_code == HTTPStatus.FOUND
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DIDISPOSISIKAN
    assert laporan.dibuka_kembali
    advance_laporan_again = services.resolve(laporan, None, "Diperbaiki ulang.")
    assert advance_laporan_again
    html = client.get(secret).content.decode()
    assert "Buka kembali laporan" not in html
    response = client.post(
        secret, {"aksi": "buka-kembali", "buka-kembali-alasan": "Lagi."}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "satu kali" in response.content.decode()


def test_an_unknown_secret_token_or_action_is_handled(client, elaga, dispatched):
    assert client.get(url(elaga, "secret_page", "salah")).status_code == 404
    secret = url(elaga, "secret_page", dispatched.token_rahasia)
    assert client.post(secret, {"aksi": "hapus"}).status_code == HTTPStatus.BAD_REQUEST


# ---------- Published reports ----------


@pytest.fixture
def published_set():
    """Published reports in two categories and kecamatan, plus unpublished ones."""
    jalan = KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    air = KategoriLaporanFactory(slug="air-bersih", nama="Air bersih")
    asn = KategoriLaporanFactory(slug="kinerja-asn", nama="Kinerja ASN")
    KategoriLaporan.objects.filter(pk=asn.pk).update(selalu_rahasia=True)
    stabat = Kecamatan.objects.get(slug="stabat")
    reports = {
        "jalan_babalan": advance_laporan(
            LaporanFactory(kategori=jalan, judul="Jalan Babalan"),
            StatusLaporan.DIVERIFIKASI,
        ),
        "jalan_stabat_selesai": advance_laporan(
            LaporanFactory(
                kategori=jalan, judul="Jalan Stabat", kecamatan=stabat, desa=None
            ),
            StatusLaporan.SELESAI,
        ),
        "air_babalan": advance_laporan(
            LaporanFactory(kategori=air, judul="Air Babalan"),
            StatusLaporan.DIDISPOSISIKAN,
        ),
        "baru": LaporanFactory(kategori=jalan, judul="Masih baru"),
        "ditolak": advance_laporan(
            LaporanFactory(kategori=jalan, judul="Ditolak saja"),
            StatusLaporan.DITOLAK,
        ),
        "rahasia": advance_laporan(
            LaporanFactory(kategori=jalan, judul="Laporan rahasia", rahasia=True),
            StatusLaporan.DIVERIFIKASI,
        ),
        "asn": advance_laporan(
            LaporanFactory(kategori=asn, judul="Pegawai bolos"),
            StatusLaporan.DIVERIFIKASI,
        ),
        "tersembunyi": advance_laporan(
            LaporanFactory(kategori=jalan, judul="Disembunyikan", disembunyikan=True),
            StatusLaporan.DIVERIFIKASI,
        ),
    }
    return reports


def listed_titles(client, elaga, **params):
    response = client.get(url(elaga, "published_list"), params)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    titles = {
        "Jalan Babalan",
        "Jalan Stabat",
        "Air Babalan",
        "Masih baru",
        "Ditolak saja",
        "Laporan rahasia",
        "Pegawai bolos",
        "Disembunyikan",
    }
    return {title for title in titles if f">{title}</a>" in html}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Jalan Babalan", "Jalan Stabat", "Air Babalan"}),
        ({"kategori": "jalan-rusak"}, {"Jalan Babalan", "Jalan Stabat"}),
        ({"kecamatan": "babalan"}, {"Jalan Babalan", "Air Babalan"}),
        ({"status": "selesai"}, {"Jalan Stabat"}),
        ({"kategori": "air-bersih", "kecamatan": "stabat"}, set()),
        ({"kategori": "kinerja-asn"}, {"Jalan Babalan", "Jalan Stabat", "Air Babalan"}),
        ({"status": "baru"}, {"Jalan Babalan", "Jalan Stabat", "Air Babalan"}),
    ],
)
def test_published_list_filters_return_exactly_the_right_reports(
    client, elaga, published_set, params, expected
):
    assert listed_titles(client, elaga, **params) == expected


def test_invalid_filters_are_reported(client, elaga, published_set):
    response = client.get(url(elaga, "published_list"), {"status": "baru"})
    assert "Sebagian filter tidak valid" in response.content.decode()


def test_published_list_paginates_by_twenty(client, elaga):
    kategori = KategoriLaporanFactory()
    for number in range(23):
        laporan = LaporanFactory(kategori=kategori, judul=f"Laporan {number}")
        Laporan.objects.filter(pk=laporan.pk).update(status=StatusLaporan.DIVERIFIKASI)
    html = client.get(url(elaga, "published_list")).content.decode()
    assert html.count('class="item-list__item"') == 20
    html = client.get(url(elaga, "published_list"), {"page": 2}).content.decode()
    assert html.count('class="item-list__item"') == 3


def test_published_list_queries_stay_constant(
    client, elaga, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_ENABLED = False  # rendering is measured, not the page cache
    kategori = KategoriLaporanFactory()

    def publish(count):
        for _ in range(count):
            laporan = LaporanFactory(kategori=kategori)
            Laporan.objects.filter(pk=laporan.pk).update(
                status=StatusLaporan.DIVERIFIKASI
            )

    publish(3)
    client.get(url(elaga, "published_list"))  # warm Wagtail's site caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url(elaga, "published_list"))
    few_queries = len(few.captured_queries)
    publish(37)
    # A change retires the menu and banner shared by every page: read them again.
    client.get(url(elaga, "published_list"))
    with django_assert_max_num_queries(few_queries):
        response = client.get(url(elaga, "published_list"))
    assert response.content.decode().count('class="item-list__item"') == 20


def test_published_detail_shows_text_and_public_answers(client, elaga, published_set):
    laporan = published_set["jalan_stabat_selesai"]
    response = client.get(url(elaga, "published_detail", laporan.kode_lacak))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert laporan.isi in html
    assert "Jalan sudah diperbaiki." in html
    # Also reachable with a sloppily typed code.
    sloppy = laporan.kode_lacak.lower()
    assert client.get(url(elaga, "published_detail", sloppy)).status_code == 200


@pytest.mark.parametrize("key", ["baru", "ditolak", "rahasia", "asn", "tersembunyi"])
def test_unpublished_reports_have_no_detail_page(client, elaga, published_set, key):
    laporan = published_set[key]
    response = client.get(url(elaga, "published_detail", laporan.kode_lacak))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_only_images_of_published_reports_are_served(client, elaga, published_set):
    published = published_set["jalan_babalan"]
    image = attach(published, png_bytes(), "image/png", "a.png")
    pdf = attach(published, b"%PDF-1.4 rahasia", "application/pdf", "b.pdf")
    hidden_image = attach(published_set["rahasia"], png_bytes(), "image/png", "c.png")
    detail = url(elaga, "published_detail", published.kode_lacak)

    response = client.get(detail, {"lampiran": image.pk})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == "inline"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == png_bytes()

    assert client.get(detail, {"lampiran": pdf.pk}).status_code == 404
    assert client.get(detail, {"lampiran": hidden_image.pk}).status_code == 404
    assert client.get(detail, {"lampiran": "abc"}).status_code == 404
    hidden_detail = url(elaga, "published_detail", published_set["rahasia"].kode_lacak)
    assert client.get(hidden_detail, {"lampiran": hidden_image.pk}).status_code == 404
    html = client.get(detail).content.decode()
    assert f"?lampiran={image.pk}" in html
    assert f"?lampiran={pdf.pk}" not in html


def test_readers_flag_a_report_and_three_flags_hide_it(client, elaga, published_set):
    laporan = published_set["jalan_babalan"]
    detail = url(elaga, "published_detail", laporan.kode_lacak)
    page = client.get(detail)
    assert "Laporkan konten tidak pantas" in page.content.decode()
    confirm = client.get(detail, {"tandai": "1"})
    assert "csrfmiddlewaretoken" in confirm.content.decode()
    assert "private" in confirm["Cache-Control"]

    response = client.post(detail, {"alasan": "Kata kasar"}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == HTTPStatus.FOUND
    assert "Terima kasih" in client.get(response["Location"]).content.decode()
    laporan.refresh_from_db()
    assert laporan.jumlah_tanda == 1
    client.post(detail, {}, REMOTE_ADDR="10.0.0.1")
    laporan.refresh_from_db()
    assert laporan.jumlah_tanda == 1, "one flag per reader"
    client.post(detail, {}, REMOTE_ADDR="10.0.0.2")
    response = client.post(detail, {}, REMOTE_ADDR="10.0.0.3")
    assert response["Location"] == url(elaga, "published_list")
    assert client.get(detail).status_code == HTTPStatus.NOT_FOUND
