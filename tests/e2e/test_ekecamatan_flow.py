"""An e-kecamatan application's whole journey in a real browser (issue 6's browser test).

A citizen applies for a service with two uploads on a 360 px phone; the kecamatan
officer asks for a fix in the admin; the citizen fixes it through the private link
and resubmits; the officer verifies, processes and completes it with a result PDF;
the citizen downloads the result and answers the IKM survey, once.
"""

import re
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect
from reportlab.pdfgen import canvas

from layanan.choices import StatusPermohonan
from layanan.models import EKecamatanIndexPage, Permohonan, SurveiIKM
from portal.models import Desa
from tests.e2e.conftest import (
    E2E_DB,
    admin_tab,
    assert_no_serious_a11y_violations,
    assert_no_sideways_scroll,
    open_action,
)
from tests.layanan.factories import StandarLayananFactory, kecamatan_officer

pytestmark = [pytest.mark.e2e, E2E_DB]

SERVICE_NAME = "Surat Keterangan Domisili"
APPLICANT_NAME = "Rina Sembiring"
APPLICANT_NIK = "1205015203850002"
APPLICANT_EMAIL = "rina.sembiring.e2e@example.com"
PURPOSE = "Syarat pendaftaran sekolah anak"
FIX_NOTE = "Foto KTP buram dan jumlah anggota keluarga tidak sesuai Kartu Keluarga."
FIX_MESSAGE = "KTP sudah difoto ulang di tempat terang."
RESULT_NOTE = "Surat sudah ditandatangani camat; unduh atau ambil aslinya di loket."
TRACKING_CODE = re.compile(r"^KCM-[0-9A-Z]{4}-[0-9A-Z]{4}$")
#: The citizen's IKM answers, element by element (legend, radio label, score).
SURVEY_ANSWERS = [
    ("Persyaratan", "Sangat baik", 4),
    ("Sistem, mekanisme dan prosedur", "Baik", 3),
    ("Waktu penyelesaian", "Sangat baik", 4),
    ("Biaya/tarif", "Sangat baik", 4),
    ("Produk spesifikasi jenis pelayanan", "Baik", 3),
    ("Kompetensi pelaksana", "Sangat baik", 4),
    ("Perilaku pelaksana", "Sangat baik", 4),
    ("Penanganan pengaduan, saran dan masukan", "Kurang baik", 2),
    ("Sarana dan prasarana", "Baik", 3),
]
#: The colour of the KTP photo sent with the fix (the first one is darker).
SHARPER_KTP = (240, 240, 230)
SUGGESTION = "Ruang tunggu kantor camat perlu kipas angin."


@pytest.fixture
def ekecamatan(portal_site):
    """The e-kecamatan index page, a live service with two required uploads and
    a field of each kind, and a Petugas Kecamatan of Babalan."""
    # ``portal_site`` already has a plain "e-kecamatan" area page at /e-kecamatan/.
    page = portal_site.home.add_child(
        instance=EKecamatanIndexPage(
            title="Layanan Kecamatan",
            slug="layanan-kecamatan",
            introduction="<p>Ajukan layanan kantor camat dari rumah.</p>",
            confirmation_text="Terima kasih telah menggunakan e-kecamatan.",
        )
    )
    # The factory's default: uploads "KTP pemohon" and "Kartu Keluarga" (required),
    # fields text, number, date (optional), choice and an optional file.
    service = StandarLayananFactory(nama=SERVICE_NAME, slug="surat-keterangan-domisili")
    officer = kecamatan_officer("babalan", username="petugas.babalan.e2e")
    return {
        "url": portal_site.url,
        "page": page,
        "service": service,
        "officer": officer,
    }


def png_file(directory, name, colour):
    """A small PNG as a phone photo of a document would be."""
    path = directory / name
    Image.new("RGB", (320, 200), colour).save(path, "PNG")
    return path


def pdf_bytes(text):
    buffer = BytesIO()
    document = canvas.Canvas(buffer)
    document.drawString(72, 720, text)
    document.showPage()
    document.save()
    return buffer.getvalue()


@pytest.fixture
def documents(tmp_path):
    """The applicant's KTP photo (PNG), Kartu Keluarga (PDF), a sharper KTP photo for
    the fix, and the officer's result document (PDF)."""
    kartu_keluarga = tmp_path / "kartu-keluarga.pdf"
    kartu_keluarga.write_bytes(pdf_bytes("Kartu Keluarga"))
    result = tmp_path / "surat-domisili.pdf"
    result.write_bytes(pdf_bytes("Surat Keterangan Domisili"))
    return {
        "ktp": png_file(tmp_path, "ktp.png", (200, 200, 190)),
        "kk": kartu_keluarga,
        "ktp_sharper": png_file(tmp_path, "ktp-ulang.png", SHARPER_KTP),
        "result": result,
    }


def open_application_in_admin(tab, live_url, code):
    """From the admin's application list to the application's processing view."""
    tab.goto(live_url + "/admin/")
    tab.get_by_role("button", name="e-kecamatan").click()
    tab.get_by_role("link", name="Permohonan layanan", exact=True).click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text(
        "Permohonan layanan", ignore_case=True
    )
    tab.get_by_role("link", name=code, exact=True).click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text(code)


def action_form(tab, label):
    return tab.get_by_role("form", name=label)


def run_action(tab, label, note, result=None):
    """Fill the note (and the result file) of the action ``label`` (opened from the
    application's header when not on the page yet), submit it and wait for its
    success message."""
    if not action_form(tab, label).count():
        open_action(tab, label)
    form = action_form(tab, label)
    form.get_by_role("textbox").fill(note)
    if result is not None:
        form.get_by_label("Dokumen hasil").set_input_files(str(result))
    form.get_by_role("button", name=label).click()
    expect(tab.locator(".messages .success")).to_be_visible()


def status_on_phone(tab):
    return tab.locator(".status-summary .status-badge")


def test_an_application_from_a_phone_is_fixed_completed_downloaded_and_rated(
    ekecamatan, browser, phone, documents
):
    base = ekecamatan["url"]
    index_url = base + ekecamatan["page"].url

    # The citizen finds the service in the list and opens its standard.
    phone.goto(index_url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Layanan Kecamatan")
    phone.get_by_role("link", name=SERVICE_NAME, exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(SERVICE_NAME)
    assert_no_sideways_scroll(phone)
    phone.get_by_role("link", name="Ajukan permohonan").first.click()

    # The application form: every field filled, a PNG and a PDF uploaded.
    expect(phone.get_by_role("heading", level=1)).to_have_text("Formulir permohonan")
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)
    brandan_barat = Desa.objects.get(nama="Brandan Barat")
    phone.get_by_label("Kecamatan tempat mengajukan").select_option(label="Babalan")
    phone.get_by_label("Desa/kelurahan").select_option(str(brandan_barat.pk))
    phone.get_by_label("Nama lengkap").fill(APPLICANT_NAME)
    phone.get_by_label("NIK").fill(APPLICANT_NIK)
    phone.get_by_label("Nomor telepon/WhatsApp").fill("0812 3456 7890")
    phone.get_by_label("Email").fill(APPLICANT_EMAIL)
    phone.get_by_label("Alamat lengkap").fill("Jl. Pelabuhan No. 12, Pangkalan Brandan")
    phone.get_by_label("Keperluan").fill(PURPOSE)
    phone.get_by_label("Jumlah anggota keluarga").fill("4")
    phone.get_by_label("Tanggal mulai tinggal").fill("2019-07-01")
    phone.get_by_label("Status rumah").select_option("Milik sendiri")
    phone.get_by_label("KTP pemohon").set_input_files(str(documents["ktp"]))
    phone.get_by_label("Kartu Keluarga").set_input_files(str(documents["kk"]))
    phone.get_by_label("Saya menyatakan data dan dokumen").check()
    phone.get_by_role("button", name="Kirim permohonan").click()

    # The confirmation: the tracking code and the private link.
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Permohonan Anda sudah kami terima"
    )
    code = phone.locator(".code-box__code").inner_text().strip()
    assert TRACKING_CODE.match(code), code
    secret_url = phone.get_by_role("textbox", name="Tautan rahasia").input_value()
    assert "/permohonan-saya/" in secret_url
    expect(phone.locator("main")).not_to_contain_text(APPLICANT_NAME)
    assert_no_sideways_scroll(phone)

    permohonan = Permohonan.objects.get(kode_lacak=code)
    assert permohonan.status == StatusPermohonan.DIAJUKAN
    assert sorted(permohonan.berkas.values_list("content_type", flat=True)) == [
        "application/pdf",
        "image/png",
    ]

    # The private page shows the whole application.
    phone.get_by_role("link", name="Buka halaman permohonan saya").click()
    expect(phone).to_have_url(secret_url)
    expect(phone.get_by_role("heading", level=1)).to_have_text(SERVICE_NAME)
    expect(status_on_phone(phone)).to_have_text("Diajukan")
    answers = phone.locator(".layanan-answers")
    expect(answers).to_contain_text(APPLICANT_NAME)
    expect(answers).to_contain_text(PURPOSE)
    expect(phone.locator(".layanan-files li")).to_have_count(2)
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    # The officer asks for a fix; an action without a note is refused.
    context, officer = admin_tab(browser, base, ekecamatan["officer"].username)
    open_application_in_admin(officer, base, code)
    expect(officer.locator("main")).to_contain_text(APPLICANT_NAME)
    expect(officer.locator("main")).not_to_contain_text(APPLICANT_NIK)
    open_action(officer, "Minta perbaikan")
    fix_form = action_form(officer, "Minta perbaikan")
    fix_note = fix_form.get_by_label("Yang harus diperbaiki pemohon")
    # Blanks only: the action's page comes back with the error beside the note.
    fix_note.fill("   ")
    fix_form.get_by_role("button", name="Minta perbaikan").click()
    expect(fix_form.locator(".error-message")).to_contain_text(
        "Tuliskan apa yang harus diperbaiki pemohon."
    )
    expect(officer.locator(".messages .error")).to_be_visible()
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.DIAJUKAN
    run_action(officer, "Minta perbaikan", FIX_NOTE)
    expect(officer.locator("main")).to_contain_text("Perlu perbaikan")
    context.close()
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.PERLU_PERBAIKAN

    # The citizen reads the note, replaces the KTP photo, corrects an answer and
    # resubmits.
    phone.reload()
    expect(status_on_phone(phone)).to_have_text("Perlu perbaikan")
    expect(phone.locator(".layanan-fix")).to_contain_text(FIX_NOTE)
    expect(phone.get_by_label("Keperluan")).to_have_value(PURPOSE)
    phone.get_by_label("Keterangan perbaikan").fill(FIX_MESSAGE)
    phone.get_by_label("KTP pemohon").set_input_files(str(documents["ktp_sharper"]))
    phone.get_by_label("Jumlah anggota keluarga").fill("5")
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)
    phone.get_by_role("button", name="Kirim perbaikan").click()
    expect(phone.locator(".messages")).to_contain_text("Perbaikan Anda sudah terkirim")
    expect(status_on_phone(phone)).to_have_text("Diajukan")
    expect(phone.locator(".timeline")).to_contain_text(FIX_MESSAGE)
    expect(phone.get_by_role("button", name="Kirim perbaikan")).to_have_count(0)
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.DIAJUKAN
    ktp = permohonan.berkas.get(label="KTP pemohon")
    # Uploads are re-encoded (metadata stripped): compare the picture itself.
    with ktp.berkas.open("rb") as stored:
        assert Image.open(stored).convert("RGB").getpixel((0, 0)) == SHARPER_KTP

    # The officer verifies, processes and completes it with the result document.
    context, officer = admin_tab(browser, base, ekecamatan["officer"].username)
    open_application_in_admin(officer, base, code)
    expect(officer.locator("main")).to_contain_text(FIX_MESSAGE)
    run_action(officer, "Verifikasi", "Berkas lengkap dan sesuai.")
    run_action(officer, "Proses", "Surat sedang disiapkan dan ditandatangani camat.")
    run_action(officer, "Selesaikan", RESULT_NOTE, result=documents["result"])
    expect(officer.locator("main")).to_contain_text("Selesai")
    expect(officer.get_by_role("link", name="Unduh dokumen hasil")).to_be_visible()
    context.close()

    # The citizen downloads the result from the private page.
    phone.reload()
    expect(status_on_phone(phone)).to_have_text("Selesai")
    expect(phone.locator(".layanan-result")).to_contain_text(RESULT_NOTE)
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="Unduh dokumen hasil").click()
    download = download_info.value
    assert download.suggested_filename == f"hasil-{code}.pdf"
    with open(download.path(), "rb") as downloaded:
        content = downloaded.read()
    assert content.startswith(b"%PDF")
    assert content == documents["result"].read_bytes()

    # ... and answers the nine elements of the IKM survey.
    phone.get_by_role("link", name="Isi survei kepuasan").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Survei kepuasan masyarakat"
    )
    survey_url = phone.url
    for element, answer, _score in SURVEY_ANSWERS:
        group = phone.get_by_role("group", name=element)
        group.get_by_role("radio", name=answer, exact=True).check()
    phone.get_by_label("Saran untuk perbaikan layanan").fill(SUGGESTION)
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)
    phone.get_by_role("button", name="Kirim survei").click()
    expect(phone.locator(".messages")).to_contain_text(
        "Terima kasih, survei Anda sudah tercatat."
    )
    expect(phone.get_by_role("heading", name="Survei sudah diisi")).to_be_visible()

    # Opening the survey again: already answered, no form.
    phone.goto(survey_url)
    expect(phone.get_by_role("heading", name="Survei sudah diisi")).to_be_visible()
    expect(phone.get_by_role("button", name="Kirim survei")).to_have_count(0)

    # Stored exactly once, with what the citizen and the officer entered.
    permohonan = Permohonan.objects.get()
    assert permohonan.kode_lacak == code
    assert permohonan.status == StatusPermohonan.SELESAI
    assert permohonan.layanan == ekecamatan["service"]
    assert permohonan.kecamatan.slug == "babalan"
    assert permohonan.desa == brandan_barat
    assert (permohonan.nama, permohonan.nik, permohonan.email) == (
        APPLICANT_NAME,
        APPLICANT_NIK,
        APPLICANT_EMAIL,
    )
    assert permohonan.telepon == "081234567890"
    assert {row["label"]: row["nilai"] for row in permohonan.jawaban} == {
        "Keperluan": PURPOSE,
        "Jumlah anggota keluarga": 5,
        "Tanggal mulai tinggal": "2019-07-01",
        "Status rumah": "Milik sendiri",
    }
    assert permohonan.berkas.count() == 2
    assert permohonan.catatan_hasil == RESULT_NOTE
    assert permohonan.petugas == ekecamatan["officer"]
    assert permohonan.hasil_content_type == "application/pdf"
    survei = SurveiIKM.objects.get()
    assert survei.permohonan == permohonan
    assert survei.kecamatan == permohonan.kecamatan
    assert survei.layanan == permohonan.layanan
    assert [getattr(survei, f"u{n}") for n in range(1, 10)] == [
        score for _element, _answer, score in SURVEY_ANSWERS
    ]
    assert survei.saran == SUGGESTION
