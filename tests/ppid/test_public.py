"""The public KIP pages: request, confirmation, tracking, secret link, objection,
register and the yearly report."""

import csv
import datetime
import io
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.formats import date_format
from freezegun import freeze_time

from ppid import services
from ppid.choices import KeputusanPermohonan, PutusanKeberatan
from ppid.models import DokumenJawaban, Keberatan, PermohonanInformasi
from tests.factories import UserFactory
from tests.ppid.factories import create_kip_request, create_layanan_informasi_page

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-cache, no-store, max-age=0"


@pytest.fixture
def layanan(home_page):
    return create_layanan_informasi_page(home_page)


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


@pytest.fixture
def form_data():
    return {
        "nama": "Budi Santoso",
        "alamat": "Jl. Proklamasi No. 5, Stabat",
        "jenis_identitas": "ktp",
        "nomor_identitas": "1205011203850001",
        "pekerjaan": "Wiraswasta",
        "telepon": "0812-9876-5432",
        "email": "budi@example.com",
        "informasi_diminta": "Salinan DPA Dinas PUPR 2026.",
        "tujuan": "Kajian anggaran.",
        "cara_memperoleh": "salinan",
        "cara_penyampaian": "email",
    }


# ---------- Request form ----------


def test_form_shows_three_fieldsets_and_is_private(client, layanan):
    response = client.get(url(layanan, "request_form"))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for legend in ("Identitas pemohon", "Informasi yang diminta", "Cara memperoleh"):
        assert legend in html
    assert 'name="website"' in html
    assert response["Cache-Control"] == PRIVATE


def test_valid_request_creates_exactly_one_and_redirects_to_its_confirmation(
    client, layanan, form_data
):
    response = client.post(url(layanan, "request_form"), form_data)
    assert PermohonanInformasi.objects.count() == 1
    permohonan = PermohonanInformasi.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url(
        layanan, "confirmation", permohonan.token_rahasia
    )
    assert response["Cache-Control"] == PRIVATE
    assert permohonan.telepon == "081298765432"
    assert permohonan.batas_waktu == permohonan.deadline.deadline


def test_confirmation_shows_number_absolute_secret_link_and_deadline(
    client, layanan, form_data
):
    response = client.post(url(layanan, "request_form"), form_data, follow=True)
    permohonan = PermohonanInformasi.objects.get()
    html = response.content.decode()
    assert permohonan.kode_lacak in html
    assert permohonan.kode_lacak.startswith("KIP-")
    secret = "http://testserver" + url(layanan, "secret_page", permohonan.token_rahasia)
    assert secret in html
    assert "jangan bagikan" in html
    assert "10 hari kerja" in html
    assert response["Cache-Control"] == PRIVATE
    assert response["Referrer-Policy"] == "no-referrer"


def test_unknown_confirmation_token_is_404(client, layanan):
    response = client.get(url(layanan, "confirmation", "tidak-ada"))
    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"nomor_identitas": "1234"}, "nomor_identitas", "NIK harus terdiri atas 16"),
        ({"nama": ""}, "nama", "harus diisi"),
        ({"nomor_identitas": ""}, "nomor_identitas", "harus diisi"),
        ({"email": "", "telepon": ""}, None, "Isi email atau nomor telepon"),
        ({"cara_penyampaian": ""}, "cara_penyampaian", "Pilih cara mendapatkan"),
        ({"informasi_diminta": "x" * 10_000}, "informasi_diminta", "paling banyak"),
        (
            {"cara_memperoleh": "terbang"},
            "cara_memperoleh",
            "Masukkan pilihan yang valid",
        ),
        ({"website": "http://spam.example"}, None, "tidak dapat dikirim"),
    ],
)
def test_invalid_request_rerenders_with_indonesian_errors_and_creates_nothing(
    client, layanan, form_data, changes, field, message
):
    response = client.post(url(layanan, "request_form"), {**form_data, **changes})
    assert response.status_code == HTTPStatus.OK
    assert PermohonanInformasi.objects.count() == 0
    html = response.content.decode()
    assert "Periksa kembali isian berikut" in html
    assert message in html
    if field:
        assert response.context["form"].has_error(field)


def test_passport_numbers_are_not_checked_as_nik(client, layanan, form_data):
    data = {**form_data, "jenis_identitas": "paspor", "nomor_identitas": "c 1234567"}
    client.post(url(layanan, "request_form"), data)
    assert PermohonanInformasi.objects.get().nomor_identitas == "C1234567"


def test_viewing_only_needs_no_delivery_method_and_drops_a_stale_one(
    client, layanan, form_data
):
    data = {**form_data, "cara_memperoleh": "melihat", "cara_penyampaian": "pos"}
    client.post(url(layanan, "request_form"), data)
    assert PermohonanInformasi.objects.get().cara_penyampaian == ""


def test_garbage_posts_never_500(client, layanan):
    for data in ({}, {"nama": ["a", "b"]}, {"jenis_identitas": "x" * 500}):
        response = client.post(url(layanan, "request_form"), data)
        assert response.status_code == HTTPStatus.OK


# ---------- Tracking ----------


def test_tracking_shows_status_deadline_and_decision_but_no_identity(client, layanan):
    permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    response = client.get(
        url(layanan, "track"), {"nomor": permohonan.kode_lacak.lower()}
    )
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert permohonan.kode_lacak in html
    assert "Ditolak (informasi dikecualikan)" in html
    assert "Jawaban tertulis PPID." in html
    assert "Pasal 17 huruf h" in html
    assert "Memuat data pribadi." in html
    assert "Batas waktu" in html
    for identity in ("Budi Santoso", "1205011203850001", "081298765432", "budi."):
        assert identity not in html
    assert response["Cache-Control"] == PRIVATE


def test_tracking_shows_days_left_and_the_extension_reason(client, layanan):
    permohonan = create_kip_request()
    services.extend(permohonan, UserFactory(), "Dokumen tersebar di tiga OPD.")
    response = client.get(url(layanan, "track"), {"nomor": permohonan.kode_lacak})
    html = response.content.decode()
    assert "hari kerja lagi" in html
    assert "Dokumen tersebar di tiga OPD." in html


def test_tracking_an_unknown_number_says_so(client, layanan):
    response = client.get(url(layanan, "track"), {"nomor": "KIP-2222-3333"})
    assert "Nomor tidak ditemukan" in response.content.decode()


# ---------- Secret page ----------


def test_secret_page_shows_request_text_and_why_no_objection_yet(client, layanan):
    permohonan = create_kip_request()
    response = client.get(url(layanan, "secret_page", permohonan.token_rahasia))
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert permohonan.informasi_diminta in html
    assert "masih dalam jangka waktu jawaban" in html
    assert 'name="alasan"' not in html
    assert response["Cache-Control"] == PRIVATE


def test_objection_from_the_secret_page_is_filed_and_redirects(client, layanan):
    permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    secret = url(layanan, "secret_page", permohonan.token_rahasia)
    response = client.post(secret, {"alasan": ["a", "d"], "uraian": "Tidak adil."})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == secret
    keberatan = Keberatan.objects.get()
    assert keberatan.alasan == ["a", "d"]
    page = client.get(secret).content.decode()
    assert "Keberatan Anda sudah kami terima" in page


def test_objection_without_grounds_is_refused_with_an_error(client, layanan):
    permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    response = client.post(
        url(layanan, "secret_page", permohonan.token_rahasia),
        {"uraian": "Tidak adil."},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Pilih paling sedikit satu alasan keberatan." in response.content.decode()
    assert not Keberatan.objects.exists()


def test_answered_objection_shows_the_komisi_informasi_notice(client, layanan):
    permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK, objection=True)
    services.answer_keberatan(
        permohonan.keberatan,
        UserFactory(),
        PutusanKeberatan.DITOLAK,
        "Pengecualian sudah tepat.",
    )
    html = client.get(
        url(layanan, "secret_page", permohonan.token_rahasia)
    ).content.decode()
    assert "Pengecualian sudah tepat." in html
    assert "Komisi Informasi Provinsi Sumatera Utara" in html


# ---------- Objection by number ----------


def _identity(permohonan, **changes):
    return {
        "nomor": permohonan.kode_lacak,
        "nomor_identitas": permohonan.nomor_identitas,
        "kontak": permohonan.email,
        **changes,
    }


def test_objection_by_number_with_matching_identity_shows_the_grounds(client, layanan):
    permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    response = client.post(
        url(layanan, "objection_form"), _identity(permohonan, kontak="0812 9876 5432")
    )
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Permohonan ditolak dengan alasan pengecualian Pasal 17" in html
    assert response["Cache-Control"] == PRIVATE


def test_objection_by_number_is_filed_and_leads_to_the_secret_page(client, layanan):
    permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    response = client.post(
        url(layanan, "objection_form"),
        {
            **_identity(permohonan),
            "langkah": "keberatan",
            "alasan": ["e"],
            "uraian": "Dokumen yang diberikan tidak lengkap.",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url(layanan, "secret_page", permohonan.token_rahasia)
    assert Keberatan.objects.get().permohonan == permohonan


@pytest.mark.parametrize(
    "changes",
    [
        {"nomor_identitas": "1205011203850009"},
        {"kontak": "orang.lain@example.com"},
        {"kontak": "0811111111"},
        {"nomor": "KIP-2222-3333"},
    ],
)
def test_objection_by_number_with_wrong_identity_reveals_nothing(
    client, layanan, changes
):
    permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    data = {
        **_identity(permohonan, **changes),
        "langkah": "keberatan",
        "alasan": ["a"],
        "uraian": "Keberatan.",
    }
    response = client.post(url(layanan, "objection_form"), data)
    html = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Data tidak cocok" in html
    assert "Jawaban tertulis PPID." not in html
    assert "Ditolak" not in html
    assert not Keberatan.objects.exists()


def test_objection_after_30_hari_kerja_is_refused_with_the_reason(client, layanan):
    with freeze_time("2026-01-05 09:00:00+07:00"):
        permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    deadline = permohonan.objection_deadline()
    with freeze_time(deadline + datetime.timedelta(days=3)):
        response = client.post(
            url(layanan, "objection_form"),
            {
                **_identity(permohonan),
                "langkah": "keberatan",
                "alasan": ["a"],
                "uraian": "Terlambat.",
            },
        )
        secret = client.get(url(layanan, "secret_page", permohonan.token_rahasia))
    html = response.content.decode()
    assert "Keberatan tidak dapat diajukan" in html
    assert "30 hari kerja" in html
    assert date_format(deadline, "j F Y") in html
    assert "telah terlewati" in secret.content.decode()
    assert not Keberatan.objects.exists()


# ---------- Answer documents ----------


def test_documents_are_served_through_the_secret_link_only(client, layanan):
    permohonan = create_kip_request(decided=KeputusanPermohonan.DIBERIKAN_SELURUHNYA)
    document = DokumenJawaban.objects.create(
        permohonan=permohonan,
        judul="DPA 2026",
        berkas=ContentFile(b"%PDF-1.4 isi", name="dpa.pdf"),
        content_type="application/pdf",
    )
    secret = url(layanan, "secret_page", permohonan.token_rahasia)
    response = client.get(secret, {"dokumen": document.pk})
    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content) == b"%PDF-1.4 isi"
    assert response["Cache-Control"] == PRIVATE
    assert "attachment" in response["Content-Disposition"]
    other = create_kip_request()
    other_secret = url(layanan, "secret_page", other.token_rahasia)
    assert client.get(other_secret, {"dokumen": document.pk}).status_code == 404
    assert client.get(secret, {"dokumen": "x"}).status_code == 404
    track = client.get(url(layanan, "track"), {"dokumen": document.pk})
    assert b"%PDF" not in track.content


# ---------- Register ----------


def test_register_lists_requests_with_decision_and_days_taken(client, layanan):
    with freeze_time("2026-02-02 09:00:00+07:00"):
        decided = create_kip_request(decided=KeputusanPermohonan.DIBERIKAN_SEBAGIAN)
        waiting = create_kip_request(
            informasi_diminta="Data stunting 2025.",
            ringkasan_publik="Data stunting per desa tahun 2025.",
        )
    response = client.get(url(layanan, "register"))
    html = response.content.decode()
    assert decided.kode_lacak in html and waiting.kode_lacak in html
    assert "Diberikan sebagian" in html
    # Only the PPID's summary, never the requester's own text.
    assert "Data stunting per desa tahun 2025." in html
    assert "Data stunting 2025." not in html
    assert "Ringkasan belum tersedia" in html
    days = {
        item.pk: getattr(item, "register_days_taken", None)
        for item in response.context["requests"]
    }
    assert days[decided.pk] == 0
    assert days[waiting.pk] is None


def test_register_filters_by_year_status_and_decision(client, layanan):
    with freeze_time("2025-06-02 09:00:00+07:00"):
        old = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    with freeze_time("2026-02-02 09:00:00+07:00"):
        new = create_kip_request()
        granted = create_kip_request(decided=KeputusanPermohonan.DIBERIKAN_SELURUHNYA)
    register = url(layanan, "register")

    def codes(**query):
        response = client.get(register, query)
        return {item.kode_lacak for item in response.context["requests"]}

    assert codes(tahun=2025) == {old.kode_lacak}
    assert codes(status="diterima") == {new.kode_lacak}
    assert codes(keputusan="seluruhnya") == {granted.kode_lacak}
    assert codes(tahun="abad") == {old.kode_lacak, new.kode_lacak, granted.kode_lacak}


def _register_queries(client, layanan, count):
    user = UserFactory()
    for number in range(count):
        create_kip_request(
            user=user,
            decided=KeputusanPermohonan.DIBERIKAN_SELURUHNYA if number % 2 else None,
        )
    client.get(url(layanan, "register"))  # warm the site and page caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(layanan, "register"))
    assert response.status_code == HTTPStatus.OK
    return len(queries)


def test_register_runs_a_constant_number_of_queries(client, layanan, settings):
    settings.PAGE_CACHE_ENABLED = False  # rendering is measured, not the page cache
    few = _register_queries(client, layanan, 3)
    PermohonanInformasi.objects.all().delete()
    many = _register_queries(client, layanan, 40)
    assert few == many


def test_register_csv_has_the_filtered_rows(client, layanan):
    create_kip_request(ringkasan_publik="=HYPERLINK(1)")
    response = client.get(url(layanan, "register"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert "nomor_registrasi" in body
    assert "'=HYPERLINK(1)" in body


def test_register_csv_shows_every_formula_like_request_as_text(client, layanan):
    for text in ("+62 812 3456", "-1+1", "@SUM(A1:A9)"):
        create_kip_request(ringkasan_publik=text)
    response = client.get(url(layanan, "register"), {"format": "csv"})
    requested = {row[1] for row in csv.reader(io.StringIO(response.content.decode()))}
    assert {"'+62 812 3456", "'-1+1", "'@SUM(A1:A9)"} <= requested


# ---------- Yearly report ----------


def test_yearly_report_page_shows_tables_and_downloads(client, layanan):
    with freeze_time("2026-02-02 09:00:00+07:00"):
        create_kip_request(decided=KeputusanPermohonan.DITOLAK)
        create_kip_request()
    with freeze_time("2026-03-02 09:00:00+07:00"):
        report_url = url(layanan, "yearly_report")
        response = client.get(report_url, {"tahun": 2026})
        html = response.content.decode()
        assert response.status_code == HTTPStatus.OK
        assert "Permohonan diterima" in html
        assert "<caption>" in html
        csv_response = client.get(report_url, {"tahun": 2026, "format": "csv"})
        pdf_response = client.get(report_url, {"tahun": 2026, "format": "pdf"})
        bad = client.get(report_url, {"tahun": "1800"})
    assert csv_response["Content-Type"].startswith("text/csv")
    assert "Permohonan diterima,2" in csv_response.content.decode()
    assert pdf_response["Content-Type"] == "application/pdf"
    assert pdf_response.content.startswith(b"%PDF")
    assert bad.status_code == HTTPStatus.OK
