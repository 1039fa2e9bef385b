"""Wagtail's content API v2 serves live pages, images and documents at /api/v2/."""

from http import HTTPStatus

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_pages_endpoint_lists_live_pages_with_their_fields(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Visi dan Misi", listing_summary="Arah pembangunan."
    )
    StandardPageFactory(parent=home_page, title="Draf Rahasia", live=False)

    response = client.get(
        "/api/v2/pages/", {"type": "home.StandardPage", "fields": "listing_summary"}
    )

    assert response.status_code == HTTPStatus.OK
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Visi dan Misi"]
    assert items[0]["listing_summary"] == "Arah pembangunan."


def test_page_detail_exposes_the_body(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="Profil", introduction="Langkat di pantai timur."
    )
    response = client.get(f"/api/v2/pages/{page.id}/")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["introduction"] == "Langkat di pantai timur."
    assert "body" in response.json()


def test_images_and_documents_endpoints_answer(client):
    assert client.get("/api/v2/images/").status_code == HTTPStatus.OK
    assert client.get("/api/v2/documents/").status_code == HTTPStatus.OK


def test_page_listing_keeps_a_constant_number_of_queries(
    client, home_page, django_assert_max_num_queries
):
    listings = [{"type": "home.StandardPage", "fields": "*"}, {"fields": "*"}]
    StandardPageFactory.create_batch(3, parent=home_page)
    counts = []
    for params in listings:
        with django_assert_max_num_queries(15) as few:
            client.get("/api/v2/pages/", params)
        counts.append(len(few.captured_queries))
    StandardPageFactory.create_batch(30, parent=home_page)
    for params, count in zip(listings, counts, strict=True):
        with django_assert_max_num_queries(count):
            client.get("/api/v2/pages/", params)
