"""A number beyond what the database stores (a 20-digit offset, limit or id) is
answered 4xx in the API's error format, or with the normal page, never 500."""

from http import HTTPStatus

import pytest

from tests.factories import UserFactory
from tests.pasar.factories import PasarIndexPageFactory

pytestmark = pytest.mark.django_db

API = "/api/portal/v1"
HUGE = "99999999999999999999"


def assert_api_error(response, status, field):
    assert response.status_code == status
    body = response.json()
    assert body["detail"]
    assert field in [error["field"] for error in body["errors"]]


@pytest.mark.parametrize(
    "path",
    [
        "/wilayah/desa",
        "/pengaduan/laporan",
        "/informasi-publik/register",
        "/pasar/produk",
        "/pasar/umkm",
    ],
)
@pytest.mark.parametrize("name", ["offset", "limit"])
def test_a_huge_offset_or_limit_is_a_validation_error(client, path, name):
    response = client.get(f"{API}{path}", {name: HUGE})
    assert_api_error(response, HTTPStatus.UNPROCESSABLE_ENTITY, name)


def test_the_largest_offset_answers_an_empty_page(client):
    response = client.get(f"{API}/wilayah/desa", {"offset": 2**31 - 1})
    assert response.status_code == HTTPStatus.OK
    assert response.json()["items"] == []


def test_a_limit_above_one_hundred_is_a_validation_error(client):
    response = client.get(f"{API}/wilayah/desa", {"limit": 101})
    assert_api_error(response, HTTPStatus.UNPROCESSABLE_ENTITY, "limit")


def test_a_huge_product_id_is_a_validation_error(client):
    response = client.get(f"{API}/pasar/produk/{HUGE}")
    assert_api_error(response, HTTPStatus.UNPROCESSABLE_ENTITY, "produk_id")


def test_a_huge_product_id_of_an_owner_is_a_validation_error(client):
    client.force_login(UserFactory())
    response = client.get(f"{API}/pasar/saya/produk/{HUGE}")
    assert_api_error(response, HTTPStatus.UNPROCESSABLE_ENTITY, "produk_id")


@pytest.mark.parametrize(
    "params",
    [
        {"offset": HUGE},
        {"limit": HUGE},
        {"id": HUGE},
        {"child_of": HUGE},
        {"descendant_of": f"-{HUGE}"},
    ],
)
def test_content_api_answers_a_huge_number_with_a_bad_request(
    client, home_page, params
):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "message" in response.json()


def test_content_api_answers_a_huge_page_id_with_not_found(client, home_page):
    assert client.get(f"/api/v2/pages/{HUGE}/").status_code == HTTPStatus.NOT_FOUND
    response = client.get("/api/v2/pages/find/", {"id": HUGE})
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_catalogue_reports_a_huge_price_and_shows_the_page(client, home_page):
    PasarIndexPageFactory(parent=home_page)
    response = client.get("/e-pasar/", {"harga_min": HUGE, "page": HUGE})
    assert response.status_code == HTTPStatus.OK
    assert "harga_min" in response.context["form"].errors


def test_site_search_shows_the_last_page_for_a_huge_page_number(client, home_page):
    response = client.get("/cari/", {"q": "beranda", "page": HUGE})
    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    "params",
    [
        {"limit": HUGE},
        {"limit": "9" * 5000},
        {"limit": "²"},
        {"start_date": "9999-12-31T23:59:59+07:00"},
        {"end_date": "0001-01-01"},
    ],
)
def test_open311_answers_out_of_range_numbers_and_dates_with_a_bad_request(
    client, params
):
    response = client.get("/open311/v2/requests.json", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.parametrize(
    "params",
    [
        {"dari": "9999-12-25", "sampai": "9999-12-31"},
        {"dari": "0001-01-01", "sampai": "0001-01-07"},
    ],
)
def test_ikm_api_answers_dates_at_the_end_of_the_calendar_with_a_bad_request(
    client, params
):
    response = client.get(f"{API}/e-kecamatan/ikm/", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["errors"]
