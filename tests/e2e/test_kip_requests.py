"""A KIP request end to end in a real browser: a requester on a phone, PPID staff
and the atasan PPID in the Wagtail admin."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from portal.roles import ATASAN_PPID, EDITOR_PPID
from ppid.models import PermohonanInformasi
from tests.e2e.conftest import (
    E2E_DB,
    admin_tab,
    assert_no_serious_a11y_violations,
    open_action,
)
from tests.pengaduan.factories import PetugasFactory
from tests.ppid.factories import create_layanan_informasi_page

pytestmark = [pytest.mark.e2e, E2E_DB]


@pytest.fixture
def layanan(portal_site):
    page = create_layanan_informasi_page(portal_site.home)
    return portal_site.url + page.url


def run_action(tab, label):
    tab.get_by_role("form", name=label).get_by_role("button", name=label).click()
    expect(tab.locator(".messages .success")).to_be_visible()


def submit_request(phone, layanan):
    phone.goto(layanan)
    assert_no_serious_a11y_violations(phone)
    phone.get_by_label("Nama lengkap").fill("Budi Santoso")
    phone.locator("#id_alamat").fill("Jl. Proklamasi No. 5, Stabat")
    phone.locator("#id_nomor_identitas").fill("1205011203850001")
    phone.get_by_label("Pekerjaan").fill("Wiraswasta")
    phone.get_by_label("Nomor telepon/WhatsApp").fill("081298765432")
    phone.locator("#id_email").fill("budi@example.com")
    phone.get_by_label("Rincian informasi yang dibutuhkan").fill(
        "Salinan DPA Dinas PUPR 2026."
    )
    phone.get_by_label("Tujuan penggunaan informasi").fill("Kajian anggaran.")
    delivery = phone.get_by_role("group", name="Cara mendapatkan salinan")
    expect(delivery).to_be_hidden()
    phone.get_by_label("Mendapatkan salinan (hardcopy/softcopy)").check()
    expect(delivery).to_be_visible()
    delivery.locator("input[value=email]").check()
    phone.get_by_role("button", name="Kirim permohonan").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("sudah terdaftar")
    number = phone.locator(".code-box__code").inner_text().strip()
    assert re.fullmatch(r"KIP-[2-9A-Z]{4}-[2-9A-Z]{4}", number)
    secret_url = phone.locator("#tautan-rahasia").input_value()
    return number, secret_url


def test_request_decision_objection_and_answer(browser, phone, layanan, live_server):
    number, secret_url = submit_request(phone, layanan)
    permohonan = PermohonanInformasi.objects.get(kode_lacak=number)
    detail = live_server.url + reverse(
        "permohonan_informasi:inspect", args=[permohonan.pk]
    )

    # PPID staff refuse it in the admin, with the Pasal 17 ground.
    PetugasFactory(username="ppid.e2e", role=EDITOR_PPID)
    context, tab = admin_tab(browser, live_server.url, "ppid.e2e")
    tab.goto(detail)
    open_action(tab, "Putuskan")
    decide = tab.get_by_role("form", name="Putuskan")
    decide.locator("select[name$=keputusan]").select_option("ditolak")
    decide.locator("textarea[name$=jawaban]").fill(
        "Dokumen memuat data pribadi penerima."
    )
    decide.locator("select[name$=dasar_penolakan]").select_option("h")
    decide.locator("textarea[name$=uji_konsekuensi]").fill(
        "Membuka data pribadi merugikan."
    )
    run_action(tab, "Putuskan")
    context.close()

    # The requester reads the refusal and objects from the secret link.
    phone.goto(secret_url)
    expect(phone.locator(".kip-decision")).to_contain_text("Ditolak")
    expect(phone.locator(".kip-decision")).to_contain_text("Pasal 17 huruf h")
    phone.get_by_label("a. Permohonan ditolak dengan alasan pengecualian").check()
    phone.get_by_label("Uraian keberatan").fill("Data dapat dihitamkan sebagian.")
    phone.get_by_role("button", name="Kirim keberatan").click()
    expect(phone.locator(".messages")).to_contain_text("Keberatan Anda sudah")
    expect(phone.locator(".kip-objection")).to_contain_text("Diajukan")

    # The atasan PPID answers in the admin.
    PetugasFactory(username="atasan.e2e", role=ATASAN_PPID)
    context, tab = admin_tab(browser, live_server.url, "atasan.e2e")
    tab.goto(detail)
    open_action(tab, "Jawab keberatan")
    answer = tab.get_by_role("form", name="Jawab keberatan")
    answer.locator("input[name$=putusan][value=dikabulkan_sebagian]").check()
    answer.locator("textarea[name$=tanggapan]").fill(
        "PPID memberikan salinan dengan data pribadi dihitamkan."
    )
    run_action(tab, "Jawab keberatan")
    context.close()

    # The requester sees the answer and where to go next.
    phone.goto(secret_url)
    objection = phone.locator(".kip-objection")
    expect(objection).to_contain_text("data pribadi dihitamkan")
    expect(objection).to_contain_text("Komisi Informasi")
    assert_no_serious_a11y_violations(phone)

    # Tracking by number shows the outcome without the requester's identity.
    phone.goto(layanan + f"lacak/?nomor={number}")
    expect(phone.locator(".kip-objection")).to_contain_text("Dikabulkan sebagian")
    assert "Budi Santoso" not in phone.content()
    assert_no_serious_a11y_violations(phone)


def test_tracking_and_register_pages_are_accessible(desktop, phone, layanan):
    number, _secret = submit_request(phone, layanan)
    desktop.goto(layanan + "lacak/")
    assert_no_serious_a11y_violations(desktop)
    desktop.locator("#id_nomor").fill(number.lower())
    desktop.get_by_role("button", name="Lacak").click()
    expect(desktop.locator(".status-summary")).to_contain_text(number)
    assert_no_serious_a11y_violations(desktop)
    for tab in (desktop, phone):
        tab.goto(layanan + "register/")
        expect(tab.get_by_role("table")).to_contain_text(number)
        assert_no_serious_a11y_violations(tab)
    desktop.goto(layanan + "laporan-tahunan/")
    assert_no_serious_a11y_violations(desktop)
