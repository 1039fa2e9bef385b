"""No text typed into a search box is answered with a server error, on SQLite or
PostgreSQL: the site search and the content API search only the words."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

#: What testers typed: quotes, FTS5 and tsquery operators, unicode, a long text.
AWKWARD_QUERIES = [
    '"',
    "'",
    "*",
    "-",
    "(",
    ")",
    "AND",
    "OR",
    "NEAR",
    ":",
    '"bantuan',
    "bantuan AND OR NOT",
    "NEAR(bantuan sosial)",
    "bantuan:*",
    "!&|<->",
    "\\",
    "%s %%",
    "bantuan sosial — Stabat ümit 東京 🙂",
    "x" * 500,
    " ".join(["bantuan"] * 200),
]


@pytest.fixture
def bantuan_page(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Jadwal Penyaluran Bantuan Sosial",
        introduction="Penyaluran bantuan beras di Kecamatan Stabat.",
    )


@pytest.mark.parametrize("query", AWKWARD_QUERIES)
def test_site_search_answers_every_text_with_the_normal_page(
    client, bantuan_page, query
):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == HTTPStatus.OK


def test_a_lone_double_quote_in_the_site_search_finds_nothing(client, bantuan_page):
    response = client.get("/cari/?q=%22")
    assert response.status_code == HTTPStatus.OK
    assert list(response.context["search_results"]) == []


def test_quoted_words_in_the_site_search_still_find_the_page(client, bantuan_page):
    response = client.get(reverse("search"), {"q": '"bantuan sosial" stabat'})
    titles = [page.title for page in response.context["search_results"]]
    assert titles == ["Jadwal Penyaluran Bantuan Sosial"]


@pytest.mark.parametrize("query", AWKWARD_QUERIES)
def test_content_api_search_answers_every_text_with_a_listing(
    client, bantuan_page, query
):
    response = client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == HTTPStatus.OK


def test_a_lone_double_quote_in_the_content_api_search_finds_nothing(
    client, bantuan_page
):
    response = client.get("/api/v2/pages/?search=%22")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["items"] == []


def test_content_api_search_finds_pages_by_their_words(client, bantuan_page):
    response = client.get("/api/v2/pages/", {"search": 'bantuan "sosial'})
    assert [item["id"] for item in response.json()["items"]] == [bantuan_page.pk]


def test_an_unknown_search_operator_is_a_bad_request(client, bantuan_page):
    response = client.get(
        "/api/v2/pages/", {"search": "bantuan", "search_operator": "xor"}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
