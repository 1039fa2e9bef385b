"""The home page's "Produk unggulan" block: featured public products, else the newest."""

import datetime

import pytest
from django.utils import timezone

from tests.pasar.factories import (
    KategoriProdukFactory,
    ProdukPageFactory,
    UMKMFactory,
    product_with_photos,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_with_products_block(home_page):
    home_page.body.append(
        ("featured_products", {"heading": "Produk unggulan UMKM", "count": 2})
    )
    home_page.save()
    return home_page


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_featured_products_are_shown(client, home_with_products_block, pasar_page):
    ProdukPageFactory(parent=pasar_page, title="Songket Unggulan", unggulan=True)
    ProdukPageFactory(parent=pasar_page, title="Keripik Biasa")
    html = client.get("/").content.decode()
    assert "Produk unggulan UMKM" in html
    assert "Songket Unggulan" in html
    assert "Keripik Biasa" not in html
    assert 'href="/e-pasar/"' in html


def test_without_featured_products_the_newest_are_shown(
    client, home_with_products_block, pasar_page
):
    ProdukPageFactory(parent=pasar_page, title="Lama", first_published_at=days_ago(9))
    ProdukPageFactory(parent=pasar_page, title="Baru", first_published_at=days_ago(1))
    ProdukPageFactory(parent=pasar_page, title="Sedang", first_published_at=days_ago(5))
    html = client.get("/").content.decode()
    assert "Baru" in html
    assert "Sedang" in html
    assert "Lama" not in html


def test_hidden_products_never_appear(client, home_with_products_block, pasar_page):
    ProdukPageFactory(
        parent=pasar_page,
        title="Usaha Belum Diverifikasi",
        unggulan=True,
        umkm=UMKMFactory(terverifikasi=False),
    )
    ProdukPageFactory(
        parent=pasar_page, title="Draf Unggulan", unggulan=True, live=False
    )
    html = client.get("/").content.decode()
    assert "Usaha Belum Diverifikasi" not in html
    assert "Draf Unggulan" not in html
    assert "Produk unggulan UMKM" not in html


def test_the_block_keeps_a_constant_number_of_queries(
    client, home_with_products_block, pasar_page, django_assert_max_num_queries
):
    kategori = KategoriProdukFactory()

    def add(count):
        for _number in range(count):
            product_with_photos(pasar_page, photos=2, unggulan=True, kategori=kategori)

    add(2)
    client.get("/")
    with django_assert_max_num_queries(60) as few:
        client.get("/")
    few_queries = len(few)
    add(30)
    client.get("/")
    with django_assert_max_num_queries(few_queries):
        client.get("/")
