"""No text typed into the e-pasar search (catalogue page or service API) is answered
with a server error, on SQLite or PostgreSQL."""

from http import HTTPStatus

import pytest

from tests.pasar.factories import ProdukPageFactory
from tests.search.test_search_input import AWKWARD_QUERIES

pytestmark = pytest.mark.django_db

API = "/api/portal/v1/pasar"


@pytest.fixture
def keripik(pasar_page):
    return ProdukPageFactory(parent=pasar_page, title="Keripik Pisang Kepok")


@pytest.mark.parametrize("query", AWKWARD_QUERIES)
def test_catalogue_answers_every_text_with_the_normal_page(client, keripik, query):
    response = client.get("/e-pasar/", {"q": query})
    assert response.status_code == HTTPStatus.OK


def test_a_lone_double_quote_in_the_catalogue_finds_no_product(client, keripik):
    response = client.get("/e-pasar/?q=%22")
    assert response.status_code == HTTPStatus.OK
    assert "Keripik Pisang Kepok" not in response.content.decode()


@pytest.mark.parametrize("query", [q for q in AWKWARD_QUERIES if len(q) <= 200])
def test_product_api_answers_every_text_with_a_list(client, keripik, query):
    response = client.get(f"{API}/produk", {"q": query})
    assert response.status_code == HTTPStatus.OK


def test_a_lone_double_quote_in_the_product_api_finds_nothing(client, keripik):
    response = client.get(f"{API}/produk?q=%22")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["items"] == []


def test_quoted_words_in_the_product_api_still_find_the_product(client, keripik):
    response = client.get(f"{API}/produk", {"q": '"keripik pisang'})
    assert [item["id"] for item in response.json()["items"]] == [keripik.pk]
