"""Processing actions in a real browser (issue 13): header buttons to each action's
page, the category's office proposed, response templates inserted without a
reload, and a refused form that keeps what the officer typed.

Each test counts the officer's clicks from the record's page, writes them to the
output (shown with ``-s``) and records them as a test property (JUnit XML).
"""

import sys

import pytest
from playwright.sync_api import expect

from pengaduan.choices import StatusLaporan
from pengaduan.models import Laporan
from portal.models import PerangkatDaerah
from portal.roles import EDITOR_PPID, MODERATOR_PENGADUAN
from ppid.choices import KeputusanPermohonan, StatusPermohonan
from ppid.models import PermohonanInformasi
from tests.e2e.conftest import E2E_DB, admin_tab
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    PetugasFactory,
    TemplateTanggapanFactory,
)
from tests.ppid.factories import create_kip_request

pytestmark = [pytest.mark.e2e, E2E_DB]

DISPATCH_NOTE = "Mohon ditinjau minggu ini."
TEMPLATE_TEXT = "Tim lapangan akan meninjau lokasi dalam tiga hari kerja."
REFUSAL_ANSWER = "Dokumen memuat data pribadi penerima bantuan sosial."
CONSEQUENCE = "Membuka NIK dan alamat penerima merugikan mereka."


class ClickCounter:
    """Clicks a locator and counts it; the closing note reports the counts."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        self.count += 1
        locator.click()


def header_button(tab, label):
    return tab.locator("header.w-slim-header").get_by_role(
        "link", name=label, exact=True
    )


def report(record_property, name, text, clicks):
    record_property(name, clicks)
    sys.stdout.write(f"\n{text}\n")


def assert_no_scroll_needed(tab, locator):
    """``locator`` is whole on screen as the page opens: nothing to scroll to."""
    box = locator.bounding_box()
    assert box is not None
    assert 0 <= box["y"] and box["y"] + box["height"] <= tab.viewport_size["height"]


def test_a_moderator_verifies_and_dispatches_from_the_header_buttons(
    browser, live_server, record_property
):
    pupr = PerangkatDaerah.objects.get(slug="dinas-pupr")
    kategori = KategoriLaporanFactory(
        nama="Jalan dan jembatan", slug="jalan-jembatan", perangkat_daerah_default=pupr
    )
    TemplateTanggapanFactory(
        kategori=kategori, judul="Peninjauan lapangan", isi=TEMPLATE_TEXT
    )
    laporan = LaporanFactory(kategori=kategori, judul="Jembatan gantung rusak")
    moderator = PetugasFactory(username="moderator.e2e", role=MODERATOR_PENGADUAN)
    base = live_server.url
    context, tab = admin_tab(browser, base, moderator.username)

    # The list offers the actions on the report's row too.
    tab.goto(base + "/admin/laporan/")
    row = tab.get_by_role("row").filter(has_text=laporan.kode_lacak)
    row.locator("button[data-w-dropdown-target=toggle]").click()
    expect(row.get_by_role("link", name="Verifikasi dan disposisikan")).to_be_visible()

    # From the report's page: status and deadline on top, actions in the header.
    click = ClickCounter()
    tab.goto(base + f"/admin/laporan/inspect/{laporan.pk}/")
    expect(tab.locator(".processing-summary")).to_contain_text("Baru")
    expect(tab.locator(".processing-summary")).to_contain_text("Batas waktu tahap ini")

    # The usual step on a genuine report is one form: verify and dispatch.
    click(header_button(tab, "Verifikasi dan disposisikan"))
    dispatch = tab.get_by_role("form", name="Verifikasi dan disposisikan")
    submit = dispatch.get_by_role("button", name="Verifikasi dan disposisikan")
    assert_no_scroll_needed(tab, submit)
    # The category's office is proposed; the offices are listed by name.
    office = dispatch.get_by_label("OPD tujuan")
    expect(office).to_have_value(str(pupr.pk))
    names = office.locator("option").all_inner_texts()[1:]
    assert names == sorted(names, key=str.casefold)

    # A response template joins what was typed, without a reload.
    note = dispatch.get_by_label("Pesan untuk OPD dan pelapor (tidak wajib)")
    note.fill(DISPATCH_NOTE)
    tab.evaluate("window.sameDocument = true")
    dispatch.get_by_label("Template tanggapan").select_option(
        label="Peninjauan lapangan"
    )
    expect(note).to_have_value(f"{DISPATCH_NOTE}\n\n{TEMPLATE_TEXT}")
    assert tab.evaluate("window.sameDocument === true")
    click(submit)
    expect(tab.locator(".messages .success")).to_contain_text(
        "telah diverifikasi dan didisposisikan"
    )
    context.close()

    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DIDISPOSISIKAN
    assert laporan.perangkat_daerah == pupr
    assert TEMPLATE_TEXT in laporan.linimasa.latest("created_at").message
    assert Laporan.objects.count() == 1
    report(
        record_property,
        "verify_dispatch_clicks",
        f"verify + dispatch: {click.count} clicks, 0 scrolls, 0 office picks, "
        "1 template pick (no reload)",
        click.count,
    )
    assert click.count == 2


def test_a_refusal_without_its_ground_comes_back_with_the_answer_kept(
    browser, live_server, record_property
):
    permohonan = create_kip_request()
    editor = PetugasFactory(username="ppid.e2e", role=EDITOR_PPID)
    context, tab = admin_tab(browser, live_server.url, editor.username)
    click = ClickCounter()
    tab.goto(live_server.url + f"/admin/permohonan_informasi/inspect/{permohonan.pk}/")

    click(header_button(tab, "Putuskan"))
    decide = tab.get_by_role("form", name="Putuskan")
    decide.get_by_label("Keputusan").select_option(KeputusanPermohonan.DITOLAK)
    decide.get_by_label("Jawaban tertulis kepada pemohon").fill(REFUSAL_ANSWER)
    decide.get_by_label("Uji konsekuensi").fill(CONSEQUENCE)
    click(decide.get_by_role("button", name="Putuskan"))

    # The same page, the error beside the ground, everything typed still there.
    ground = decide.get_by_label("Dasar pengecualian (Pasal 17)")
    expect(ground).to_have_attribute("aria-invalid", "true")
    expect(decide.locator(".w-field--error")).to_contain_text(
        "Penolakan wajib menyebut dasar Pasal 17."
    )
    expect(decide.get_by_label("Jawaban tertulis kepada pemohon")).to_have_value(
        REFUSAL_ANSWER
    )
    expect(decide.get_by_label("Uji konsekuensi")).to_have_value(CONSEQUENCE)
    expect(decide.get_by_label("Keputusan")).to_have_value(KeputusanPermohonan.DITOLAK)
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.DITERIMA

    # Choosing the ground is all that is left to do.
    ground.select_option("h")
    click(decide.get_by_role("button", name="Putuskan"))
    expect(tab.locator(".messages .success")).to_contain_text("Keputusan atas")
    context.close()

    permohonan = PermohonanInformasi.objects.get(pk=permohonan.pk)
    assert permohonan.keputusan == KeputusanPermohonan.DITOLAK
    assert permohonan.jawaban == REFUSAL_ANSWER
    assert permohonan.uji_konsekuensi == CONSEQUENCE
    report(
        record_property,
        "refusal_clicks",
        f"refusal with a failed first submit: {click.count} clicks, 0 retyped",
        click.count,
    )
    assert click.count == 3
