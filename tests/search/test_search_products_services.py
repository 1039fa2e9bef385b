"""/cari/ finds public e-pasar products and live kecamatan service standards, each as
their own kind of result; hidden products and draft services never appear."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from layanan.models import EKecamatanIndexPage
from tests.factories import StandardPageFactory
from tests.layanan.factories import StandarLayananFactory
from tests.pasar.factories import (
    PasarIndexPageFactory,
    ProdukPageFactory,
    UMKMFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pasar_page(home_page):
    return PasarIndexPageFactory(parent=home_page)


@pytest.fixture
def ekecamatan_page(home_page):
    page = EKecamatanIndexPage(title="e-kecamatan", slug="e-kecamatan")
    home_page.add_child(instance=page)
    return page


def result_titles(response):
    return [
        getattr(result, "title", None) or result.nama
        for result in response.context["search_results"]
    ]


def facet_counts(response):
    return {facet["key"]: facet["count"] for facet in response.context["facets"]}


def test_public_products_are_found_with_their_price(client, pasar_page):
    ProdukPageFactory(
        parent=pasar_page,
        title="Dodol Durian",
        deskripsi="Dodol durian khas Langkat.",
        harga=25000,
        satuan="per kotak",
    )
    response = client.get(reverse("search"), {"q": "durian"})
    assert response.status_code == HTTPStatus.OK
    assert result_titles(response) == ["Dodol Durian"]
    assert facet_counts(response)["produk"] == 1
    html = response.content.decode()
    assert "Rp 25.000 per kotak" in html
    assert 'href="/e-pasar/dodol-durian/"' in html


def test_products_of_unverified_umkm_are_never_found(client, pasar_page):
    ProdukPageFactory(
        parent=pasar_page,
        title="Dodol Tersembunyi",
        umkm=UMKMFactory(terverifikasi=False),
    )
    for jenis in ("", "produk", "halaman"):
        response = client.get(reverse("search"), {"q": "dodol", "jenis": jenis})
        assert result_titles(response) == []
    assert facet_counts(response).get("produk", 0) == 0


def test_products_group_narrows_to_products(client, pasar_page, home_page):
    ProdukPageFactory(parent=pasar_page, title="Kopi Bubuk Bahorok")
    StandardPageFactory(parent=home_page, title="Sejarah Kopi Langkat")
    response = client.get(reverse("search"), {"q": "kopi", "jenis": "produk"})
    assert result_titles(response) == ["Kopi Bubuk Bahorok"]
    assert facet_counts(response)["halaman"] == 1


def test_live_services_are_a_group_linking_to_their_kecamatan_page(
    client, ekecamatan_page
):
    StandarLayananFactory(nama="Surat Keterangan Tidak Mampu", slug="sktm")
    StandarLayananFactory(
        nama="Surat Keterangan Usaha Draf", slug="sku-draf", live=False
    )
    response = client.get(reverse("search"), {"q": "keterangan", "jenis": "layanan"})
    assert response.status_code == HTTPStatus.OK
    assert result_titles(response) == ["Surat Keterangan Tidak Mampu"]
    assert facet_counts(response)["layanan"] == 1
    html = response.content.decode()
    assert 'href="/e-kecamatan/layanan/sktm/"' in html
    assert "Surat Keterangan Usaha Draf" not in html


def test_all_results_list_matching_services_above_the_pages(
    client, ekecamatan_page, home_page
):
    StandardPageFactory(parent=home_page, title="Syarat domisili penduduk")
    StandarLayananFactory(nama="Surat Pindah Domisili", slug="pindah")
    response = client.get(reverse("search"), {"q": "domisili"})
    html = response.content.decode()
    assert result_titles(response) == [
        "Surat Pindah Domisili",
        "Syarat domisili penduduk",
    ]
    assert 'href="/e-kecamatan/layanan/pindah/"' in html


def test_kinds_without_results_are_not_offered(client, pasar_page, ekecamatan_page):
    ProdukPageFactory(parent=pasar_page, title="Kopi Bubuk Bahorok")
    response = client.get(reverse("search"), {"q": "kopi"})
    assert facet_counts(response) == {"produk": 1}


def test_without_an_ekecamatan_page_services_are_not_offered(client, home_page):
    StandarLayananFactory(nama="Surat Keterangan Domisili", slug="skd")
    response = client.get(reverse("search"), {"q": "domisili", "jenis": "layanan"})
    assert response.status_code == HTTPStatus.OK
    assert "layanan" not in facet_counts(response)
    assert response.context["chosen_type"] == ""
