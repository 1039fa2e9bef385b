"""Admin screens for reference data: searchable, filterable, constant queries."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from portal.models import Kecamatan
from tests.factories import PerangkatDaerahFactory, ProfilPetugasFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_desa_listing_searches_by_name_and_filters_by_kecamatan(admin_client):
    babalan = Kecamatan.objects.get(nama="Babalan")
    response = admin_client.get(
        reverse("desa:index"), {"q": "Brandan", "kecamatan": babalan.pk}
    )
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Brandan Barat" in html
    assert "Pelawi Utara" not in html


def test_kecamatan_listing_shows_desa_counts(admin_client):
    response = admin_client.get(reverse("kecamatan:index"), {"q": "Babalan"})
    assert response.status_code == HTTPStatus.OK
    assert "Babalan" in response.content.decode()
    assert response.context["object_list"][0].jumlah_desa == 8


def test_wilayah_cannot_be_added_even_by_a_superuser(admin_client):
    response = admin_client.get(reverse("kecamatan:add"))
    assert response.status_code == HTTPStatus.FOUND


def test_offices_are_exported_as_csv(admin_client):
    response = admin_client.get(reverse("perangkatdaerah:index"), {"export": "csv"})
    assert response.status_code == HTTPStatus.OK
    content = b"".join(response.streaming_content).decode()
    assert "Dinas Komunikasi dan Informatika" in content


@pytest.mark.parametrize(
    ("url_name", "factory"),
    [
        ("perangkatdaerah:index", PerangkatDaerahFactory),
        ("profilpetugas:index", ProfilPetugasFactory),
    ],
)
def test_admin_listings_keep_a_constant_number_of_queries(
    admin_client, django_assert_max_num_queries, url_name, factory
):
    factory.create_batch(2)
    with django_assert_max_num_queries(60) as few:
        admin_client.get(reverse(url_name))
    factory.create_batch(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client.get(reverse(url_name))
