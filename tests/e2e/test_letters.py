"""A letter's whole life in a real browser (issue 17's browser test).

The kecamatan officer tries to complete an application without a result and is
refused, previews the letter, then completes it with the generated letter; the
citizen downloads it from the private page; its text holds the answers and the
letter number, and its QR code opens the public verification page, which says
"asli" until the officer revokes the letter, then "dicabut". The citizen answers
the IKM survey with a respondent profile, and the IKM page shows the breakdown by
profile, with a CSV holding the same figures.
"""

import csv
import io

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from layanan import services
from layanan.choices import StatusPermohonan
from layanan.models import EKecamatanIndexPage, KantorKecamatanPage, Permohonan
from tests.e2e.conftest import (
    E2E_DB,
    admin_tab,
    assert_no_serious_a11y_violations,
    assert_no_sideways_scroll,
    open_action,
)
from tests.layanan.factories import (
    StandarLayananFactory,
    TemplateSuratFactory,
    kecamatan,
    kecamatan_officer,
)
from tests.layanan.pdf_reading import pdf_text, qr_texts

pytestmark = [pytest.mark.e2e, E2E_DB]

PURPOSE = "Syarat pendaftaran sekolah anak"
CAMAT = "Drs. Ahmad Syukri"
NO_RESULT = "Permohonan tidak dapat diselesaikan tanpa hasil"
RESULT_NOTE = "Surat sudah terbit; unduh melalui tautan pribadi Anda."
PREVIEW_LINK = "Pratinjau: Surat Keterangan Domisili (PDF)"


@pytest.fixture
def application(portal_site):
    """An application of Babalan being processed, whose service has a letter
    template, and the Babalan officer."""
    page = portal_site.home.add_child(
        instance=EKecamatanIndexPage(
            title="Layanan Kecamatan", slug="layanan-kecamatan"
        )
    )
    page.add_child(
        instance=KantorKecamatanPage(
            title="Kantor Camat Babalan",
            kecamatan=kecamatan("babalan"),
            alamat="Jl. Pelabuhan No. 1, Pangkalan Brandan",
            camat=CAMAT,
            kode_surat="BBL",
            jam_layanan="Senin-Jumat 08.00-16.00",
        )
    )
    service = StandarLayananFactory(
        nama="Surat Keterangan Domisili", slug="surat-keterangan-domisili"
    )
    TemplateSuratFactory(standar=service)
    officer = kecamatan_officer("babalan", username="petugas.babalan.surat")
    permohonan = services.submit_permohonan(
        Permohonan(
            layanan=service,
            kecamatan=kecamatan("babalan"),
            nama="Rina Sembiring",
            nik="1205015203850002",
            telepon="081234567890",
            alamat="Jl. Pelabuhan No. 12, Pangkalan Brandan",
            jawaban=[
                {"kunci": "k", "label": "Keperluan", "jenis": "teks", "nilai": PURPOSE},
                {
                    "kunci": "s",
                    "label": "Status rumah",
                    "jenis": "pilihan",
                    "nilai": "Milik sendiri",
                },
            ],
        )
    )
    services.verify(permohonan, officer, "Berkas lengkap.")
    services.start_processing(permohonan, officer, "Surat disiapkan.")
    return {"url": portal_site.url, "page": page, "permohonan": permohonan}


def action_form(tab, label):
    return tab.get_by_role("form", name=label)


def verdict(tab):
    """The verification page's answer (its first heading after the title)."""
    return tab.locator(".layanan-verification h2")


def table_rows(tab, key):
    """``(name, respondents, IKM)`` of the IKM page's table ``key``."""
    rows = []
    for row in tab.locator(f'[data-kelompok="{key}"] tbody tr').all():
        cells = [row.locator("th").inner_text().strip()] + [
            cell.inner_text().strip() for cell in row.locator("td").all()
        ]
        rows.append((cells[0], int(cells[1]), cells[2].replace(",", ".")))
    return rows


def test_a_previewed_letter_is_issued_downloaded_verified_and_revoked(
    application, browser, phone
):
    base = application["url"]
    permohonan = application["permohonan"]
    officer_context, officer = admin_tab(browser, base, "petugas.babalan.surat")
    officer.goto(base + reverse("permohonan_layanan:inspect", args=[permohonan.pk]))
    open_action(officer, "Selesaikan")
    form = action_form(officer, "Selesaikan")

    # Completing without a result is refused, with the reason beside the choice.
    form.get_by_label("Catatan hasil").fill(RESULT_NOTE)
    form.get_by_role("button", name="Selesaikan").click()
    expect(action_form(officer, "Selesaikan")).to_contain_text(NO_RESULT)
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.DIPROSES

    # The officer previews the letter: the citizen's answers, marked PRATINJAU.
    form = action_form(officer, "Selesaikan")
    preview_href = officer.get_by_role("link", name=PREVIEW_LINK).get_attribute("href")
    preview = officer.request.get(base + preview_href)
    assert preview.headers["content-type"] == "application/pdf"
    preview_text = " ".join(pdf_text(preview.body()).split())
    assert "PRATINJAU" in preview_text
    assert PURPOSE in preview_text
    assert not permohonan.surat.exists()

    # ... and completes it with the generated letter.
    form.get_by_label("Surat diterbitkan dari templat").check()
    form.get_by_label("Saya sudah memeriksa pratinjau surat dan isinya benar").check()
    form.get_by_label("Catatan hasil").fill(RESULT_NOTE)
    form.get_by_role("button", name="Selesaikan").click()
    expect(officer.locator(".messages .success")).to_be_visible()
    letter = permohonan.surat.get()
    assert letter.nomor_surat.startswith("470/1/BBL/")
    expect(officer.locator("main")).to_contain_text(letter.nomor_surat)

    # The citizen downloads it from the private page.
    phone.goto(permohonan.secret_url())
    expect(phone.locator(".layanan-result")).to_contain_text(letter.nomor_surat)
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="Unduh dokumen hasil").click()
    download = download_info.value
    assert download.suggested_filename == f"surat-{permohonan.kode_lacak}.pdf"
    with open(download.path(), "rb") as downloaded:
        pdf = downloaded.read()
    text = " ".join(pdf_text(pdf).split())
    for expected in (
        f"Nomor: {letter.nomor_surat}",
        PURPOSE,
        "Status rumah: Milik sendiri",
        "Rina Sembiring",
        CAMAT,
        "KECAMATAN BABALAN",
        "Halaman 1 dari 1",
    ):
        assert expected in text

    # The QR code leads to the verification page, which says the letter is genuine.
    [verification_url] = qr_texts(pdf)
    assert verification_url == f"{base}/verifikasi/{letter.kode_verifikasi}/"
    phone.goto(verification_url)
    expect(verdict(phone)).to_have_text("Surat ini asli")
    facts = phone.locator(".layanan-verification__facts")
    expect(facts).to_contain_text("Asli")
    expect(facts).to_contain_text(letter.nomor_surat)
    expect(facts).to_contain_text("R. S.")
    expect(facts).to_contain_text(letter.sha256)
    expect(phone.locator("main")).not_to_contain_text("Rina Sembiring")
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    # A mistaken letter is revoked, with the reason, and then says "dicabut".
    officer.goto(
        base + reverse("permohonan_layanan:action", args=[permohonan.pk, "cabut-surat"])
    )
    revoke = action_form(officer, "Cabut surat")
    revoke.get_by_label("Alasan pencabutan").fill("Tanggal tinggal salah ketik.")
    revoke.get_by_role("button", name="Cabut surat").click()
    expect(officer.locator(".messages .success")).to_be_visible()
    expect(officer.locator("main")).to_contain_text("Dicabut")
    officer_context.close()
    phone.goto(verification_url)
    expect(verdict(phone)).to_have_text("Surat ini dicabut")
    expect(phone.locator(".layanan-verification__facts")).to_contain_text("Dicabut")

    # The citizen answers the survey, profile included.
    phone.goto(permohonan.secret_url())
    phone.get_by_role("link", name="Isi survei kepuasan").click()
    phone.get_by_label("Jenis kelamin (tidak wajib)").select_option("P")
    phone.get_by_label("Usia dalam tahun (tidak wajib)").fill("34")
    phone.get_by_label("Pendidikan terakhir (tidak wajib)").select_option("s1")
    for group in phone.locator("fieldset").filter(has=phone.get_by_role("radio")).all():
        group.get_by_role("radio", name="Baik", exact=True).check()
    phone.get_by_role("button", name="Kirim survei").click()
    expect(phone.locator(".messages")).to_contain_text("survei Anda sudah tercatat")

    # The IKM page breaks the figures down by the profile; the CSV holds the same.
    phone.goto(base + application["page"].url + "ikm/")
    for heading in ("IKM menurut jenis kelamin", "IKM menurut usia"):
        expect(phone.get_by_role("heading", name=heading)).to_be_visible()
    assert table_rows(phone, "jenis_kelamin") == [("Perempuan", 1, "75.00")]
    assert table_rows(phone, "usia") == [("30-39 tahun", 1, "75.00")]
    assert table_rows(phone, "pekerjaan") == [("Tidak diisi", 1, "75.00")]
    assert_no_serious_a11y_violations(phone)
    with phone.expect_download() as csv_download:
        phone.get_by_role("link", name="Unduh CSV").click()
    with open(csv_download.value.path(), encoding="utf-8-sig") as handle:
        lines = list(csv.reader(io.StringIO(handle.read())))
    for key in ("kecamatan", "layanan", "jenis_kelamin", "usia", "pendidikan"):
        in_csv = [(row[3], int(row[4]), row[14]) for row in lines if row[1] == key]
        assert in_csv == table_rows(phone, key)
