"""A NUL character in any input answers 400, never a server error (PostgreSQL
cannot store it; found by schemathesis on the report list's ``kecamatan`` filter)."""

from http import HTTPStatus

import pytest

from pengaduan.models import Laporan
from tests.pengaduan.factories import LaporanFactory, create_elaga_page

pytestmark = pytest.mark.django_db


def test_a_nul_in_an_api_filter_answers_400_in_the_error_format(client):
    LaporanFactory()
    response = client.get("/api/portal/v1/pengaduan/laporan", {"kecamatan": "a\x00b"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["detail"] == "Isian tidak boleh memuat karakter NUL."


def test_a_nul_in_a_json_body_answers_400(client):
    response = client.post(
        "/api/portal/v1/pengaduan/laporan",
        data='{"judul": "Jalan\\u0000rusak"}',
        content_type="application/json",
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_a_nul_in_open311_answers_in_its_own_error_format(client):
    response = client.get("/open311/v2/requests.json", {"status": "open\x00"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()[0]["code"] == HTTPStatus.BAD_REQUEST


def test_a_nul_in_a_site_search_or_form_answers_400(client, home_page):
    elaga = create_elaga_page(home_page)
    assert client.get("/cari/", {"q": "jalan\x00"}).status_code == 400
    response = client.post(
        elaga.url,
        "judul=Jalan%00rusak",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "karakter NUL" in response.content.decode()


def test_a_nul_in_a_multipart_form_is_refused_by_the_form(client, home_page):
    elaga = create_elaga_page(home_page)
    response = client.post(elaga.url, {"judul": "Jalan\x00rusak", "isi": "Rusak."})
    assert response.status_code < 500
    assert not Laporan.objects.exists()


def test_ordinary_input_passes(client):
    response = client.get("/api/portal/v1/pengaduan/laporan", {"kecamatan": "babalan"})
    assert response.status_code == HTTPStatus.OK
