"""The e-pasar service API and the content API v2 serve public products and UMKM only,
with validated filters, constant queries and no owner account data."""

from http import HTTPStatus

import pytest

from portal.models import Kecamatan
from tests.pasar.factories import (
    KategoriProdukFactory,
    OwnerFactory,
    ProdukPageFactory,
    UMKMFactory,
    product_with_photos,
)

pytestmark = pytest.mark.django_db

API = "/api/portal/v1/pasar"


@pytest.fixture
def kuliner():
    return KategoriProdukFactory(nama="Kuliner", slug="kuliner")


@pytest.fixture
def owner():
    return OwnerFactory(username="pemilik.rahasia@example.com", first_name="Siti")


@pytest.fixture
def umkm(owner):
    return UMKMFactory(
        pemilik=owner,
        nama_usaha="Dapur Bu Siti",
        slug="dapur-bu-siti",
        nib="1234567890123",
        kecamatan=Kecamatan.objects.get(slug="stabat"),
    )


@pytest.fixture
def rendang(pasar_page, umkm, kuliner):
    product = product_with_photos(
        pasar_page,
        photos=2,
        title="Rendang Daging",
        umkm=umkm,
        kategori=kuliner,
        harga=90000,
        harga_maks=150000,
    )
    product.tags.add("pedas")
    product.save()
    return product


def names(response):
    return [item["judul"] for item in response.json()["items"]]


def test_product_list_gives_public_fields(client, rendang):
    response = client.get(f"{API}/produk")
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["judul"] == "Rendang Daging"
    assert item["harga"] == 90000
    assert item["harga_maks"] == 150000
    assert item["kategori"] == {"slug": "kuliner", "nama": "Kuliner"}
    assert item["umkm"]["slug"] == "dapur-bu-siti"
    assert item["kecamatan"]["slug"] == "stabat"
    assert item["tags"] == ["pedas"]
    assert len(item["gambar"]) == 2
    assert item["gambar"][0]["thumbnail"].endswith(".webp")
    assert item["url"] == "http://testserver/e-pasar/rendang-daging/"


def test_product_list_hides_unverified_umkm_and_drafts(client, pasar_page, rendang):
    ProdukPageFactory(
        parent=pasar_page, title="Tersembunyi", umkm=UMKMFactory(terverifikasi=False)
    )
    ProdukPageFactory(parent=pasar_page, title="Draf", live=False)
    assert names(client.get(f"{API}/produk")) == ["Rendang Daging"]


def test_product_list_filters(client, pasar_page, rendang, kuliner):
    ProdukPageFactory(parent=pasar_page, title="Keripik", harga=15000)
    assert names(client.get(f"{API}/produk", {"kategori": "kuliner"})) == [
        "Rendang Daging"
    ]
    assert names(client.get(f"{API}/produk", {"kecamatan": "babalan"})) == ["Keripik"]
    assert names(client.get(f"{API}/produk", {"harga_maks": "20000"})) == ["Keripik"]
    assert names(client.get(f"{API}/produk", {"harga_min": "100000"})) == [
        "Rendang Daging"
    ]
    assert names(client.get(f"{API}/produk", {"umkm": "dapur-bu-siti"})) == [
        "Rendang Daging"
    ]
    assert names(client.get(f"{API}/produk", {"q": "rendang"})) == ["Rendang Daging"]
    assert names(client.get(f"{API}/produk", {"urutkan": "termurah"})) == [
        "Keripik",
        "Rendang Daging",
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kategori": "tidak-ada"}, "kategori"),
        ({"kecamatan": "atlantis"}, "kecamatan"),
        ({"harga_min": "murah"}, "harga_min"),
        ({"harga_min": "-1"}, "harga_min"),
        ({"harga_min": "9000", "harga_maks": "10"}, "harga_maks"),
        ({"urutkan": "acak"}, "urutkan"),
        ({"umkm": "belum-terverifikasi"}, "umkm"),
    ],
)
def test_invalid_filters_are_400_with_field_errors(client, rendang, params, field):
    UMKMFactory(slug="belum-terverifikasi", terverifikasi=False)
    response = client.get(f"{API}/produk", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in [error["field"] for error in response.json()["errors"]]


def test_product_detail_and_404s(client, pasar_page, rendang):
    response = client.get(f"{API}/produk/{rendang.pk}")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["satuan"] == rendang.satuan
    hidden = ProdukPageFactory(parent=pasar_page, umkm=UMKMFactory(terverifikasi=False))
    assert client.get(f"{API}/produk/{hidden.pk}").status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"{API}/produk/999999").status_code == HTTPStatus.NOT_FOUND


def test_umkm_endpoints_list_verified_only_without_owner_account(
    client, pasar_page, rendang, owner
):
    UMKMFactory(nama_usaha="Belum Diperiksa", slug="belum", terverifikasi=False)
    response = client.get(f"{API}/umkm")
    assert response.status_code == HTTPStatus.OK
    items = response.json()["items"]
    assert [item["slug"] for item in items] == ["dapur-bu-siti"]
    assert items[0]["whatsapp_url"].startswith("https://wa.me/6281234567890?text=")
    assert items[0]["nib"] == "1234567890123"
    assert items[0]["url"] == "http://testserver/e-pasar/umkm/dapur-bu-siti/"
    detail = client.get(f"{API}/umkm/dapur-bu-siti")
    assert detail.status_code == HTTPStatus.OK
    assert client.get(f"{API}/umkm/belum").status_code == HTTPStatus.NOT_FOUND
    for body in (response.content, detail.content):
        assert owner.email.encode() not in body
        assert b"pemilik" not in body
        assert b"Jl. Pelabuhan" not in body


def test_categories_endpoint(client, kuliner):
    KategoriProdukFactory(nama="Fesyen", slug="fesyen", urutan=1)
    response = client.get(f"{API}/kategori")
    assert [item["slug"] for item in response.json()] == ["fesyen", "kuliner"]


def test_product_list_keeps_a_constant_number_of_queries(
    client, pasar_page, umkm, kuliner, django_assert_max_num_queries
):
    for _number in range(10):
        product_with_photos(pasar_page, photos=2, umkm=umkm, kategori=kuliner)
    client.get(f"{API}/produk")  # renditions are made on first view
    with django_assert_max_num_queries(30) as few:
        response = client.get(f"{API}/produk")
    few_queries = len(few)
    assert response.json()["count"] == 10
    for _number in range(40):
        product_with_photos(pasar_page, photos=2, umkm=umkm, kategori=kuliner)
    client.get(f"{API}/produk", {"limit": 50})
    with django_assert_max_num_queries(few_queries):
        response = client.get(f"{API}/produk", {"limit": 50})
    assert len(response.json()["items"]) == 50


# Content API v2 --------------------------------------------------------------


def test_content_api_exposes_product_fields(client, rendang, owner):
    response = client.get(f"/api/v2/pages/{rendang.pk}/")
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["harga"] == 90000
    assert body["harga_maks"] == 150000
    assert body["satuan"] == rendang.satuan
    assert body["ketersediaan"] == "tersedia"
    assert body["kategori"]["slug"] == "kuliner"
    assert body["umkm"]["slug"] == "dapur-bu-siti"
    assert body["umkm"]["kecamatan"]["slug"] == "stabat"
    assert body["tags"] == ["pedas"]
    assert len(body["gambar"]) == 2
    assert body["gambar"][0]["thumbnail"]["url"].endswith(".webp")
    assert owner.email not in response.content.decode()
    assert "pemilik" not in body["umkm"]


def test_content_api_filters_products_by_category_and_price(
    client, pasar_page, rendang, kuliner
):
    ProdukPageFactory(parent=pasar_page, title="Keripik", harga=15000)
    response = client.get(
        "/api/v2/pages/", {"type": "pasar.ProdukPage", "kategori": kuliner.pk}
    )
    assert [item["title"] for item in response.json()["items"]] == ["Rendang Daging"]
    response = client.get(
        "/api/v2/pages/", {"type": "pasar.ProdukPage", "harga": 15000}
    )
    assert [item["title"] for item in response.json()["items"]] == ["Keripik"]
    response = client.get(
        "/api/v2/pages/", {"type": "pasar.ProdukPage", "tags": "pedas"}
    )
    assert [item["title"] for item in response.json()["items"]] == ["Rendang Daging"]


def test_content_api_and_sitemap_leave_out_products_of_unverified_umkm(
    client, pasar_page, rendang
):
    hidden = ProdukPageFactory(
        parent=pasar_page, title="Dodol Belum Terverifikasi", umkm__terverifikasi=False
    )

    listing = client.get("/api/v2/pages/", {"type": "pasar.ProdukPage"}).json()
    detail = client.get(f"/api/v2/pages/{hidden.pk}/")
    sitemap = client.get("/sitemap.xml").content.decode()

    assert [item["title"] for item in listing["items"]] == ["Rendang Daging"]
    assert detail.status_code == HTTPStatus.NOT_FOUND
    assert hidden.slug not in sitemap
    assert rendang.slug in sitemap
