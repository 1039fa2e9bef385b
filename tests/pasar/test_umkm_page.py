"""The public UMKM profile: verified UMKM only, with contact and live products."""

from http import HTTPStatus

import pytest

from portal.models import Kecamatan
from tests.pasar.factories import ProdukPageFactory, UMKMFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def umkm():
    return UMKMFactory(
        nama_usaha="Tenun Stabat",
        slug="tenun-stabat",
        kecamatan=Kecamatan.objects.get(slug="stabat"),
        deskripsi="Tenun songket Melayu Langkat sejak 1998.",
        whatsapp="+6281311112222",
    )


def test_profile_shows_description_kecamatan_whatsapp_and_live_products(
    client, pasar_page, umkm
):
    ProdukPageFactory(parent=pasar_page, title="Songket Merah", umkm=umkm)
    ProdukPageFactory(parent=pasar_page, title="Songket Draf", umkm=umkm, live=False)
    ProdukPageFactory(parent=pasar_page, title="Produk Usaha Lain")
    response = client.get("/e-pasar/umkm/tenun-stabat/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Tenun Stabat" in html
    assert "Tenun songket Melayu Langkat sejak 1998." in html
    assert "Kecamatan Stabat" in html
    assert 'href="https://wa.me/6281311112222?text=' in html
    assert [product.title for product in response.context["products"]] == [
        "Songket Merah"
    ]
    assert "Songket Draf" not in html
    assert "Produk Usaha Lain" not in html


def test_profile_never_shows_the_owner_account_or_street_address(
    client, pasar_page, umkm
):
    html = client.get("/e-pasar/umkm/tenun-stabat/").content.decode()
    assert umkm.pemilik.email not in html
    assert umkm.alamat not in html


def test_unverified_umkm_profile_is_404(client, pasar_page):
    UMKMFactory(slug="belum-diperiksa", terverifikasi=False)
    response = client.get("/e-pasar/umkm/belum-diperiksa/")
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_unknown_umkm_is_404(client, pasar_page):
    assert client.get("/e-pasar/umkm/tidak-ada/").status_code == HTTPStatus.NOT_FOUND


def test_product_page_links_to_the_profile(client, pasar_page, umkm):
    product = ProdukPageFactory(parent=pasar_page, umkm=umkm)
    html = client.get(product.url).content.decode()
    assert 'href="/e-pasar/umkm/tenun-stabat/"' in html
