"""Search that forgives on a 360 px phone: a typo gets "Mungkin maksud Anda", the
suggestion finds the page, and the beginning of a word finds it too."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    E2E_DB,
    assert_no_serious_a11y_violations,
    assert_no_sideways_scroll,
)

pytestmark = [pytest.mark.e2e, E2E_DB]


def search_from_the_header(phone, words):
    form = phone.get_by_role("search", name="Pencarian situs")
    form.get_by_label("Cari di portal").fill(words)
    form.get_by_role("button", name="Cari").click()


def test_a_typo_on_a_phone_leads_to_the_page_through_the_suggestion(portal_site, phone):
    phone.goto(portal_site.url + "/")
    search_from_the_header(phone, "posyandi")

    expect(phone.locator(".search-page__count")).to_have_text(
        "0 hasil untuk “posyandi”"
    )
    suggestion = phone.locator(".search-page__suggestion")
    expect(suggestion).to_have_text("Mungkin maksud Anda: posyandu?")
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    suggestion.get_by_role("link", name="posyandu").click()

    expect(phone.locator(".search-page__count")).to_have_text(
        "1 hasil untuk “posyandu”"
    )
    result = phone.locator(".search-result")
    expect(result.locator(".search-result__type")).to_have_text("Halaman")
    result.get_by_role("link", name="Jadwal Posyandu").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Jadwal Posyandu")


def test_the_beginning_of_a_word_finds_the_page_on_a_phone(portal_site, phone):
    phone.goto(portal_site.url + "/cari/?q=posya")

    expect(phone.locator(".search-page__count")).to_have_text("1 hasil untuk “posya”")
    expect(phone.locator(".search-page__partial")).to_be_visible()
    expect(
        phone.locator(".search-results").get_by_role("link", name="Jadwal Posyandu")
    ).to_be_visible()
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)
