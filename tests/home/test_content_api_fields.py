"""Every KIP page type exposes its useful fields in the content API v2."""

from http import HTTPStatus

import pytest

from tests.home.factories import BeritaIndexPageFactory, BeritaPageFactory
from tests.ppid.factories import PengumumanIndexPageFactory, PengumumanPageFactory

pytestmark = pytest.mark.django_db


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.id}/")
    assert response.status_code == HTTPStatus.OK
    return response.json()


def test_ppid_page_exposes_its_service_standard(client, ppid_page):
    body = detail(client, ppid_page)
    assert body["profil"] == "<p>PPID Kabupaten Langkat.</p>"
    assert "10 hari kerja" in body["jangka_waktu"]
    assert body["biaya"].startswith("Gratis")


def test_news_article_exposes_date_tags_and_body(client, home_page):
    index = BeritaIndexPageFactory(parent=home_page)
    article = BeritaPageFactory(parent=index, title="Jembatan baru")
    article.tags.add("infrastruktur")
    article.save()
    body = detail(client, article)
    assert body["tanggal"] == article.tanggal.isoformat()
    assert body["tags"] == ["infrastruktur"]
    assert body["introduction"] == "Teras berita."


def test_announcement_exposes_level_message_and_window(client, ppid_page):
    index = PengumumanIndexPageFactory(parent=ppid_page)
    announcement = PengumumanPageFactory(parent=index)
    body = detail(client, announcement)
    assert body["tingkat"] == "waspada"
    assert body["pesan"] == "Waspada banjir di DAS Wampu."
    assert body["mulai"] and body["berakhir"]


def test_home_page_exposes_its_sections(client, home_page):
    body = detail(client, home_page)
    assert [block["type"] for block in body["body"]] == ["hero", "quick_links"]


def test_no_personal_data_fields_leak_through_the_pages_endpoint(client, ppid_page):
    response = client.get("/api/v2/pages/", {"fields": "*"})
    assert response.status_code == HTTPStatus.OK
    for item in response.json()["items"]:
        assert "owner" not in item
        assert "email" not in item.get("meta", {})
