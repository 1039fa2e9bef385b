"""The receipt (tanda terima) of e-laga reports, KIP requests and e-kecamatan
applications: a PDF only the submitter can download, naming the code, the date,
the deadline the tracking page shows and a QR code to that tracking page."""

import io
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
import zxingcpp
from django.utils import translation
from django.utils.formats import date_format
from freezegun import freeze_time
from pypdf import PdfReader

from layanan.models import EKecamatanIndexPage
from portal.base_url import absolute_url
from tests.layanan.factories import PermohonanFactory
from tests.pengaduan.factories import LaporanFactory, create_elaga_page
from tests.ppid.factories import (
    PermohonanInformasiFactory,
    create_layanan_informasi_page,
)

pytestmark = pytest.mark.django_db

#: Tuesday 17 March 2026, 10:00 WIB: the worked example of DESIGN §4.1.
RECEIVED = "2026-03-17 03:00:00"
RECEIVED_TEXT = "Selasa, 17 Maret 2026, pukul 10.00 WIB"


def elaga_submission(home_page):
    return create_elaga_page(home_page), LaporanFactory()


def kip_submission(home_page):
    return create_layanan_informasi_page(home_page), PermohonanInformasiFactory()


def ekecamatan_submission(home_page):
    page = EKecamatanIndexPage(title="e-kecamatan", slug="e-kecamatan")
    home_page.add_child(instance=page)
    return page, PermohonanFactory()


#: (app, how to make a host page and a fresh submission, tracking parameter)
APPS = [
    pytest.param(elaga_submission, "kode", id="e-laga"),
    pytest.param(kip_submission, "nomor", id="kip"),
    pytest.param(ekecamatan_submission, "kode", id="e-kecamatan"),
]


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def receipt_url(page, submission, **extra):
    query = urlencode({"tanda-terima": "pdf", **extra})
    return f"{route(page, 'confirmation', submission.token_rahasia)}?{query}"


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return " ".join(page.extract_text() for page in reader.pages), reader


def qr_codes(reader):
    return [
        result.text
        for image in reader.pages[0].images
        for result in zxingcpp.read_barcodes(image.image)
    ]


def tracking_page_text(client, page, submission, code_field):
    response = client.get(route(page, "track"), {code_field: submission.kode_lacak})
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@freeze_time(RECEIVED)
@pytest.mark.parametrize(("make", "code_field"), APPS)
def test_the_submitter_downloads_a_one_page_receipt_with_code_date_and_qr(
    client, home_page, make, code_field
):
    page, submission = make(home_page)

    response = client.get(receipt_url(page, submission))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="tanda-terima-{submission.kode_lacak}.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    text, reader = pdf_text(response.content)
    assert len(reader.pages) == 1
    assert submission.kode_lacak in text
    assert RECEIVED_TEXT in text
    track_url = absolute_url(route(page, "track"))
    assert qr_codes(reader) == [f"{track_url}?{code_field}={submission.kode_lacak}"]


@freeze_time(RECEIVED)
def test_the_elaga_receipt_names_the_verification_deadline_of_the_tracking_page(
    client, home_page
):
    page, laporan = elaga_submission(home_page)

    text, _ = pdf_text(client.get(receipt_url(page, laporan)).content)

    # DESIGN §4.1: 3 hari kerja from Tuesday 17 March 2026 end on Friday 27 March.
    assert "Verifikasi" in text
    assert "Jumat, 27 Maret 2026" in text
    assert "Jumat, 27 Maret 2026" in tracking_page_text(client, page, laporan, "kode")
    assert laporan.kategori.nama in text


@freeze_time(RECEIVED)
def test_the_kip_receipt_names_the_answer_deadline_of_the_tracking_page(
    client, home_page
):
    page, permohonan = kip_submission(home_page)
    with translation.override("id"):
        deadline = date_format(permohonan.deadline.deadline, "l, j F Y")

    text, _ = pdf_text(client.get(receipt_url(page, permohonan)).content)

    assert "Jawaban PPID" in text
    assert deadline in tracking_page_text(client, page, permohonan, "nomor")
    assert deadline in text
    assert "Permohonan informasi publik" in text


@freeze_time(RECEIVED)
def test_the_ekecamatan_receipt_says_the_service_time_runs_from_verification(
    client, home_page
):
    page, permohonan = ekecamatan_submission(home_page)

    text, _ = pdf_text(client.get(receipt_url(page, permohonan)).content)
    tracking = tracking_page_text(client, page, permohonan, "kode")

    phrase = "hari kerja, dihitung sejak berkas diverifikasi petugas"
    assert f"{permohonan.waktu_hari_kerja} {phrase}" in text
    assert phrase in tracking
    assert permohonan.layanan.nama in text
    assert permohonan.kecamatan.nama in text


@pytest.mark.parametrize(("make", "code_field"), APPS)
def test_the_secret_link_is_on_the_receipt_only_when_asked_for(
    client, home_page, make, code_field
):
    page, submission = make(home_page)

    default, _ = pdf_text(client.get(receipt_url(page, submission)).content)
    asked, _ = pdf_text(
        client.get(receipt_url(page, submission, **{"sertakan-tautan": "1"})).content
    )

    assert submission.token_rahasia not in default
    assert submission.token_rahasia not in default.replace("\n", "").replace(" ", "")
    assert submission.token_rahasia in asked.replace("\n", "").replace(" ", "")


@pytest.mark.parametrize(("make", "code_field"), APPS)
def test_nobody_gets_a_receipt_by_the_code_or_a_guessed_token(
    client, home_page, make, code_field
):
    page, submission = make(home_page)
    query = "?tanda-terima=pdf"

    by_code = client.get(route(page, "confirmation", submission.kode_lacak) + query)
    guessed = client.get(route(page, "confirmation", "x" * 43) + query)
    tracking = client.get(
        route(page, "track"), {code_field: submission.kode_lacak, "tanda-terima": "pdf"}
    )

    assert by_code.status_code == HTTPStatus.NOT_FOUND
    assert guessed.status_code == HTTPStatus.NOT_FOUND
    assert tracking["Content-Type"].startswith("text/html")


@freeze_time(RECEIVED)
@pytest.mark.parametrize(("make", "code_field"), APPS)
def test_the_confirmation_page_offers_the_receipt_a_qr_code_and_a_copy_button(
    client, home_page, make, code_field
):
    page, submission = make(home_page)

    response = client.get(route(page, "confirmation", submission.token_rahasia))
    html = response.content.decode()

    assert 'name="tanda-terima" value="pdf"' in html
    assert 'type="checkbox" id="sertakan-tautan" name="sertakan-tautan"' in html
    assert 'class="qr-code"' in html
    assert "Kode QR halaman pelacakan" in html
    assert 'data-copy-target="tautan-rahasia"' in html
    assert "portal/js/copy-link" in html
    assert "portal/css/receipt" in html
    assert "Selasa, 17 Maret 2026, 10.00 WIB" in html
    # Without JavaScript the link stays a selectable field.
    assert (
        f'value="{absolute_url(route(page, "secret_page", submission.token_rahasia))}"'
        in html
    )
