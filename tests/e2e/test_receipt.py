"""The receipt on a 360 px phone: a citizen files an e-laga report, copies the
secret link with the copy button, downloads the receipt and reads it, and prints
the confirmation page without the secret link."""

import re

import pytest
import zxingcpp
from playwright.sync_api import expect
from pypdf import PdfReader

from portal.models import Desa
from tests.e2e.conftest import (
    E2E_DB,
    assert_no_serious_a11y_violations,
    assert_no_sideways_scroll,
)
from tests.pengaduan.factories import KategoriLaporanFactory, create_elaga_page

pytestmark = [pytest.mark.e2e, E2E_DB]

TRACKING_CODE = re.compile(r"LGK-[0-9A-Z]{4}-[0-9A-Z]{4}")
LONG_DATE = re.compile(
    r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ \d{4}"
)


@pytest.fixture
def elaga(portal_site):
    page = create_elaga_page(portal_site.home, slug="lapor")
    KategoriLaporanFactory(nama="Jalan dan jembatan", slug="jalan-jembatan")
    return portal_site.url, page


def submit_report(phone, form_url):
    phone.goto(form_url)
    phone.locator("#id_kategori").select_option("jalan-jembatan")
    phone.locator("#id_judul").fill("Lampu jalan padam di Jalan Pelabuhan")
    phone.locator("#id_isi").fill(
        "Tiga lampu jalan di depan pasar padam sejak seminggu, jalan gelap malam hari."
    )
    phone.locator("#id_kecamatan").select_option(label="Babalan")
    brandan_barat = Desa.objects.get(nama="Brandan Barat")
    phone.locator("#id_desa").select_option(str(brandan_barat.pk))
    phone.locator("#id_nama_pelapor").fill("Nurhayati Siregar")
    phone.locator("#id_email").fill("nurhayati.e2e@example.com")
    phone.locator("#id_setuju").check()
    phone.get_by_role("button", name="Kirim laporan").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Laporan Anda sudah kami terima"
    )


def read_pdf(path):
    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    codes = [
        result.text
        for image in reader.pages[0].images
        for result in zxingcpp.read_barcodes(image.image)
    ]
    return reader, text, codes


def test_a_citizen_copies_the_link_downloads_and_reads_the_receipt_on_a_phone(
    elaga, phone
):
    base, page = elaga
    submit_report(phone, base + page.url)
    code = phone.locator(".code-box__code").inner_text().strip()
    assert TRACKING_CODE.fullmatch(code), code
    secret_field = phone.get_by_role("textbox", name="Tautan rahasia")
    secret_url = secret_field.input_value()
    expect(phone.locator(".code-box__qr svg")).to_be_visible()
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    # The copy button puts the secret link on the clipboard and says so.
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    phone.get_by_role("button", name="Salin tautan").click()
    expect(phone.locator(".secret-link__feedback")).to_have_text(
        "Tautan sudah disalin."
    )
    assert phone.evaluate("navigator.clipboard.readText()") == secret_url

    # The receipt: code, date, deadline and a QR code to the public tracking page;
    # the secret link only when ticked.
    with phone.expect_download() as download_info:
        phone.get_by_role("button", name="Unduh tanda terima (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"tanda-terima-{code}.pdf"
    reader, text, qr_codes = read_pdf(download.path())
    assert len(reader.pages) == 1
    assert code in text
    assert "Diterima" in text
    assert "WIB" in text
    assert "Verifikasi" in text
    assert len(LONG_DATE.findall(text)) >= 2  # received and verification deadline
    assert qr_codes == [f"{base}{page.url}lacak/?kode={code}"]
    token = secret_url.rstrip("/").rsplit("/", 1)[-1]
    assert token not in text.replace("\n", "").replace(" ", "")

    phone.get_by_label("Sertakan tautan rahasia di tanda terima").check()
    with phone.expect_download() as download_info:
        phone.get_by_role("button", name="Unduh tanda terima (PDF)").click()
    _, with_link, _ = read_pdf(download_info.value.path())
    assert token in with_link.replace("\n", "").replace(" ", "")

    # The QR code leads to the tracking page, which shows the report's status.
    phone.goto(qr_codes[0])
    expect(phone.locator(".status-summary")).to_contain_text(code)

    # Printing the confirmation keeps the code and QR, never the secret link.
    phone.go_back()
    phone.emulate_media(media="print")
    expect(phone.locator(".code-box__code")).to_be_visible()
    expect(phone.locator(".code-box__qr svg")).to_be_visible()
    expect(phone.locator(".secret-link")).to_be_hidden()
    expect(phone.locator(".receipt-actions")).to_be_hidden()
    expect(phone.locator(".site-header")).to_be_hidden()
