"""What every page shows alike (menu, quick links, breadcrumbs, serta-merta banner)
is kept with the cached pages, yet every change shows on the next rendering, also
for logged-in readers, who never get a cached page; private sections stay out."""

import datetime
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory, UserFactory
from tests.ppid.factories import (
    PengumumanIndexPageFactory,
    PengumumanPageFactory,
    PPIDPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor_client(client):
    """A logged-in reader: rendered every time, never from the page cache."""
    client.force_login(UserFactory())
    return client


def menu_of(html):
    return html.split('id="menu-utama"', 1)[1].split("</nav>", 1)[0]


def test_a_published_menu_page_shows_at_once_and_leaves_when_unpublished(
    editor_client, home_page
):
    StandardPageFactory(parent=home_page, title="Profil Daerah", show_in_menus=True)
    assert "Profil Daerah" in menu_of(editor_client.get("/").content.decode())
    page = StandardPageFactory(
        parent=home_page, title="Transparansi Anggaran", show_in_menus=True
    )
    response = editor_client.get("/")
    assert "X-Cache" not in response
    html = response.content.decode()
    assert "Transparansi Anggaran" in menu_of(html)
    # The home page's quick links follow the menu too.
    assert html.count("Transparansi Anggaran") >= 2
    page.unpublish()
    assert "Transparansi Anggaran" not in editor_client.get("/").content.decode()


def test_breadcrumbs_follow_a_renamed_section(editor_client, home_page):
    section = StandardPageFactory(parent=home_page, title="Pemerintahan")
    child = StandardPageFactory(parent=section, title="Struktur Organisasi")
    assert "Pemerintahan" in editor_client.get(child.url).content.decode()
    section.title = "Pemerintahan Daerah"
    section.save_revision().publish()
    assert "Pemerintahan Daerah" in editor_client.get(child.url).content.decode()


def test_banner_appears_and_leaves_on_time_for_a_logged_in_reader(
    editor_client, home_page
):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=1)
    with freeze_time(start - datetime.timedelta(hours=1)):
        index = PengumumanIndexPageFactory(parent=PPIDPageFactory(parent=home_page))
        PengumumanPageFactory(
            parent=index,
            pesan="Waspada banjir di DAS Wampu.",
            mulai=start,
            berakhir=start + datetime.timedelta(hours=2),
        )
        assert "Waspada banjir" not in editor_client.get("/").content.decode()
    with freeze_time(start + datetime.timedelta(seconds=1)):
        assert "Waspada banjir" in editor_client.get("/").content.decode()
    with freeze_time(start + datetime.timedelta(hours=2, seconds=1)):
        assert "Waspada banjir" not in editor_client.get("/").content.decode()


def test_private_section_stays_out_of_the_menu_and_asks_for_its_password(
    client, home_page
):
    section = StandardPageFactory(
        parent=home_page, title="Ruang Rapat Internal", show_in_menus=True
    )
    child = StandardPageFactory(parent=section, title="Notulen Rapat")
    assert "Ruang Rapat Internal" in menu_of(client.get("/").content.decode())
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    assert "Ruang Rapat Internal" not in client.get("/").content.decode()
    response = client.get(child.url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Notulen Rapat" not in html
    assert 'name="password"' in html


def test_an_alias_of_a_private_page_asks_for_the_source_pages_password(
    client, home_page
):
    source = StandardPageFactory(parent=home_page, title="Laporan Internal")
    PageViewRestriction.objects.create(
        page=source, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    alias = source.create_alias(update_slug="salinan-laporan")
    html = client.get(alias.url).content.decode()
    assert 'name="password"' in html
