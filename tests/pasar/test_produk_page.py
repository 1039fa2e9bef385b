"""The product page: gallery renditions, price, WhatsApp enquiry link, schema.org data,
and the public rules (unverified UMKM answer 404; page-tree rules)."""

import json
import re
from http import HTTPStatus
from urllib.parse import parse_qs, urlparse

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from pasar.models import PasarIndexPage, ProdukPage
from pasar.templatetags.pasar_tags import json_ld
from tests.pasar.factories import ProdukPageFactory, UMKMFactory, product_with_photos

pytestmark = pytest.mark.django_db


@pytest.fixture
def umkm():
    return UMKMFactory(nama_usaha="Dapur Bu Siti", whatsapp="+6281234567890")


@pytest.fixture
def product(pasar_page, umkm):
    page = product_with_photos(
        pasar_page,
        photos=3,
        title="Rendang Daging",
        umkm=umkm,
        harga=90000,
        harga_maks=150000,
        deskripsi="Rendang <b>asli</b> & pedas </script>",
    )
    page.tags.add("pedas")
    page.save()
    return page


def schema_data(html):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_gallery_shows_every_photo_with_webp_sources(client, product):
    html = client.get(product.url).content.decode()
    assert html.count("<source ") == 3
    assert html.count('type="image/webp"') == 3
    assert ".format-webp.webp" in html
    assert ".format-jpeg.jpg" in html
    assert "Rendang Daging, foto 1 dari 3" in html


def test_price_unit_availability_category_and_tags_are_shown(client, product):
    html = client.get(product.url).content.decode()
    assert "Rp 90.000 - Rp 150.000" in html
    assert product.satuan in html
    assert "Tersedia" in html
    assert product.kategori.nama in html
    assert "pedas" in html


def test_whatsapp_link_has_normalised_number_and_prefilled_message(client, product):
    response = client.get(product.url)
    link = re.search(r'href="(https://wa\.me/[^"]+)"', response.content.decode())
    url = urlparse(link.group(1).replace("&amp;", "&"))
    assert url.path == "/6281234567890"
    message = parse_qs(url.query)["text"][0]
    assert message == (
        "Halo Dapur Bu Siti, saya tertarik dengan Rendang Daging "
        "(http://testserver/e-pasar/rendang-daging/) di e-pasar Portal Langkat."
    )


def test_json_ld_is_a_product_with_price_range_in_rupiah(client, product):
    data = schema_data(client.get(product.url).content.decode())
    assert data["@type"] == "Product"
    assert data["name"] == "Rendang Daging"
    assert data["description"] == product.deskripsi
    assert len(data["image"]) == 3
    assert all(url.startswith("http") for url in data["image"])
    assert data["brand"]["name"] == "Dapur Bu Siti"
    offer = data["offers"]
    assert offer["@type"] == "AggregateOffer"
    assert (offer["lowPrice"], offer["highPrice"]) == (90000, 150000)
    assert offer["priceCurrency"] == "IDR"
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["seller"]["name"] == "Dapur Bu Siti"


def test_json_ld_single_price_offer(client, pasar_page):
    page = ProdukPageFactory(parent=pasar_page, harga=15000, ketersediaan="habis")
    offer = schema_data(client.get(page.url).content.decode())["offers"]
    assert offer == offer | {
        "@type": "Offer",
        "price": 15000,
        "priceCurrency": "IDR",
        "availability": "https://schema.org/OutOfStock",
    }


def test_user_text_cannot_close_the_json_ld_script(client, product):
    html = client.get(product.url).content.decode()
    assert '</script>"' not in html
    assert "\\u003C/script\\u003E" in html
    assert "<b>asli</b>" not in html


def test_json_ld_tag_escapes_markup_characters():
    html = json_ld({"name": "</script><script>alert(1)</script> & co"})
    assert html.count("</script>") == 1
    assert json.loads(html.split(">", 1)[1].rsplit("<", 1)[0])["name"] == (
        "</script><script>alert(1)</script> & co"
    )


def test_open_graph_describes_the_product(client, product):
    html = client.get(product.url).content.decode()
    assert '<meta property="og:type" content="product">' in html
    assert 'property="og:image" content="http' in html
    assert '<meta property="product:price:currency" content="IDR">' in html


def test_product_of_unverified_umkm_is_404(client, pasar_page):
    page = ProdukPageFactory(parent=pasar_page, umkm=UMKMFactory(terverifikasi=False))
    assert client.get(page.url).status_code == HTTPStatus.NOT_FOUND


def test_draft_product_is_404(client, pasar_page):
    page = ProdukPageFactory(parent=pasar_page, live=False)
    assert client.get(f"/e-pasar/{page.slug}/").status_code == HTTPStatus.NOT_FOUND


def test_other_products_of_the_umkm_are_listed(client, pasar_page, product, umkm):
    ProdukPageFactory(parent=pasar_page, title="Keripik Balado", umkm=umkm)
    html = client.get(product.url).content.decode()
    assert "Produk lain dari Dapur Bu Siti" in html
    assert "Keripik Balado" in html


class TestPageTreeRules(WagtailPageTestCase):
    def test_products_live_only_under_the_market_index(self):
        self.assertAllowedParentPageTypes(ProdukPage, {PasarIndexPage})
        self.assertAllowedSubpageTypes(ProdukPage, set())

    def test_market_index_sits_under_home_and_holds_products(self):
        self.assertAllowedParentPageTypes(PasarIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PasarIndexPage, {ProdukPage})
