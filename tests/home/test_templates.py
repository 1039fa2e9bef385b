"""Public templates render without a browser: error pages, footer, breadcrumbs, menu."""

from http import HTTPStatus

import pytest
from django.template import Context
from django.template.loader import get_template
from wagtail.models import Site

from home.models import StandardPage
from portal.models import PengaturanPortal

pytestmark = pytest.mark.django_db


def test_404_page_is_indonesian_and_returns_not_found(client, home_page):
    response = client.get("/halaman-yang-tidak-ada/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    content = response.content.decode()
    assert '<html lang="id">' in content
    assert "Halaman tidak ditemukan" in content
    assert 'action="/cari/"' in content
    assert "Kembali ke beranda" in content


def test_500_template_renders_with_an_empty_context():
    html = get_template("500.html").template.render(Context())

    assert '<html lang="id">' in html
    assert "Maaf, terjadi gangguan" in html
    assert "/static/portal/css/portal.css" in html


def test_footer_shows_the_site_settings(client, home_page):
    site = Site.objects.get(is_default_site=True)
    PengaturanPortal.objects.update_or_create(
        site=site,
        defaults={
            "nama_kabupaten": "Pemerintah Kabupaten Langkat",
            "telepon": "(0620) 21001",
            "email": "info@langkatkab.go.id",
            "jam_pelayanan": "Senin-Kamis 08.00-16.00\n\nJumat 08.00-16.30",
            "ppid_nama": "PPID Utama",
            "ppid_email": "ppid@langkatkab.go.id",
            "youtube": "https://www.youtube.com/@langkat",
        },
    )

    content = client.get("/").content.decode()

    assert "(0620) 21001" in content
    assert 'href="mailto:info@langkatkab.go.id"' in content
    assert "<li>Jumat 08.00-16.30</li>" in content
    assert "PPID Utama" in content
    assert 'href="https://www.youtube.com/@langkat"' in content
    assert ">Facebook<" not in content
    assert 'href="/api/portal/v1/docs"' in content


def test_footer_without_optional_settings_shows_no_empty_sections(client, home_page):
    site = Site.objects.get(is_default_site=True)
    PengaturanPortal.objects.update_or_create(
        site=site,
        defaults={"nama_kabupaten": "", "alamat": "", "jam_pelayanan": ""},
    )

    response = client.get("/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Portal Langkat" in content
    assert "Jam pelayanan" not in content
    assert "Media sosial" not in content
    assert "PPID" not in content


def test_standard_page_has_breadcrumbs_and_marks_its_menu_section(client, home_page):
    section = home_page.add_child(
        instance=StandardPage(title="Informasi Publik", show_in_menus=True)
    )
    child = section.add_child(instance=StandardPage(title="Informasi Berkala"))

    content = client.get(child.url).content.decode()

    assert 'aria-label="Remah roti"' in content
    assert '<span aria-current="page">Informasi Berkala</span>' in content
    assert f'href="{section.url}" aria-current="true"' in content
    assert f'<link rel="canonical" href="{child.full_url}">' in content


def test_home_page_has_no_breadcrumbs(client, home_page):
    content = client.get("/").content.decode()

    assert 'aria-label="Remah roti"' not in content
    assert 'id="konten-utama"' in content


def test_search_page_paginates_and_keeps_the_query(client, home_page):
    for number in range(12):
        home_page.add_child(
            instance=StandardPage(
                title=f"Pengumuman {number}", introduction="pengumuman lelang"
            )
        )

    content = client.get("/cari/", {"q": "lelang"}).content.decode()

    assert "12 hasil untuk “lelang”" in content
    assert 'href="?q=lelang&amp;page=2"' in content
    assert 'aria-current="page" aria-label="Halaman 1"' in content


def test_search_page_without_query_prompts_for_one(client, home_page):
    content = client.get("/cari/").content.decode()

    assert "Ketik kata kunci" in content
    assert "hasil untuk" not in content
