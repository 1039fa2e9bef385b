"""Editors can create each page type only where it belongs."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from ppid.models import PPIDPage
from tests.factories import StandardPageFactory, UserFactory


class TestPageTreeRules(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_only_one_home_page(self):
        assert HomePage.max_count == 1

    def test_standard_pages_go_under_home_or_other_standard_pages(self):
        self.assertAllowedParentPageTypes(
            StandardPage, {HomePage, StandardPage, PPIDPage}
        )
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_home_page_accepts_standard_pages(self):
        self.assertCanCreateAt(HomePage, StandardPage)


@pytest.mark.django_db
def test_pages_are_routable_and_render(home_page, client):
    page = StandardPageFactory(
        parent=home_page, title="Visi dan Misi", slug="visi-misi"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Visi dan Misi" in response.content.decode()
    assert client.get(home_page.url).status_code == 200


@pytest.mark.django_db
def test_public_pages_are_cacheable_for_anonymous_readers_only(home_page, client):
    response = client.get(home_page.url)
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    client.force_login(UserFactory())
    response = client.get(home_page.url)
    assert "private" in response["Cache-Control"]
