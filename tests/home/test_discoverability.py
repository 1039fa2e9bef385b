"""Search engines find the public pages and stay out of the admin and APIs."""

from http import HTTPStatus

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_pages_only(client, home_page):
    StandardPageFactory(parent=home_page, title="Visi dan Misi", slug="visi-dan-misi")
    StandardPageFactory(parent=home_page, title="Draf", slug="draf", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "/visi-dan-misi/" in content
    assert "/draf/" not in content


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_pages_carry_a_canonical_url(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Profil", slug="profil")
    html = client.get(page.url).content.decode()
    assert '<link rel="canonical" href="http://testserver/profil/">' in html
