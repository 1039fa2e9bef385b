"""An e-laga report's whole journey in a real browser (issue 4's browser test).

A citizen files a report with a photo on a 360 px phone and tracks it; a moderator
verifies it and dispatches it to Dinas PUPR in the admin; a PUPR officer answers; the
citizen reads the answer on the secret link. axe checks the public pages on the way.
"""

import re

import pytest
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

from pengaduan.choices import StatusLaporan
from pengaduan.models import Laporan
from portal.models import Desa, PerangkatDaerah
from portal.roles import MODERATOR_PENGADUAN, PETUGAS_OPD
from tests.e2e.conftest import (
    E2E_DB,
    admin_tab,
    assert_no_serious_a11y_violations,
    assert_no_sideways_scroll,
    open_action,
)
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    PetugasFactory,
    create_elaga_page,
)

pytestmark = [pytest.mark.e2e, E2E_DB]

REPORT_TITLE = "Jembatan gantung Desa Brandan Barat rusak"
REPORT_TEXT = (
    "Papan lantai jembatan gantung di dekat sekolah patah dua bilah sejak hujan "
    "deras minggu lalu. Anak-anak sekolah harus melompat untuk menyeberang."
)
REPORTER_NAME = "Rahmat Hidayat Lubis"
REPORTER_EMAIL = "rahmat.lubis.e2e@example.com"
OFFICER_ANSWER = (
    "Tim Dinas PUPR sudah meninjau jembatan dan akan mengganti papan lantai minggu ini."
)
TRACKING_CODE = re.compile(r"^LGK-[0-9A-Z]{4}-[0-9A-Z]{4}$")


@pytest.fixture
def elaga(portal_site):
    """The e-laga page under the home page, a road category routed to Dinas PUPR,
    a moderator and a PUPR officer."""
    pupr = PerangkatDaerah.objects.get(slug="dinas-pupr")
    # ``portal_site`` already has a plain "e-laga" area page at /e-laga/.
    page = create_elaga_page(portal_site.home, slug="lapor")
    kategori = KategoriLaporanFactory(
        nama="Jalan dan jembatan",
        slug="jalan-jembatan",
        perangkat_daerah_default=pupr,
        panduan="Sebutkan nama jalan atau jembatan dan patokan terdekat.",
    )
    moderator = PetugasFactory(username="moderator.e2e", role=MODERATOR_PENGADUAN)
    officer = PetugasFactory(
        username="petugas.pupr.e2e", role=PETUGAS_OPD, opd=pupr.slug
    )
    return {
        "url": portal_site.url,
        "page": page,
        "kategori": kategori,
        "pupr": pupr,
        "moderator": moderator,
        "officer": officer,
    }


@pytest.fixture
def photo(tmp_path):
    """A small JPEG as a phone camera would produce it."""
    path = tmp_path / "jembatan.jpg"
    Image.new("RGB", (320, 240), (110, 140, 90)).save(path, "JPEG", quality=85)
    return path


def open_report_in_admin(tab, live_url, code):
    """From the admin's report list to the report's processing view."""
    tab.goto(live_url + "/admin/laporan/")
    tab.get_by_role("link", name=code, exact=True).click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text(code)


def run_action(tab, label):
    """Submit the processing form named ``label`` (opened from the record's header
    when not on the page yet) and wait for its success message."""
    if not tab.get_by_role("form", name=label).count():
        open_action(tab, label)
    tab.get_by_role("form", name=label).get_by_role("button", name=label).click()
    expect(tab.locator(".messages .success")).to_be_visible()


def test_the_role_groups_come_from_the_migrations():
    """``serialized_rollback`` restores the groups and their permissions."""
    moderators = Group.objects.get(name=MODERATOR_PENGADUAN)
    officers = Group.objects.get(name=PETUGAS_OPD)

    assert {"process_laporan", "followup_laporan", "view_laporan"} <= set(
        moderators.permissions.values_list("codename", flat=True)
    )
    assert {"followup_laporan", "view_laporan"} <= set(
        officers.permissions.values_list("codename", flat=True)
    )


def test_a_report_from_a_phone_is_verified_dispatched_answered_and_read(
    elaga, browser, phone, photo
):
    base = elaga["url"]
    form_url = base + elaga["page"].url

    # A citizen files a report with a photo on a phone.
    phone.goto(form_url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("e-laga")
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    phone.locator("#id_kategori").select_option("jalan-jembatan")
    expect(phone.locator("[data-guidance-current]")).to_contain_text("patokan terdekat")
    phone.locator("#id_judul").fill(REPORT_TITLE)
    phone.locator("#id_isi").fill(REPORT_TEXT)
    phone.locator("#id_kecamatan").select_option(label="Babalan")
    brandan_barat = Desa.objects.get(nama="Brandan Barat")
    phone.locator("#id_desa").select_option(str(brandan_barat.pk))
    phone.locator("#id_nama_pelapor").fill(REPORTER_NAME)
    phone.locator("#id_email").fill(REPORTER_EMAIL)
    phone.locator("#id_lampiran").set_input_files(str(photo))
    phone.locator("#id_setuju").check()
    phone.get_by_role("button", name="Kirim laporan").click()

    # The confirmation: the tracking code and the secret link.
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Laporan Anda sudah kami terima"
    )
    code = phone.locator(".code-box__code").inner_text().strip()
    assert TRACKING_CODE.match(code), code
    secret_url = phone.get_by_role("textbox", name="Tautan rahasia").input_value()
    assert "/laporan-saya/" in secret_url
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    laporan = Laporan.objects.get(kode_lacak=code)
    assert laporan.status == StatusLaporan.BARU
    assert laporan.lampiran.count() == 1

    # Tracking by code: status "Baru", no identity.
    phone.get_by_role("link", name="Lacak laporan ini").click()
    summary = phone.locator(".status-summary")
    expect(summary).to_contain_text(code)
    expect(summary.locator(".status-badge")).to_have_text("Baru")
    expect(phone.locator("main")).not_to_contain_text(REPORTER_NAME)
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    # A moderator verifies the report and dispatches it to Dinas PUPR.
    context, moderator = admin_tab(browser, base, elaga["moderator"].username)
    open_report_in_admin(moderator, base, code)
    expect(moderator.locator("main")).to_contain_text(REPORTER_NAME)
    run_action(moderator, "Verifikasi")
    expect(moderator.locator("main")).to_contain_text("Diverifikasi")
    open_action(moderator, "Disposisikan ke OPD")
    # The category's office is proposed.
    expect(moderator.locator("#id_disposisi-perangkat_daerah")).to_have_value(
        str(elaga["pupr"].pk)
    )
    run_action(moderator, "Disposisikan ke OPD")
    context.close()
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DIDISPOSISIKAN
    assert laporan.perangkat_daerah == elaga["pupr"]

    # The PUPR officer writes a public follow-up.
    context, officer = admin_tab(browser, base, elaga["officer"].username)
    open_report_in_admin(officer, base, code)
    open_action(officer, "Tulis tindak lanjut")
    officer.locator("#id_tindak-lanjut-pesan").fill(OFFICER_ANSWER)
    expect(officer.locator("#id_tindak-lanjut-publik")).to_be_checked()
    run_action(officer, "Tulis tindak lanjut")
    context.close()
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DITINDAKLANJUTI

    # The citizen reads the answer on the secret link.
    phone.goto(secret_url)
    expect(phone.get_by_role("heading", level=1)).to_have_text(REPORT_TITLE)
    expect(phone.locator(".status-summary .status-badge")).to_have_text(
        "Ditindaklanjuti"
    )
    expect(phone.locator("main")).to_contain_text(OFFICER_ANSWER)
    assert_no_sideways_scroll(phone)

    # From the secret link the citizen adds information (a POST that must pass CSRF).
    phone.get_by_label("Informasi tambahan").fill("Lubang kedua ada di depan masjid.")
    phone.get_by_role("button", name="Kirim informasi").click()
    expect(phone.locator("main")).to_contain_text("Lubang kedua ada di depan masjid.")
    assert laporan.linimasa.filter(message__contains="depan masjid").exists()

    # The published list shows the report, without identity.
    phone.goto(form_url + "daftar/")
    item = phone.locator(".elaga-list .item-list__item", has_text=REPORT_TITLE)
    expect(item).to_contain_text(code)
    expect(phone.locator("main")).not_to_contain_text(REPORTER_NAME)
    expect(phone.locator("main")).not_to_contain_text(REPORTER_EMAIL)
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)
