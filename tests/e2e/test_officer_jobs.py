"""Each officer's main job in a real browser, from the admin dashboard (issue 13).

Every test logs one officer in, starts on the dashboard and does the job by clicking,
as the officer would: a dashboard panel (or the page summary) to the list, the record,
the action's header button, its form, the submit. It checks what the officer and, where
there is one, the citizen or the public then see, and counts the officer's clicks and
page loads from the dashboard on (the login is not counted). The counts are written to
the output (shown with ``-s``) and recorded as test properties (JUnit XML), as in
``test_admin_actions.py``, which walks the moderator's verify + dispatch and the PPID's
refusal after a failed submit.

Elements are found by their addresses and form field names wherever the admin's labels
are still being translated; only the project's own Indonesian texts are matched as
text.
"""

import re
import sys

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from layanan import services as layanan_services
from layanan.choices import StatusPermohonan as StatusLayanan
from layanan.models import EKecamatanIndexPage, Permohonan
from pasar.models import UMKM
from pasar.viewsets import UMKM_URL_NAMESPACE, verification_url
from pengaduan.choices import StatusLaporan
from pengaduan.viewsets import LAPORAN_URL_NAMESPACE
from portal.dashboard import list_url
from portal.roles import (
    ATASAN_PPID,
    EDITOR_INFORMASI_PUBLIK,
    EDITOR_PPID,
    MODERATOR_PASAR,
    PETUGAS_OPD,
)
from ppid.choices import (
    KeputusanPermohonan,
    PutusanKeberatan,
    StatusKeberatan,
    StatusPermohonan,
)
from ppid.models import InformasiPublikPage, PermohonanInformasi
from ppid.viewsets import KEBERATAN_URL_NAMESPACE, PERMOHONAN_URL_NAMESPACE
from tests.e2e.conftest import E2E_DB, admin_tab
from tests.factories import pdf_bytes
from tests.layanan.factories import (
    PermohonanFactory,
    StandarLayananFactory,
    kecamatan_officer,
)
from tests.pasar.factories import UMKMFactory
from tests.pengaduan.factories import (
    LaporanFactory,
    PetugasFactory,
    advance_laporan,
    create_elaga_page,
)
from tests.ppid.factories import (
    InformasiPublikIndexPageFactory,
    InformasiPublikPageFactory,
    PPIDPageFactory,
    create_kip_request,
    create_layanan_informasi_page,
)

pytestmark = [pytest.mark.e2e, E2E_DB]

FOLLOWUP = "Tim Dinas PUPR sudah meninjau jembatan; papan lantai dipesan."
RESOLUTION = "Papan lantai jembatan sudah diganti dan jembatan dapat dilalui lagi."
EXTENSION_REASON = "Dokumen masih dihimpun dari tiga bidang di Dinas PUPR."
GRANT_ANSWER = "Salinan DPA Dinas PUPR 2026 kami kirim ke email Anda."
OBJECTION_ANSWER = "PPID memberikan salinan dengan data pribadi dihitamkan."
PROCESS_NOTE = "Surat sedang disiapkan dan ditandatangani camat."
RESULT_NOTE = "Surat sudah ditandatangani camat; unduh atau ambil aslinya di loket."
OLD_TITLE = "APBD Kabupaten Langkat 2026"
NEW_TITLE = "APBD Kabupaten Langkat 2026 (perubahan)"
BUSINESS_NAME = "Keripik Mak Siti Brandan"

#: Wagtail's own dashboard panel of the objects awaiting the user's review.
AWAITING_REVIEW = "#awaiting-review-section"
#: Wagtail's "approve" workflow action without the comment dialog.
APPROVE_BUTTON = (
    "button[data-workflow-action-url*='/approve/']:not([data-launch-modal])"
)


class Officer:
    """An officer's admin tab, logged in and on the dashboard, that counts the clicks
    made through :meth:`click` (submit buttons included) and the pages loaded from
    the dashboard on."""

    def __init__(self, browser, base, username):
        self.context, self.tab = admin_tab(browser, base, username)
        # The dashboard itself is not counted.
        self.tab.wait_for_load_state("load")
        self.clicks = 0
        self.page_loads = 0
        self.tab.on("load", self._loaded)

    def _loaded(self, _page):
        self.page_loads += 1

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def header_action(self, obj, action):
        """Click the record's header button of processing ``action``; its form opens."""
        self.click(
            self.tab.locator(
                f"header.w-slim-header a[href$='/proses/{obj.pk}/{action}/']"
            )
        )
        expect(self.form).to_be_visible()

    @property
    def form(self):
        return self.tab.locator("form.processing-action")

    def field(self, name):
        return self.form.locator(f"[name='{name}']")

    def submit(self):
        """Submit the action's form; the record's page says it was done."""
        self.click(self.form.locator("button[type=submit]"))
        self.expect_success()

    def expect_success(self, text=None):
        message = self.tab.locator(".messages .success")
        expect(message).to_be_visible()
        if text:
            expect(message).to_contain_text(text)

    def expect_status(self, text):
        expect(self.tab.locator(".processing-summary")).to_contain_text(text)

    def close(self):
        """Stop counting (every load so far is in) and close the tab."""
        self.tab.wait_for_load_state("load")
        self.context.close()


def report(record_property, job, officer):
    record_property(f"{job}_clicks", officer.clicks)
    record_property(f"{job}_page_loads", officer.page_loads)
    sys.stdout.write(
        f"\n{job}: {officer.clicks} clicks, {officer.page_loads} page loads\n"
    )


def panel(officer, name):
    """The dashboard panel called ``name`` (a ``portal.dashboard`` panel's name)."""
    return officer.tab.locator(f"#{name.replace('_', '-')}-section")


# The OPD officer.


def test_an_opd_officer_follows_up_and_resolves_a_dispatched_report(
    browser, desktop, portal_site, record_property
):
    page = create_elaga_page(portal_site.home, slug="lapor")
    laporan = advance_laporan(
        LaporanFactory(judul="Jembatan gantung Brandan Barat rusak"),
        StatusLaporan.DIDISPOSISIKAN,
    )
    PetugasFactory(username="petugas.pupr.e2e", role=PETUGAS_OPD, opd="dinas-pupr")
    officer = Officer(browser, portal_site.url, "petugas.pupr.e2e")
    tab = officer.tab

    # The PUPR panel counts the reports waiting for a follow-up; its list, the report.
    waiting = list_url(LAPORAN_URL_NAMESPACE, status=StatusLaporan.DIDISPOSISIKAN)
    officer.click(panel(officer, "laporan_e_laga").locator(f"a[href='{waiting}']"))
    officer.click(tab.get_by_role("link", name=laporan.kode_lacak, exact=True))
    officer.expect_status("Didisposisikan")

    officer.header_action(laporan, "tindak-lanjut")
    officer.field("tindak-lanjut-pesan").fill(FOLLOWUP)
    expect(officer.field("tindak-lanjut-publik")).to_be_checked()
    officer.submit()
    officer.expect_status("Ditindaklanjuti")

    officer.header_action(laporan, "selesaikan")
    officer.field("selesaikan-pesan").fill(RESOLUTION)
    officer.submit()
    officer.expect_status("Selesai")
    officer.close()

    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.SELESAI
    # The public tracking page shows the new status and the answer.
    desktop.goto(portal_site.url + page.url + f"lacak/?kode={laporan.kode_lacak}")
    expect(desktop.locator(".status-summary .status-badge")).to_have_text("Selesai")
    expect(desktop.locator("main")).to_contain_text(RESOLUTION)

    report(record_property, "opd_followup_resolve", officer)
    assert officer.clicks == 6


# The PPID (Editor PPID).


def test_the_ppid_extends_one_request_and_grants_another(
    browser, desktop, portal_site, record_property
):
    layanan = create_layanan_informasi_page(portal_site.home)
    to_extend = create_kip_request(informasi_diminta="Rekapitulasi proyek jalan 2025.")
    to_grant = create_kip_request(informasi_diminta="Salinan DPA Dinas PUPR 2026.")
    PetugasFactory(username="ppid.e2e", role=EDITOR_PPID)
    officer = Officer(browser, portal_site.url, "ppid.e2e")
    tab = officer.tab
    received = list_url(PERMOHONAN_URL_NAMESPACE, status=StatusPermohonan.DITERIMA)
    received_link = panel(officer, "permohonan_informasi").locator(
        f"a[href='{received}']"
    )

    # Extend the first request, with the reason the requester reads.
    officer.click(received_link)
    officer.click(tab.get_by_role("link", name=to_extend.kode_lacak, exact=True))
    officer.header_action(to_extend, "perpanjang")
    officer.field("perpanjang-alasan").fill(EXTENSION_REASON)
    officer.submit()
    officer.expect_status("Diperpanjang")

    # Back to the dashboard (the sidebar's logo), then answer the second one.
    officer.click(tab.locator("aside a[href='/admin/']").first)
    officer.click(received_link)
    officer.click(tab.get_by_role("link", name=to_grant.kode_lacak, exact=True))
    officer.header_action(to_grant, "putuskan")
    officer.field("putuskan-keputusan").select_option(
        KeputusanPermohonan.DIBERIKAN_SELURUHNYA
    )
    officer.field("putuskan-jawaban").fill(GRANT_ANSWER)
    officer.submit()
    officer.expect_status("Diputuskan")
    officer.close()

    to_extend.refresh_from_db()
    assert to_extend.status == StatusPermohonan.DIPERPANJANG
    to_grant = PermohonanInformasi.objects.get(pk=to_grant.pk)
    assert to_grant.status == StatusPermohonan.DIPUTUSKAN
    assert to_grant.keputusan == KeputusanPermohonan.DIBERIKAN_SELURUHNYA

    # The requesters' tracking pages show the extension and the decision.
    track = portal_site.url + layanan.url + "lacak/?nomor="
    desktop.goto(track + to_extend.kode_lacak)
    expect(desktop.locator(".status-summary .status-badge")).to_have_text(
        "Diperpanjang"
    )
    desktop.goto(track + to_grant.kode_lacak)
    expect(desktop.locator(".status-summary .status-badge")).to_have_text("Diputuskan")
    expect(desktop.locator(".kip-decision")).to_contain_text("Diberikan seluruhnya")

    report(record_property, "ppid_extend_and_grant", officer)
    assert officer.clicks == 9


# The Atasan PPID.


def test_the_atasan_ppid_decides_an_objection_from_the_dashboard(
    browser, portal_site, record_property
):
    create_layanan_informasi_page(portal_site.home)
    permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK, objection=True)
    PetugasFactory(username="atasan.e2e", role=ATASAN_PPID)
    officer = Officer(browser, portal_site.url, "atasan.e2e")
    tab = officer.tab

    pending = list_url(KEBERATAN_URL_NAMESPACE, status=StatusKeberatan.DIAJUKAN)
    officer.click(panel(officer, "keberatan_informasi").locator(f"a[href='{pending}']"))
    # An objection is read and answered on its request's page.
    request_page = reverse(f"{PERMOHONAN_URL_NAMESPACE}:inspect", args=[permohonan.pk])
    officer.click(tab.locator(f"main a[href='{request_page}']").first)
    objection = tab.locator("section[aria-labelledby=keberatan-heading]")
    expect(objection).to_contain_text("Diajukan")

    officer.header_action(permohonan, "jawab-keberatan")
    officer.click(
        officer.form.locator(
            f"input[name='jawab-keberatan-putusan']"
            f"[value='{PutusanKeberatan.DIKABULKAN_SEBAGIAN}']"
        )
    )
    officer.field("jawab-keberatan-tanggapan").fill(OBJECTION_ANSWER)
    officer.submit()
    expect(objection).to_contain_text("Dijawab")
    expect(objection).to_contain_text(OBJECTION_ANSWER)
    officer.close()

    keberatan = PermohonanInformasi.objects.get(pk=permohonan.pk).keberatan
    assert keberatan.status == StatusKeberatan.DIJAWAB
    assert keberatan.putusan == PutusanKeberatan.DIKABULKAN_SEBAGIAN
    report(record_property, "atasan_objection", officer)
    assert officer.clicks == 5


# The kecamatan officer.


def test_a_kecamatan_officer_completes_a_verified_application_with_a_result(
    browser, desktop, portal_site, record_property, tmp_path
):
    index = portal_site.home.add_child(
        instance=EKecamatanIndexPage(
            title="Layanan Kecamatan", slug="layanan-kecamatan"
        )
    )
    service = StandarLayananFactory(
        nama="Surat Keterangan Domisili", slug="surat-keterangan-domisili"
    )
    officer_user = kecamatan_officer("babalan", username="petugas.babalan.e2e")
    permohonan = layanan_services.submit_permohonan(
        PermohonanFactory.build(layanan=service)
    )
    layanan_services.verify(permohonan, officer_user, "Berkas lengkap dan sesuai.")
    result = tmp_path / "surat-domisili.pdf"
    result.write_bytes(pdf_bytes())
    officer = Officer(browser, portal_site.url, officer_user.username)
    tab = officer.tab

    # The verified application is due within three working days: it is on the
    # kecamatan panel's "due soon" list.
    due_soon = panel(officer, "permohonan_e_kecamatan").locator(
        "[data-dashboard-list=due-soon]"
    )
    officer.click(due_soon.get_by_role("link", name=permohonan.kode_lacak, exact=True))
    officer.expect_status("Diverifikasi")

    officer.header_action(permohonan, "proses")
    officer.field("proses-catatan").fill(PROCESS_NOTE)
    officer.submit()
    officer.expect_status("Diproses")

    officer.header_action(permohonan, "selesaikan")
    officer.field("selesaikan-catatan").fill(RESULT_NOTE)
    officer.field("selesaikan-hasil").set_input_files(str(result))
    officer.submit()
    officer.expect_status("Selesai")
    expect(tab.get_by_role("link", name="Unduh dokumen hasil")).to_be_visible()
    officer.close()

    permohonan = Permohonan.objects.get(pk=permohonan.pk)
    assert permohonan.status == StatusLayanan.SELESAI
    assert permohonan.catatan_hasil == RESULT_NOTE
    assert permohonan.hasil_content_type == "application/pdf"
    # The applicant's tracking page says it is done.
    desktop.goto(portal_site.url + index.url + f"lacak/?kode={permohonan.kode_lacak}")
    expect(desktop.locator(".status-summary .status-badge")).to_have_text("Selesai")
    report(record_property, "kecamatan_process_complete", officer)
    assert officer.clicks == 5


# The Editor Informasi Publik, then the PPID approving.


def test_an_editor_changes_a_dip_item_and_the_ppid_approves_it(
    browser, desktop, phone, portal_site, record_property
):
    ppid = PPIDPageFactory(parent=portal_site.home, slug="ppid", title="PPID")
    dip = InformasiPublikIndexPageFactory(parent=ppid)
    item = InformasiPublikPageFactory(parent=dip, title=OLD_TITLE, nomor="DIP-1")
    item.save_revision().publish()
    public_url = portal_site.url + item.url
    PetugasFactory(username="editor.informasi.e2e", role=EDITOR_INFORMASI_PUBLIK)
    PetugasFactory(username="ppid.e2e", role=EDITOR_PPID)

    # The editor: the dashboard's page count opens the KIP tree; the DIP, the item.
    editor = Officer(browser, portal_site.url, "editor.informasi.e2e")
    tab = editor.tab
    editor.click(tab.locator(f"main a[href='/admin/pages/{ppid.pk}/']"))
    editor.click(tab.locator(f"main a[href='/admin/pages/{dip.pk}/']").first)
    editor.click(tab.locator(f"main a[href='/admin/pages/{item.pk}/edit/']").first)
    expect(tab.locator("#id_title")).to_have_value(OLD_TITLE)
    tab.locator("#id_title").fill(NEW_TITLE)
    # "Submit to Publikasi Informasi Publik" is in the footer's dropdown.
    footer = tab.locator("footer")
    editor.click(footer.locator(".w-dropdown__toggle"))
    editor.click(footer.locator("button[name=action-submit]"))
    editor.expect_success()
    editor.close()

    # In moderation: the live page keeps the old title until the PPID approves.
    assert InformasiPublikPage.objects.get(pk=item.pk).title == OLD_TITLE
    assert WorkflowState.objects.for_instance(item).get().status == (
        WorkflowState.STATUS_IN_PROGRESS
    )
    desktop.goto(public_url)
    expect(desktop.get_by_role("heading", level=1)).to_have_text(OLD_TITLE)

    # The PPID approves it from the dashboard's "awaiting your review" panel.
    ppid_officer = Officer(browser, portal_site.url, "ppid.e2e")
    row = (
        ppid_officer.tab.locator(AWAITING_REVIEW)
        .get_by_role("row")
        .filter(has_text=NEW_TITLE)
    )
    ppid_officer.click(row.locator(".w-dropdown__toggle"))
    ppid_officer.click(row.locator(APPROVE_BUTTON))
    # Wagtail reloads the dashboard without a message; the panel is gone.
    expect(ppid_officer.tab.locator(AWAITING_REVIEW)).to_have_count(0)
    ppid_officer.close()

    assert InformasiPublikPage.objects.get(pk=item.pk).title == NEW_TITLE
    # A reader who has not just seen it (public pages may be kept five minutes by
    # browsers and the CDN, so not the desktop tab above) gets the new title.
    phone.goto(public_url)
    expect(phone.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)

    report(record_property, "editor_change_submit", editor)
    report(record_property, "ppid_approve", ppid_officer)
    assert editor.clicks == 5
    assert ppid_officer.clicks == 2


# The Moderator Pasar.


def test_a_market_moderator_verifies_an_umkm_from_the_dashboard(
    browser, portal_site, record_property
):
    umkm = UMKMFactory(nama_usaha=BUSINESS_NAME, terverifikasi=False)
    PetugasFactory(username="moderator.pasar.e2e", role=MODERATOR_PASAR)
    officer = Officer(browser, portal_site.url, "moderator.pasar.e2e")
    tab = officer.tab

    row = (
        panel(officer, "umkm_e_pasar").get_by_role("row").filter(has_text=BUSINESS_NAME)
    )
    officer.click(row.locator(f"a[href='{verification_url(umkm, 'verify')}']"))
    expect(tab.locator("main")).to_contain_text(BUSINESS_NAME)
    officer.click(
        tab.locator(f"main form[action='{verification_url(umkm, 'verify')}'] button")
    )
    officer.expect_success(BUSINESS_NAME)
    expect(tab).to_have_url(
        re.compile(re.escape(reverse(f"{UMKM_URL_NAMESPACE}:index")))
    )
    officer.close()

    assert UMKM.objects.get(pk=umkm.pk).terverifikasi
    report(record_property, "pasar_verify_umkm", officer)
    assert officer.clicks == 2
