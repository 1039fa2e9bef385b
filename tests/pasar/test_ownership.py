"""Owners act only on their own products: every URL answers 404 for another's."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from pasar import services
from tests.pasar.factories import UMKMFactory

API = "/api/portal/v1/pasar/saya"


@pytest.fixture
def other_product(owner_umkm, make_product):
    """A draft product of another UMKM, and the client's owner (``owner_umkm``)."""
    return make_product(UMKMFactory())


@pytest.fixture
def intruder(client, owner_umkm):
    client.force_login(owner_umkm.pemilik)
    return client


def _unchanged(product):
    assert services.latest_product(product).harga == 15000
    assert services.product_state(product).code == services.DRAFT


@pytest.mark.django_db
def test_edit_page_of_another_owners_product_is_not_found(intruder, other_product):
    url = reverse("pasar:product_edit", args=[other_product.pk])
    assert intruder.get(url).status_code == HTTPStatus.NOT_FOUND
    response = intruder.post(url, {"title": "Punya saya", "harga": "1"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    _unchanged(other_product)


@pytest.mark.django_db
def test_submitting_another_owners_product_is_not_found(intruder, other_product):
    url = reverse("pasar:product_submit", args=[other_product.pk])
    assert intruder.post(url).status_code == HTTPStatus.NOT_FOUND
    _unchanged(other_product)


@pytest.mark.django_db
def test_api_read_of_another_owners_product_is_not_found(intruder, other_product):
    response = intruder.get(f"{API}/produk/{other_product.pk}")
    assert response.status_code == HTTPStatus.NOT_FOUND
    listing = intruder.get(f"{API}/produk").json()
    assert other_product.pk not in [item["id"] for item in listing]


@pytest.mark.django_db
def test_api_update_of_another_owners_product_is_not_found(intruder, other_product):
    for method in (intruder.post, intruder.put):
        response = method(
            f"{API}/produk/{other_product.pk}",
            {"title": "Punya saya", "harga": "1"},
        )
        assert response.status_code == HTTPStatus.NOT_FOUND
    _unchanged(other_product)


@pytest.mark.django_db
def test_api_submit_of_another_owners_product_is_not_found(intruder, other_product):
    response = intruder.post(f"{API}/produk/{other_product.pk}/kirim")
    assert response.status_code == HTTPStatus.NOT_FOUND
    _unchanged(other_product)


@pytest.mark.django_db
def test_services_refuse_another_owners_product(owner_umkm, other_product, kategori):
    from django.core.exceptions import ValidationError

    from tests.pasar.conftest import product_data

    with pytest.raises(ValidationError):
        services.update_product(
            other_product, product_data(kategori, harga=1), [], owner_umkm.pemilik
        )
    with pytest.raises(ValidationError):
        services.submit_product(other_product, owner_umkm.pemilik)
    _unchanged(other_product)
