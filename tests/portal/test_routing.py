"""A URL reaches the page Wagtail's routing would give, read in one query."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StandardPageFactory
from tests.pengaduan.factories import create_elaga_page

pytestmark = pytest.mark.django_db


def test_a_page_three_levels_down_is_served(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Profil", slug="profil")
    part = StandardPageFactory(parent=section, title="Wilayah", slug="wilayah")
    leaf = StandardPageFactory(parent=part, title="Kecamatan Stabat", slug="stabat")

    response = client.get("/profil/wilayah/stabat/")

    assert response.status_code == HTTPStatus.OK
    assert response.context["page"] == leaf
    assert "Kecamatan Stabat" in response.text


def test_the_same_slug_elsewhere_in_the_tree_is_not_confused(client, home_page):
    for title, slug in [("Dinas A", "dinas-a"), ("Dinas B", "dinas-b")]:
        section = StandardPageFactory(parent=home_page, title=title, slug=slug)
        StandardPageFactory(parent=section, title=f"Kontak {title}", slug="kontak")

    assert "Kontak Dinas B" in client.get("/dinas-b/kontak/").text
    assert "Kontak Dinas A" in client.get("/dinas-a/kontak/").text
    # A page is reached only through its own parent.
    assert client.get("/kontak/").status_code == HTTPStatus.NOT_FOUND


def test_an_unknown_segment_is_not_found(client, home_page):
    section = StandardPageFactory(parent=home_page, slug="profil")
    StandardPageFactory(parent=section, slug="wilayah")

    assert client.get("/profil/tidak-ada/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/profil/wilayah/lebih/").status_code == HTTPStatus.NOT_FOUND


def test_a_draft_page_is_not_found_but_its_live_children_are(client, home_page):
    """As in Wagtail: only the page that answers must be live."""
    section = StandardPageFactory(parent=home_page, slug="arsip")
    StandardPageFactory(parent=section, title="Arsip 2024", slug="2024")
    section.unpublish()

    assert client.get("/arsip/").status_code == HTTPStatus.NOT_FOUND
    assert "Arsip 2024" in client.get("/arsip/2024/").text


def test_a_routable_page_route_wins_over_a_child_page_of_that_slug(client, home_page):
    elaga = create_elaga_page(home_page)
    StandardPageFactory(parent=elaga, title="Halaman bernama lacak", slug="lacak")
    StandardPageFactory(parent=elaga, title="Panduan pelapor", slug="panduan")

    track = client.get("/e-laga/lacak/")
    assert track.status_code == HTTPStatus.OK
    assert "Halaman bernama lacak" not in track.text
    # A slug that is not one of its routes reaches the child page.
    assert "Panduan pelapor" in client.get("/e-laga/panduan/").text


def test_routing_reads_the_same_number_of_queries_at_any_depth(client, home_page):
    parent, urls = home_page, []
    for depth in range(1, 6):
        parent = StandardPageFactory(parent=parent, slug=f"tingkat-{depth}")
        urls.append(parent.url)
    for url in urls:
        client.get(url)  # shared values (menu, breadcrumbs) are kept from here on

    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == HTTPStatus.OK
        counts.append(len(captured))

    assert counts[0] == counts[-1], counts
