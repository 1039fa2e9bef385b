"""The public e-pasar catalogue: which products and UMKM the public sees, and how.

Everything public about e-pasar goes through these functions: the catalogue pages,
the service API, the home page block and the site search. Which products the public
sees is ``ProdukPage.objects.visible_to_public()`` (live, public, UMKM verified); an
UMKM profile is public once verified.
"""

import re
from urllib.parse import quote

from django import forms
from django.db.models import F, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from pasar.choices import Ketersediaan
from pasar.models import MAX_PRICE, UMKM, GambarProduk, KategoriProduk, ProdukPage
from portal.base_url import absolute_url, page_url
from portal.forms import OptionsSelect
from portal.models import Kecamatan
from portal.search_query import MAX_QUERY_LENGTH, safe_search_query

#: The rendition every product card shows (catalogue, UMKM page, home block).
PRODUCT_CARD_RENDITION = "fill-400x300|format-webp"
#: The logo rendition on UMKM profiles and in the API.
UMKM_LOGO_RENDITION = "fill-160x160|format-webp"
#: The photo size given to search engines in the product's schema.org data.
JSON_LD_IMAGE_RENDITION = "max-1200x1200"
#: Products per catalogue page.
PRODUCTS_PER_PAGE = 24


#: Newest first; pages never published (imported, created in code) go last on every
#: database.
NEWEST_FIRST = F("first_published_at").desc(nulls_last=True)


class Sort:
    """The orders readers can choose; the key is the value of ``urutkan``."""

    TERBARU = "terbaru"
    TERMURAH = "termurah"
    TERMAHAL = "termahal"
    NAMA = "nama"

    CHOICES = [
        (TERBARU, _("Terbaru")),
        (TERMURAH, _("Harga termurah")),
        (TERMAHAL, _("Harga termahal")),
        (NAMA, _("Nama A-Z")),
    ]
    ORDER_BY = {
        TERBARU: (NEWEST_FIRST, "-pk"),
        TERMURAH: ("harga", "pk"),
        TERMAHAL: ("-harga_tertinggi", "-pk"),
        NAMA: ("title", "pk"),
    }


def exclude_hidden_products(pages):
    """``pages``, a queryset of pages of any type, without the product pages outside
    ``ProdukPage.objects.visible_to_public()``; a subquery, so still one query (for
    queries that start from ``Page``: site search, content API)."""
    hidden = ProdukPage.objects.exclude(
        pk__in=ProdukPage.objects.visible_to_public().values("pk")
    )
    return pages.exclude(pk__in=hidden.values("pk"))


def with_card_data(products, *rendition_specs):
    """``products`` with what a card shows loaded in a constant number of queries:
    UMKM, category and kecamatan joined; photos (``card_photos``, in order) with
    their images and the renditions named in ``rendition_specs`` (default: the
    card rendition) prefetched."""
    specs = rendition_specs or (PRODUCT_CARD_RENDITION,)
    photos = GambarProduk.objects.select_related("image").order_by("sort_order", "pk")
    # Where Wagtail's prefetch_renditions() puts them, so {% image %} finds them.
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    )
    # A list per product (``card_photos``): a related manager per product would
    # copy the photos' query for each of them, the larger part of a page's time.
    return products.select_related("umkm", "kategori", "kecamatan").prefetch_related(
        Prefetch("gambar", queryset=photos, to_attr="card_photos"),
        Prefetch(
            "card_photos__image__renditions",
            queryset=renditions,
            to_attr="prefetched_renditions",
        ),
    )


def with_price_ceiling(products):
    """``products`` annotated with ``harga_tertinggi``: the top of the price range."""
    return products.annotate(harga_tertinggi=Coalesce("harga_maks", "harga"))


def search_product_ids(query):
    """IDs of live products matching ``query`` in Wagtail search (title, description,
    tags, UMKM name); none when the text holds no word to search for."""
    search_query = safe_search_query(query)
    if search_query is None:
        return []
    results = ProdukPage.objects.live().search(search_query, order_by_relevance=False)
    return [product.pk for product in results]


def catalogue_queryset(filters=None, renditions=()):
    """The public products matching ``filters``, sorted, with card data loaded.

    ``filters`` is a dict with any of: ``kategori`` (KategoriProduk), ``kecamatan``
    (Kecamatan), ``umkm`` (UMKM), ``harga_min`` and ``harga_maks`` (whole Rupiah; a
    product matches when its price, or price range, reaches into the range asked
    for), ``q`` (text, through Wagtail search) and ``urutkan`` (a :class:`Sort` key;
    newest first by default).
    """
    filters = filters or {}
    conditions = Q()
    if filters.get("kategori"):
        conditions &= Q(kategori=filters["kategori"])
    if filters.get("kecamatan"):
        conditions &= Q(kecamatan=filters["kecamatan"])
    if filters.get("umkm"):
        conditions &= Q(umkm=filters["umkm"])
    if filters.get("harga_min") is not None:
        conditions &= Q(harga_tertinggi__gte=filters["harga_min"])
    if filters.get("harga_maks") is not None:
        conditions &= Q(harga__lte=filters["harga_maks"])
    products = with_price_ceiling(ProdukPage.objects.visible_to_public()).filter(
        conditions
    )
    if filters.get("q"):
        products = products.filter(pk__in=search_product_ids(filters["q"]))
    sort = filters.get("urutkan") or Sort.TERBARU
    return with_card_data(products.order_by(*Sort.ORDER_BY[sort]), *renditions)


def featured_products(limit):
    """Up to ``limit`` featured (``unggulan``) public products, newest first; the
    newest public products when none is featured."""
    newest = ProdukPage.objects.visible_to_public().order_by(NEWEST_FIRST, "-pk")
    featured = list(with_card_data(newest.filter(unggulan=True))[:limit])
    if featured:
        return featured
    return list(with_card_data(newest)[:limit])


def public_umkm():
    """Verified UMKM, with kecamatan, desa and logo joined."""
    return UMKM.objects.verified().select_related("kecamatan", "desa", "logo")


def categories():
    """Every product category, in the editors' order."""
    return KategoriProduk.objects.all()


def whatsapp_url(number, text=""):
    """A ``https://wa.me/`` link to ``number`` (stored as ``+62…``), with ``text``
    prefilled in the chat when given."""
    digits = "".join(character for character in str(number) if character.isdigit())
    url = f"https://wa.me/{digits}"
    if text:
        url += "?text=" + quote(str(text), safe="")
    return url


def product_whatsapp_url(product, product_url):
    """The WhatsApp link of ``product``'s UMKM with a prefilled enquiry about it."""
    message = gettext(
        "Halo %(umkm)s, saya tertarik dengan %(produk)s (%(url)s) di e-pasar "
        "Portal Langkat."
    ) % {"umkm": product.umkm.nama_usaha, "produk": product.title, "url": product_url}
    return whatsapp_url(product.umkm.whatsapp, message)


def umkm_whatsapp_url(umkm):
    """The WhatsApp link of ``umkm`` with a prefilled greeting."""
    message = gettext(
        "Halo %(umkm)s, saya melihat profil usaha Anda di e-pasar Portal Langkat."
    ) % {"umkm": umkm.nama_usaha}
    return whatsapp_url(umkm.whatsapp, message)


SCHEMA_AVAILABILITY = {
    Ketersediaan.TERSEDIA: "https://schema.org/InStock",
    Ketersediaan.PESAN_DULU: "https://schema.org/PreOrder",
    Ketersediaan.HABIS: "https://schema.org/OutOfStock",
}


def umkm_url(umkm, market_page):
    """The full address of ``umkm``'s public profile under ``market_page``."""
    return page_url(market_page) + market_page.reverse_subpage(
        "umkm_detail", args=[umkm.slug]
    )


def product_json_ld(product, photos, product_url, market_page=None):
    """schema.org ``Product`` data of ``product`` (a dict, for the json_ld tag):
    an ``Offer`` with its price, or an ``AggregateOffer`` for a price range, in IDR;
    the UMKM as brand and seller."""
    seller = {"@type": "Organization", "name": product.umkm.nama_usaha}
    if market_page is not None:
        seller["url"] = umkm_url(product.umkm, market_page)
    offer = {
        "priceCurrency": "IDR",
        "availability": SCHEMA_AVAILABILITY.get(
            product.ketersediaan, "https://schema.org/InStock"
        ),
        "seller": seller,
    }
    if product_url:
        offer["url"] = product_url
    if product.harga_maks and product.harga_maks > product.harga:
        offer.update(
            {
                "@type": "AggregateOffer",
                "lowPrice": product.harga,
                "highPrice": product.harga_maks,
            }
        )
    else:
        offer.update({"@type": "Offer", "price": product.harga})
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.title,
        "description": product.deskripsi,
        "category": product.kategori.nama,
        "brand": {"@type": "Brand", "name": product.umkm.nama_usaha},
        "offers": offer,
    }
    images = [
        absolute_url(photo.get_rendition(JSON_LD_IMAGE_RENDITION).url)
        for photo in photos
    ]
    if images:
        data["image"] = images
    if product_url:
        data["url"] = product_url
    return data


class PriceFilterField(forms.IntegerField):
    """A price bound in whole Rupiah, any number (``12500``, ``12.500``, ``Rp 12.500``),
    typed in a text box with the number pad: no step a browser would enforce."""

    default_error_messages = {
        "invalid": _("Tulis harga dalam Rupiah tanpa sen, mis. 12500 atau 12.500."),
    }

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            min_value=0,
            max_value=MAX_PRICE,
            widget=forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off"}
            ),
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            text = re.sub(r"^rp\.?\s*", "", value.strip(), flags=re.IGNORECASE)
            if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
                text = text.replace(".", "")
            value = text.replace(" ", "")
        return super().to_python(value)


class CatalogueFilterForm(forms.Form):
    """The GET filters of the catalogue; invalid values are reported and ignored."""

    q = forms.CharField(
        label=_("Cari produk"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        required=False,
        widget=OptionsSelect,
        queryset=KategoriProduk.objects.all(),
        to_field_name="slug",
        empty_label=_("Semua kategori"),
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        required=False,
        widget=OptionsSelect,
        queryset=Kecamatan.objects.all(),
        to_field_name="slug",
        empty_label=_("Semua kecamatan"),
    )
    harga_min = PriceFilterField(label=_("Harga terendah (Rp)"))
    harga_maks = PriceFilterField(label=_("Harga tertinggi (Rp)"))
    urutkan = forms.ChoiceField(
        label=_("Urutkan"), required=False, choices=Sort.CHOICES, widget=OptionsSelect
    )

    def __init__(self, *args, fixed_category=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_category = fixed_category
        if fixed_category is not None:
            # The category comes from the address (kategori/<slug>/).
            del self.fields["kategori"]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("harga_min"), cleaned.get("harga_maks")
        if low is not None and high is not None and low > high:
            # Neither bound filters: which one was mistyped is not known.
            self.add_error(
                "harga_maks",
                _("Harga tertinggi tidak boleh lebih kecil dari harga terendah."),
            )
            cleaned.pop("harga_min", None)
        return cleaned

    @property
    def is_filtered(self):
        """True when the reader narrowed or re-sorted the list."""
        return self.is_bound and any(
            self.data.get(name) not in (None, "") for name in self.fields
        )

    def filters(self):
        """The valid filters as :func:`catalogue_queryset` takes them; invalid
        fields are left out."""
        values = {}
        if self.is_bound:
            self.is_valid()
            values = {
                name: value
                for name, value in self.cleaned_data.items()
                if name not in self.errors
            }
        if self.fixed_category is not None:
            values["kategori"] = self.fixed_category
        return values
