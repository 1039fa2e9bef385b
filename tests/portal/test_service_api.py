"""Service API /api/portal/v1/: reference data, OpenAPI schema, error format."""

from http import HTTPStatus

import pytest

from portal.models import PerangkatDaerah
from tests.factories import PerangkatDaerahFactory

pytestmark = pytest.mark.django_db

API = "/api/portal/v1"


def test_openapi_schema_is_served_and_lists_the_reference_endpoints(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == HTTPStatus.OK
    schema = response.json()
    assert schema["info"]["title"].startswith("Portal Langkat")
    assert f"{API}/wilayah/kecamatan" in schema["paths"]
    assert f"{API}/perangkat-daerah" in schema["paths"]


def test_interactive_docs_use_only_our_own_static_files(client):
    response = client.get(f"{API}/docs")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert "https://" not in html


def test_lists_the_23_kecamatan_with_their_desa_counts(client):
    response = client.get(f"{API}/wilayah/kecamatan")
    assert response.status_code == HTTPStatus.OK
    kecamatan = response.json()
    assert len(kecamatan) == 23
    assert sum(item["jumlah_desa"] for item in kecamatan) == 277
    assert kecamatan[0]["nama"] == "Babalan"


def test_one_kecamatan_lists_its_desa(client):
    response = client.get(f"{API}/wilayah/kecamatan/babalan")
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["nama"] == "Babalan"
    assert len(body["desa"]) == body["jumlah_desa"] == 8
    assert {"nama": "Brandan Barat", "kode_pos": "20857"}.items() <= body["desa"][
        0
    ].items()


def test_unknown_kecamatan_answers_404_in_the_error_format(client):
    response = client.get(f"{API}/wilayah/kecamatan/tidak-ada")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": "Data tidak ditemukan.", "errors": []}


def test_lists_only_active_offices(client):
    PerangkatDaerahFactory(nama="Dinas Lama", slug="dinas-lama", aktif=False)
    response = client.get(f"{API}/perangkat-daerah")
    assert response.status_code == HTTPStatus.OK
    names = [office["nama"] for office in response.json()]
    assert "Inspektorat" in names
    assert "Dinas Lama" not in names
    assert len(names) == PerangkatDaerah.objects.filter(aktif=True).count()
    assert client.get(f"{API}/perangkat-daerah/dinas-lama").status_code == 404


def test_one_office_by_slug(client):
    response = client.get(f"{API}/perangkat-daerah/diskominfo")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["nama"] == "Dinas Komunikasi dan Informatika"


def test_reference_lists_keep_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        client.get(f"{API}/wilayah/kecamatan")
    PerangkatDaerahFactory.create_batch(40)
    with django_assert_max_num_queries(2):
        client.get(f"{API}/perangkat-daerah")
    with django_assert_max_num_queries(3):
        client.get(f"{API}/wilayah/kecamatan/stabat")


def test_cors_origins_are_configurable(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.langkatkab.go.id"]
    allowed = client.get(
        f"{API}/wilayah/kecamatan", headers={"Origin": "https://app.langkatkab.go.id"}
    )
    assert allowed["Access-Control-Allow-Origin"] == "https://app.langkatkab.go.id"
    other = client.get(
        f"{API}/wilayah/kecamatan", headers={"Origin": "https://lain.example"}
    )
    assert "Access-Control-Allow-Origin" not in other


def test_desa_search_filters_by_name_and_kecamatan(client):
    response = client.get(
        f"{API}/wilayah/desa", {"q": "brandan", "kecamatan": "babalan"}
    )
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["count"] == 3
    assert {item["nama"] for item in body["items"]} == {
        "Brandan Barat",
        "Brandan Timur",
        "Brandan Timur Baru",
    }
    assert body["items"][0]["kecamatan"] == "Babalan"


def test_desa_search_is_paginated_with_constant_queries(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        response = client.get(f"{API}/wilayah/desa", {"limit": 100})
    body = response.json()
    assert body["count"] == 277
    assert len(body["items"]) == 100


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"limit": "banyak"}, "limit", "Harus berupa bilangan bulat."),
        ({"limit": 0}, "limit", "Paling kecil 1."),
        ({"q": "x" * 101}, "q", "Paling banyak 100 karakter."),
        ({"kode_pos": "2085"}, "kode_pos", "Nilai tidak valid."),
    ],
)
def test_invalid_query_answers_422_with_field_errors(client, params, field, message):
    response = client.get(f"{API}/wilayah/desa", params)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    body = response.json()
    assert body["detail"] == "Data yang dikirim tidak valid."
    assert {"field": field, "message": message} in [
        {"field": error["field"], "message": error["message"]}
        for error in body["errors"]
    ]
