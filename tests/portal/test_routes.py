"""Page routes are declared as tables, and every tracked submission has its pages."""

from http import HTTPStatus

import pytest
from django.apps import apps
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal.routes import DeclaredRoutesMixin
from portal.tracking import TrackedSubmission
from tests.pengaduan.factories import LaporanFactory, create_elaga_page

SUBMISSION_ROUTES = {"confirmation", "track", "secret_page"}


def routable_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, RoutablePageMixin)
    ]


def tracked_submission_models():
    """The project's own tracked submissions (test-only models left out)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TrackedSubmission)
        and not model._meta.app_config.name.startswith("tests")
    ]


def test_every_routable_page_declares_its_routes_as_a_table():
    models = routable_page_models()
    assert len(models) >= 6
    for model in models:
        assert issubclass(model, DeclaredRoutesMixin), model
        route_methods = [
            name
            for klass in model.__mro__
            if klass is not RoutablePageMixin
            for name, value in vars(klass).items()
            if hasattr(value, "_routablepage_routes")
        ]
        assert route_methods == [], (model, route_methods)


def test_the_three_services_are_tracked_submissions():
    labels = {model._meta.label for model in tracked_submission_models()}
    assert labels == {
        "pengaduan.Laporan",
        "ppid.PermohonanInformasi",
        "layanan.Permohonan",
    }


@pytest.mark.parametrize(
    "model", tracked_submission_models(), ids=lambda model: model._meta.label
)
def test_each_tracked_submission_is_hosted_by_a_page_with_the_three_routes(model):
    host = apps.get_model(model.host_page_model)
    names = {pattern.name for pattern in host.get_subpage_urls()}
    assert SUBMISSION_ROUTES <= names


@pytest.mark.django_db
def test_the_secret_link_is_empty_without_a_live_host_page_and_absolute_with_one(
    home_page, client
):
    laporan = LaporanFactory()
    assert laporan.secret_url() == ""
    page = create_elaga_page(home_page)
    url = laporan.secret_url()
    assert url.startswith("http://") and laporan.token_rahasia in url
    assert url.endswith(
        page.reverse_subpage("secret_page", args=[laporan.token_rahasia])
    )
    assert client.get(url).status_code == HTTPStatus.OK
    page.unpublish()
    assert laporan.secret_url() == ""


@pytest.mark.django_db
def test_a_declared_route_serves_its_view_and_an_unknown_one_is_not_found(
    home_page, client
):
    page = create_elaga_page(home_page)
    assert client.get(page.url + "lacak/").status_code == HTTPStatus.OK
    assert client.get(page.url + "tidak-ada/").status_code == HTTPStatus.NOT_FOUND
    assert (
        client.get(page.url + "terkirim/bukan-token/").status_code
        == HTTPStatus.NOT_FOUND
    )
