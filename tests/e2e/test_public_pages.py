"""The public pages work in a real browser: content, search, phone menu, accessibility."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    AREAS,
    E2E_DB,
    HERO_HEADING,
    MOBILE_VIEWPORT,
    SEARCHABLE_WORD,
    assert_no_serious_a11y_violations,
)

pytestmark = [pytest.mark.e2e, E2E_DB]


def test_home_page_shows_the_four_areas_and_the_footer(portal_site, desktop):
    desktop.goto(portal_site.url + "/")

    expect(desktop.locator("html")).to_have_attribute("lang", "id")
    expect(desktop.get_by_role("heading", level=1)).to_have_text(HERO_HEADING)
    areas = desktop.locator(".card-grid .card")
    expect(areas).to_have_count(len(AREAS))
    for title, summary in AREAS:
        card = areas.filter(has_text=title)
        expect(card.get_by_role("link", name=title)).to_be_visible()
        expect(card).to_contain_text(summary)
    menu = desktop.get_by_role("navigation", name="Menu utama")
    expect(menu.get_by_role("link")).to_have_count(len(AREAS))

    footer = desktop.locator("footer")
    expect(footer).to_contain_text("Pemerintah Kabupaten Langkat")
    expect(footer).to_contain_text("Jumat 08.00-16.30")
    expect(footer).to_contain_text("PPID Utama Kabupaten Langkat")
    expect(footer.get_by_role("link", name="Instagram")).to_be_visible()
    expect(footer.get_by_role("link", name="Facebook")).to_have_count(0)
    expect(footer.get_by_role("link", name="Dokumentasi API")).to_have_attribute(
        "href", "/api/portal/v1/docs"
    )


def test_header_search_finds_the_page_with_the_word(portal_site, desktop):
    desktop.goto(portal_site.url + "/")

    desktop.get_by_role("search", name="Pencarian situs").get_by_label(
        "Cari di portal"
    ).fill(SEARCHABLE_WORD)
    desktop.get_by_role("search", name="Pencarian situs").get_by_role(
        "button", name="Cari"
    ).click()

    expect(desktop).to_have_url(re.compile(rf"/cari/\?q={SEARCHABLE_WORD}$"))
    expect(desktop.locator(".search-page__count")).to_have_text(
        f"1 hasil untuk “{SEARCHABLE_WORD}”"
    )
    desktop.locator(".search-results").get_by_role(
        "link", name="Jadwal Posyandu"
    ).click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Jadwal Posyandu")
    breadcrumbs = desktop.get_by_role("navigation", name="Remah roti")
    expect(breadcrumbs.get_by_role("link", name="Informasi Publik")).to_be_visible()


def test_search_for_nonsense_shows_the_no_result_message(portal_site, desktop):
    desktop.goto(portal_site.url + "/cari/?q=qwzxkjvbn")

    expect(desktop.locator(".search-page__count")).to_have_text(
        "0 hasil untuk “qwzxkjvbn”"
    )
    expect(
        desktop.get_by_role("heading", name="Tidak ada hasil yang cocok")
    ).to_be_visible()
    expect(desktop.get_by_label("Cari di portal", exact=True).last).to_have_value(
        "qwzxkjvbn"
    )


def test_menu_button_opens_the_navigation_on_a_phone(portal_site, phone):
    phone.goto(portal_site.url + "/")
    menu_button = phone.get_by_role("button", name="Menu")
    menu = phone.get_by_role("navigation", name="Menu utama")

    expect(menu_button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()

    menu_button.click()
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()

    menu.get_by_role("link", name="e-kecamatan").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("e-kecamatan")
    # The menu is collapsed again on the new page, so look it up in the DOM.
    expect(phone.locator("#menu-utama a", has_text="e-kecamatan")).to_have_attribute(
        "aria-current", "page"
    )


def test_pages_do_not_scroll_sideways_at_360_px(portal_site, phone):
    for path in ("/", portal_site.areas[0].url, f"/cari/?q={SEARCHABLE_WORD}"):
        phone.goto(portal_site.url + path)
        scroll_width = phone.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= MOBILE_VIEWPORT["width"], (path, scroll_width)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/informasi-publik/",
        f"/cari/?q={SEARCHABLE_WORD}",
        "/cari/?q=qwzxkjvbn",
        "/halaman-yang-tidak-ada/",
    ],
    ids=["home", "standard-page", "search-results", "search-empty", "not-found"],
)
def test_axe_finds_no_serious_issue(portal_site, desktop, path):
    response = desktop.goto(portal_site.url + path)
    expected_status = 404 if path == "/halaman-yang-tidak-ada/" else 200
    assert response.status == expected_status
    assert_no_serious_a11y_violations(desktop)
