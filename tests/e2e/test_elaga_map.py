"""The e-laga map and "Dukung laporan ini" in a real browser on a 360 px phone.

A resident pins the place of a problem on the map and files the report; another sees
that the same problem was reported while typing the title and supports that report
instead of filing a duplicate. The tile server is not reachable from the tests: every
tile request is answered with a blank tile, so the map works as it does when tiles
fail to load.
"""

import re
from decimal import Decimal
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from pengaduan.location import LANGKAT_BOUNDS
from pengaduan.models import Laporan
from portal.models import Desa
from tests.e2e.conftest import (
    E2E_DB,
    assert_no_serious_a11y_violations,
    assert_no_sideways_scroll,
)
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    PublishedLaporanFactory,
    create_elaga_page,
)

pytestmark = [pytest.mark.e2e, E2E_DB]

TILE_REQUESTS = re.compile(r"^https://tile\.openstreetmap\.org/")
EXISTING_TITLE = "Jembatan gantung Brandan Barat rusak parah"


def blank_tile():
    buffer = BytesIO()
    Image.new("RGB", (256, 256), (236, 240, 238)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def elaga(portal_site):
    """The e-laga page and a road category (``portal_site`` has an "e-laga" area
    page at /e-laga/ already)."""
    page = create_elaga_page(portal_site.home, slug="lapor")
    kategori = KategoriLaporanFactory(nama="Jalan dan jembatan", slug="jalan-jembatan")
    return {"url": portal_site.url + page.url, "page": page, "kategori": kategori}


@pytest.fixture
def tiles_served_locally(phone):
    """Tile requests answered with a blank PNG; the list of tiles asked for."""
    requested = []
    tile = blank_tile()

    def fulfil(route):
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=tile)

    phone.route(TILE_REQUESTS, fulfil)
    return requested


def fill_report(phone, title):
    phone.locator("#id_kategori").select_option("jalan-jembatan")
    phone.locator("#id_judul").fill(title)
    phone.locator("#id_isi").fill(
        "Papan lantai jembatan patah dan anak sekolah harus melompat."
    )
    phone.locator("#id_kecamatan").select_option(label="Babalan")
    desa = Desa.objects.get(nama="Brandan Barat")
    phone.locator("#id_desa").select_option(str(desa.pk))
    phone.locator("#id_nama_pelapor").fill("Rahmat Hidayat Lubis")
    phone.locator("#id_email").fill("rahmat.map.e2e@example.com")
    phone.locator("#id_setuju").check()


def test_a_resident_pins_the_place_on_the_map_and_the_point_is_stored(
    elaga, phone, tiles_served_locally
):
    phone.goto(elaga["url"])
    canvas = phone.locator("[data-map-canvas]")
    expect(canvas).to_be_visible()
    expect(phone.get_by_role("button", name="Gunakan lokasi saya")).to_be_visible()
    assert tiles_served_locally, "the map asks the configured tile server"

    fill_report(phone, "Jembatan gantung di Brandan Barat patah")

    # "Gunakan lokasi saya": the browser asks, the resident allows.
    phone.context.grant_permissions(["geolocation"])
    phone.context.set_geolocation({"latitude": 4.031234, "longitude": 98.281234})
    phone.get_by_role("button", name="Gunakan lokasi saya").click()
    expect(phone.locator("#id_latitude")).to_have_value("4.031234")
    expect(phone.locator("#id_longitude")).to_have_value("98.281234")

    # A tap on the map moves the pin there.
    canvas.scroll_into_view_if_needed()
    canvas.click()
    expect(phone.locator("[data-map-status]")).to_contain_text("Titik lokasi ditandai")
    expect(phone.get_by_role("button", name="Penanda lokasi laporan")).to_be_visible()
    latitude = phone.locator("#id_latitude").input_value()
    longitude = phone.locator("#id_longitude").input_value()
    assert LANGKAT_BOUNDS["south"] < Decimal(latitude) < LANGKAT_BOUNDS["north"]
    assert LANGKAT_BOUNDS["west"] < Decimal(longitude) < LANGKAT_BOUNDS["east"]

    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    phone.get_by_role("button", name="Kirim laporan").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Laporan Anda sudah kami terima"
    )
    laporan = Laporan.objects.get()
    assert laporan.latitude == Decimal(latitude)
    assert laporan.longitude == Decimal(longitude)


def test_a_resident_sees_the_same_problem_while_typing_and_supports_it_instead(
    elaga, phone, tiles_served_locally
):
    existing = PublishedLaporanFactory(
        kategori=elaga["kategori"],
        judul=EXISTING_TITLE,
        latitude="4.031234",
        longitude="98.281234",
    )
    phone.goto(elaga["url"])
    phone.locator("#id_kategori").select_option("jalan-jembatan")
    phone.locator("#id_judul").press_sequentially("Jembatan gantung rusak", delay=20)

    similar = phone.locator("[data-similar]")
    expect(similar).to_be_visible()
    expect(similar.get_by_role("link", name=EXISTING_TITLE)).to_be_visible()
    expect(similar).to_contain_text("0 dukungan")
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    similar.get_by_role("button", name="Dukung laporan ini").click()
    expect(similar).to_contain_text("Dukungan Anda untuk laporan ini tercatat")
    expect(similar).to_contain_text("1 dukungan")
    existing.refresh_from_db()
    assert existing.jumlah_dukungan == 1
    assert Laporan.objects.count() == 1, "no duplicate was filed"

    # The report's own page shows the support and its rounded place on a map.
    similar.get_by_role("link", name=EXISTING_TITLE).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(EXISTING_TITLE)
    expect(phone.locator(".status-summary")).to_contain_text("1 warga")
    view = phone.locator("[data-map-view]")
    expect(view).to_be_visible()
    expect(view).to_have_attribute("data-lat", "4.031")
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    # Supporting again from the same phone is not counted twice.
    phone.get_by_role("link", name="Dukung laporan ini").click()
    expect(phone.locator("#dukung")).to_contain_text("sudah tercatat")
