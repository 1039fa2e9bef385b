"""The public catalogue lists exactly the live products of verified UMKM, filtered,
sorted and paginated, and never fails on bad filter values."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.utils import timezone

from pasar.catalogue import PRODUCTS_PER_PAGE
from portal.models import Kecamatan
from tests.pasar.factories import (
    KategoriProdukFactory,
    ProdukPageFactory,
    UMKMFactory,
    product_with_photos,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return [product.title for product in response.context["products"]]


@pytest.fixture
def kuliner():
    return KategoriProdukFactory(nama="Kuliner", slug="kuliner")


@pytest.fixture
def kerajinan():
    return KategoriProdukFactory(nama="Kerajinan", slug="kerajinan")


@pytest.fixture
def stabat_umkm():
    return UMKMFactory(
        nama_usaha="Tenun Stabat", kecamatan=Kecamatan.objects.get(slug="stabat")
    )


@pytest.fixture
def products(pasar_page, kuliner, kerajinan, stabat_umkm):
    """Three products with known prices, places and publication dates."""
    now = timezone.now()
    babalan_umkm = UMKMFactory(nama_usaha="Dapur Babalan")
    keripik = ProdukPageFactory(
        parent=pasar_page,
        title="Keripik Pisang",
        kategori=kuliner,
        umkm=babalan_umkm,
        harga=15000,
        deskripsi="Keripik pisang kepok renyah.",
        first_published_at=now - datetime.timedelta(days=3),
    )
    rendang = ProdukPageFactory(
        parent=pasar_page,
        title="Rendang Daging",
        kategori=kuliner,
        umkm=stabat_umkm,
        harga=90000,
        harga_maks=150000,
        deskripsi="Rendang daging sapi bumbu Melayu.",
        first_published_at=now - datetime.timedelta(days=1),
    )
    songket = ProdukPageFactory(
        parent=pasar_page,
        title="Songket Langkat",
        kategori=kerajinan,
        umkm=stabat_umkm,
        harga=750000,
        deskripsi="Kain songket tenun tangan motif pucuk rebung.",
        first_published_at=now - datetime.timedelta(days=2),
    )
    return keripik, rendang, songket


def test_catalogue_lists_live_products_newest_first(client, products):
    response = client.get("/e-pasar/")
    assert response.status_code == HTTPStatus.OK
    assert titles(response) == ["Rendang Daging", "Songket Langkat", "Keripik Pisang"]


def test_products_of_unverified_umkm_and_drafts_are_hidden(
    client, pasar_page, products
):
    hidden_owner = UMKMFactory(terverifikasi=False)
    ProdukPageFactory(parent=pasar_page, title="Belum Diverifikasi", umkm=hidden_owner)
    ProdukPageFactory(parent=pasar_page, title="Masih Draf", live=False)
    response = client.get("/e-pasar/")
    assert "Belum Diverifikasi" not in titles(response)
    assert "Masih Draf" not in titles(response)
    assert len(titles(response)) == 3
    assert b"Belum Diverifikasi" not in response.content


def test_filter_by_category(client, products):
    response = client.get("/e-pasar/", {"kategori": "kerajinan"})
    assert titles(response) == ["Songket Langkat"]


def test_filter_by_kecamatan(client, products):
    response = client.get("/e-pasar/", {"kecamatan": "stabat"})
    assert titles(response) == ["Rendang Daging", "Songket Langkat"]


def test_price_range_matches_products_reaching_into_it(client, products):
    # Rendang costs 90.000-150.000: it reaches into 100.000-200.000.
    response = client.get("/e-pasar/", {"harga_min": 100000, "harga_maks": 200000})
    assert titles(response) == ["Rendang Daging"]
    response = client.get("/e-pasar/", {"harga_maks": 20000})
    assert titles(response) == ["Keripik Pisang"]
    response = client.get("/e-pasar/", {"harga_min": 160000})
    assert titles(response) == ["Songket Langkat"]


def test_text_search_finds_words_in_description_and_umkm_name(client, products):
    assert titles(client.get("/e-pasar/", {"q": "rebung"})) == ["Songket Langkat"]
    assert titles(client.get("/e-pasar/", {"q": "Babalan"})) == ["Keripik Pisang"]


def test_combined_filters_narrow_together(client, products):
    response = client.get(
        "/e-pasar/",
        {"kategori": "kuliner", "kecamatan": "stabat", "harga_min": 50000},
    )
    assert titles(response) == ["Rendang Daging"]
    response = client.get("/e-pasar/", {"kategori": "kuliner", "q": "songket"})
    assert titles(response) == []
    assert "Tidak ada produk yang cocok" in response.content.decode()


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("termurah", ["Keripik Pisang", "Rendang Daging", "Songket Langkat"]),
        ("termahal", ["Songket Langkat", "Rendang Daging", "Keripik Pisang"]),
        ("nama", ["Keripik Pisang", "Rendang Daging", "Songket Langkat"]),
        ("terbaru", ["Rendang Daging", "Songket Langkat", "Keripik Pisang"]),
    ],
)
def test_sort_orders(client, products, sort, expected):
    assert titles(client.get("/e-pasar/", {"urutkan": sort})) == expected


def test_termahal_sorts_ranges_by_their_top_price(client, pasar_page, kuliner):
    ProdukPageFactory(parent=pasar_page, title="Paket Kecil", harga=50000)
    ProdukPageFactory(
        parent=pasar_page, title="Paket Rentang", harga=10000, harga_maks=80000
    )
    response = client.get("/e-pasar/", {"urutkan": "termahal"})
    assert titles(response) == ["Paket Rentang", "Paket Kecil"]


def test_category_route_lists_only_that_category(client, products):
    response = client.get("/e-pasar/kategori/kuliner/")
    assert response.status_code == HTTPStatus.OK
    assert titles(response) == ["Rendang Daging", "Keripik Pisang"]
    assert (
        '<link rel="canonical" href="http://testserver/e-pasar/kategori/kuliner/">'
        in (response.content.decode())
    )
    assert b'name="robots" content="noindex"' not in response.content


def test_unknown_category_route_is_404(client, products):
    response = client.get("/e-pasar/kategori/tidak-ada/")
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_filtered_listing_is_noindex_and_plain_listing_is_not(client, products):
    assert b"noindex" not in client.get("/e-pasar/").content
    assert b'name="robots" content="noindex"' in (
        client.get("/e-pasar/", {"kecamatan": "stabat"}).content
    )


@pytest.mark.parametrize(
    "params",
    [
        {"harga_min": "murah"},
        {"harga_min": "-5"},
        {"harga_maks": "99999999999999999999"},
        {"kategori": "tidak-ada"},
        {"kecamatan": "<script>"},
        {"urutkan": "acak"},
        {"page": "x"},
        {"q": "a" * 500},
    ],
)
def test_invalid_filters_are_reported_not_500(client, products, params):
    response = client.get("/e-pasar/", params)
    assert response.status_code == HTTPStatus.OK
    if set(params) != {"page"}:
        assert 'class="error-summary"' in response.content.decode()
    # Invalid values are ignored: the whole catalogue is still listed.
    assert len(titles(response)) == 3


def test_top_price_below_the_lowest_is_refused_and_no_price_filters(client, products):
    response = client.get("/e-pasar/", {"harga_min": "90000", "harga_maks": "1000"})
    assert "tidak boleh lebih kecil dari harga terendah" in response.content.decode()
    assert sorted(titles(response)) == [
        "Keripik Pisang",
        "Rendang Daging",
        "Songket Langkat",
    ]


@pytest.mark.parametrize("typed", ["12500", "12.500", "Rp 12.500", " 12500 "])
def test_price_filter_accepts_any_whole_number_as_people_type_it(
    client, products, typed
):
    response = client.get("/e-pasar/", {"harga_min": typed})
    assert response.context["form"].errors == {}
    assert sorted(titles(response)) == [
        "Keripik Pisang",
        "Rendang Daging",
        "Songket Langkat",
    ]
    response = client.get("/e-pasar/", {"harga_maks": typed})
    assert titles(response) == []


def test_price_boxes_bring_up_the_number_pad_without_a_step(client, products):
    html = client.get("/e-pasar/").content.decode()
    for name in ("harga_min", "harga_maks"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group()
        assert 'type="text"' in tag
        assert 'inputmode="numeric"' in tag
        assert "step=" not in tag


def test_valid_filters_still_apply_beside_an_invalid_one(client, products):
    response = client.get("/e-pasar/", {"kecamatan": "stabat", "harga_min": "murah"})
    assert titles(response) == ["Rendang Daging", "Songket Langkat"]
    assert "Harga terendah (Rp)" in response.content.decode()


def test_pagination_splits_the_catalogue(client, pasar_page):
    umkm = UMKMFactory()
    kategori = KategoriProdukFactory()
    ProdukPageFactory.create_batch(
        PRODUCTS_PER_PAGE + 2, parent=pasar_page, umkm=umkm, kategori=kategori
    )
    first = client.get("/e-pasar/")
    second = client.get("/e-pasar/", {"page": 2})
    assert len(titles(first)) == PRODUCTS_PER_PAGE
    assert len(titles(second)) == 2
    assert not set(titles(first)) & set(titles(second))


def test_card_shows_image_price_umkm_and_kecamatan(client, pasar_page, stabat_umkm):
    product_with_photos(
        pasar_page,
        photos=2,
        title="Songket Merah",
        umkm=stabat_umkm,
        harga=15000,
        harga_maks=25000,
    )
    html = client.get("/e-pasar/").content.decode()
    assert "fill-400x300.format-webp.webp" in html
    assert "Rp 15.000 - Rp 25.000" in html
    assert "Tenun Stabat" in html
    assert "Kec. Stabat" in html


def test_catalogue_keeps_a_constant_number_of_queries(
    client, pasar_page, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_ENABLED = False  # rendering is measured, not the page cache
    kategori = KategoriProdukFactory()
    owners = UMKMFactory.create_batch(3)

    def add(count):
        for number in range(count):
            product_with_photos(
                pasar_page, photos=1, umkm=owners[number % 3], kategori=kategori
            )

    add(10)
    client.get("/e-pasar/")  # renditions are made on first view
    with django_assert_max_num_queries(40) as few:
        response = client.get("/e-pasar/", {"urutkan": "termurah", "q": "keripik"})
    few_queries = len(few)
    assert len(titles(response)) == 10
    add(290)
    client.get("/e-pasar/", {"urutkan": "termurah", "q": "keripik"})
    with django_assert_max_num_queries(few_queries):
        response = client.get("/e-pasar/", {"urutkan": "termurah", "q": "keripik"})
    assert len(titles(response)) == PRODUCTS_PER_PAGE
