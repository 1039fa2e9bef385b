"""/cari/ searches every live, public page with Wagtail search, paginated."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_finds_live_pages_by_their_text(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="Jadwal Penyaluran Bantuan Sosial",
        introduction="Penyaluran bantuan beras di Kecamatan Stabat.",
    )
    StandardPageFactory(parent=home_page, title="Profil Dinas Pertanian")
    StandardPageFactory(parent=home_page, title="Bantuan yang belum terbit", live=False)

    response = client.get(reverse("search"), {"q": "bantuan"})

    assert response.status_code == HTTPStatus.OK
    titles = [page.title for page in response.context["search_results"]]
    assert titles == ["Jadwal Penyaluran Bantuan Sosial"]
    assert "Jadwal Penyaluran <mark>Bantuan</mark> Sosial" in response.content.decode()


def test_an_empty_query_shows_no_results_and_no_error(client, home_page):
    response = client.get(reverse("search"), {"q": "   "})
    assert response.status_code == HTTPStatus.OK
    assert list(response.context["search_results"]) == []
    assert response.context["search_query"] == ""


def test_a_query_without_matches_is_answered(client, home_page):
    response = client.get(reverse("search"), {"q": "zzqxyk"})
    assert response.status_code == HTTPStatus.OK
    assert response.context["search_results"].paginator.count == 0


def test_results_are_paginated_and_bad_page_numbers_are_tolerated(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Pengumuman banjir {number}")
    first = client.get(reverse("search"), {"q": "banjir"})
    assert len(first.context["search_results"]) == 10
    second = client.get(reverse("search"), {"q": "banjir", "page": 2})
    assert len(second.context["search_results"]) == 2
    for page in ["abc", "999", "-1"]:
        response = client.get(reverse("search"), {"q": "banjir", "page": page})
        assert response.status_code == HTTPStatus.OK


def test_a_very_long_query_is_cut_not_rejected(client, home_page):
    response = client.get(reverse("search"), {"q": "banjir " * 100})
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["search_query"]) <= 200


def test_search_keeps_a_constant_number_of_queries(
    client, home_page, django_assert_max_num_queries
):
    for number in range(3):
        StandardPageFactory(parent=home_page, title=f"Layanan informasi {number}")
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("search"), {"q": "informasi"})
    for number in range(3, 23):
        StandardPageFactory(parent=home_page, title=f"Layanan informasi {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("search"), {"q": "informasi"})
