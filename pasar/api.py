"""e-pasar in the service API: the public catalogue of products and UMKM.

Only what the public site shows: live products of verified UMKM, and verified UMKM
profiles. An UMKM is reached through its business contact, the WhatsApp number; its
NIB (Nomor Induk Berusaha) is a public business registration number, verifiable on
OSS, and is shown as on the profile page. The owner's account (name, email) and the
street address are never part of an answer. Filters are validated by the same form
as the catalogue page: an invalid value is answered 400 with one error per field.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from pasar import catalogue as market
from pasar.choices import Ketersediaan
from pasar.models import MAX_PRICE, PasarIndexPage, ProdukPage, TagProduk
from portal.api_errors import ErrorOut
from portal.base_url import absolute_url, page_url
from portal.pagination import LimitOffsetPagination, RecordId
from portal.visibility import first_live_page

#: The full-size photo rendition the API links to, besides the card thumbnail.
API_IMAGE_RENDITION = "max-1200x1200"
API_RENDITIONS = (market.PRODUCT_CARD_RENDITION, API_IMAGE_RENDITION)
# Parsed once: a Filter keeps its parsed operations, a spec string is parsed again
# for every image.
API_IMAGE_FILTER = Filter(spec=API_IMAGE_RENDITION)
CARD_IMAGE_FILTER = Filter(spec=market.PRODUCT_CARD_RENDITION)

router = Router(tags=["e-pasar"])


# Schemas -----------------------------------------------------------------------


class KategoriOut(Schema):
    slug: str
    nama: str
    deskripsi: str


class KategoriRingkasOut(Schema):
    slug: str
    nama: str


class KecamatanOut(Schema):
    slug: str
    nama: str


class GambarOut(Schema):
    url: str = Field(description="Foto, paling besar 1200x1200 piksel.")
    thumbnail: str = Field(description="Foto kartu 400x300 piksel (WebP).")
    alt: str


class UMKMRingkasOut(Schema):
    slug: str
    nama_usaha: str
    kecamatan: KecamatanOut


class ProdukOut(Schema):
    id: int
    judul: str
    slug: str
    url: str = Field(description="Alamat halaman produk di situs.")
    deskripsi: str
    harga: int = Field(description="Harga dalam rupiah (atau harga terendah).")
    harga_maks: int | None = Field(description="Harga tertinggi bila berupa rentang.")
    satuan: str
    ketersediaan: str
    ketersediaan_label: str
    unggulan: bool
    kategori: KategoriRingkasOut
    kecamatan: KecamatanOut
    umkm: UMKMRingkasOut
    gambar: list[GambarOut]
    tags: list[str]
    diterbitkan_pada: datetime.datetime | None


class UMKMOut(Schema):
    slug: str
    nama_usaha: str
    deskripsi: str
    nib: str = Field(description="Nomor Induk Berusaha (OSS); kosong bila belum ada.")
    kecamatan: KecamatanOut
    desa: str | None
    whatsapp: str = Field(description="Nomor WhatsApp usaha, format +62.")
    whatsapp_url: str = Field(description="Tautan wa.me untuk menghubungi UMKM.")
    logo: str | None = Field(description="Alamat logo 160x160 piksel (WebP).")
    url: str | None = Field(description="Alamat profil UMKM di situs.")


class ProdukFilter(Schema):
    kategori: str | None = Field(None, max_length=100, description="Slug kategori.")
    kecamatan: str | None = Field(None, max_length=100, description="Slug kecamatan.")
    umkm: str | None = Field(None, max_length=170, description="Slug UMKM.")
    harga_min: str | None = Field(
        None,
        max_length=12,
        description=(
            "Harga terendah dalam rupiah (bilangan bulat, 0 sampai "
            f"{MAX_PRICE}): produk yang harganya mencapai rentang ini."
        ),
    )
    harga_maks: str | None = Field(
        None,
        max_length=12,
        description="Harga tertinggi dalam rupiah (bilangan bulat).",
    )
    q: str | None = Field(
        None, max_length=market.MAX_QUERY_LENGTH, description="Kata kunci."
    )
    urutkan: str | None = Field(
        None,
        max_length=20,
        description="terbaru (bawaan), termurah, termahal atau nama.",
    )


# Helpers -------------------------------------------------------------------------


def _absolute(url):
    return absolute_url(url) or None


def _product_out(product, request):
    photos = [photo.image for photo in product.card_photos]
    return {
        "id": product.pk,
        "judul": product.title,
        "slug": product.slug,
        "url": page_url(product, request),
        "deskripsi": product.deskripsi,
        "harga": product.harga,
        "harga_maks": product.harga_maks,
        "satuan": product.satuan,
        "ketersediaan": product.ketersediaan,
        "ketersediaan_label": _availability_label(product.ketersediaan),
        "unggulan": product.unggulan,
        "kategori": product.kategori,
        "kecamatan": product.kecamatan,
        "umkm": {
            "slug": product.umkm.slug,
            "nama_usaha": product.umkm.nama_usaha,
            "kecamatan": product.kecamatan,
        },
        "gambar": [
            {
                "url": _absolute(image.get_rendition(API_IMAGE_FILTER).url),
                "thumbnail": _absolute(image.get_rendition(CARD_IMAGE_FILTER).url),
                "alt": product.title,
            }
            for image in photos
        ],
        "tags": [link.tag.name for link in product.tag_links],
        "diterbitkan_pada": product.first_published_at,
    }


def _availability_label(value):
    """The label of an availability (``get_ketersediaan_display`` rebuilds the
    field's choices on every call, a tenth of a product list's time)."""
    try:
        return str(Ketersediaan(value).label)
    except ValueError:
        return value


def _umkm_out(umkm, market_page):
    logo = None
    if umkm.logo:
        logo = _absolute(umkm.logo.get_rendition(market.UMKM_LOGO_RENDITION).url)
    return {
        "slug": umkm.slug,
        "nama_usaha": umkm.nama_usaha,
        "deskripsi": umkm.deskripsi,
        "nib": umkm.nib,
        "kecamatan": umkm.kecamatan,
        "desa": umkm.desa.nama if umkm.desa else None,
        "whatsapp": umkm.whatsapp,
        "whatsapp_url": market.umkm_whatsapp_url(umkm),
        "logo": logo,
        "url": market.umkm_url(umkm, market_page) if market_page else None,
    }


def _catalogue_filters(filters):
    """The filters as :func:`pasar.catalogue.catalogue_queryset` takes them.

    Raises ``ValidationError`` with the catalogue form's messages per field, which
    the API answers 400 (see :mod:`config.api`).
    """
    data = {
        name: value
        for name, value in filters.dict().items()
        if value not in (None, "") and name != "umkm"
    }
    form = market.CatalogueFilterForm(data)
    errors = {} if form.is_valid() else dict(form.errors)
    values = form.filters()
    if filters.umkm:
        values["umkm"] = market.public_umkm().filter(slug=filters.umkm).first()
        if values["umkm"] is None:
            errors["umkm"] = [_("UMKM tidak ditemukan.")]
    if errors:
        raise ValidationError(errors)
    return values


def _logo_renditions():
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec=market.UMKM_LOGO_RENDITION)
    )
    return Prefetch(
        "logo__renditions", queryset=renditions, to_attr="prefetched_renditions"
    )


class ProdukPagination(LimitOffsetPagination):
    """Limit/offset pages of products, each turned into its public shape."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page[self.items_attribute] = [
            _product_out(product, request) for product in page[self.items_attribute]
        ]
        return page


class UMKMPagination(LimitOffsetPagination):
    """Limit/offset pages of verified UMKM, each turned into its public shape."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        market_page = first_live_page(PasarIndexPage)
        page[self.items_attribute] = [
            _umkm_out(umkm, market_page) for umkm in page[self.items_attribute]
        ]
        return page


def _with_tags(products):
    """``products`` with their tags as ``tag_links`` (a list per product, in the
    order they were given): through the manager, each product would build its own
    tag query, the larger part of a long list's time."""
    links = TagProduk.objects.select_related("tag").order_by("pk")
    return products.prefetch_related(
        Prefetch("tagged_items", queryset=links, to_attr="tag_links")
    )


def _api_products(queryset):
    return _with_tags(market.with_card_data(queryset, *API_RENDITIONS))


# Endpoints -----------------------------------------------------------------------


@router.get(
    "/kategori",
    response=list[KategoriOut],
    summary="Daftar kategori produk",
    description="Semua kategori produk e-pasar, dalam urutan katalog.",
)
def list_kategori(request):
    return market.categories()


@router.get(
    "/produk",
    response={200: list[ProdukOut], 400: ErrorOut, 422: ErrorOut},
    summary="Katalog produk UMKM",
    description=(
        "Produk yang tayang dari UMKM terverifikasi, dengan saringan kategori, "
        "kecamatan, UMKM, rentang harga dan kata kunci, serta urutan terbaru, "
        "termurah, termahal atau nama. Saringan yang tidak valid dijawab 400 dengan "
        "satu galat per kolom."
    ),
)
@paginate(ProdukPagination)
def list_produk(request, filters: Query[ProdukFilter]):
    return _with_tags(
        market.catalogue_queryset(
            _catalogue_filters(filters), renditions=API_RENDITIONS
        )
    )


@router.get(
    "/produk/{produk_id}",
    response={200: ProdukOut, 404: ErrorOut},
    summary="Detail produk",
    description="Satu produk yang tayang dari UMKM terverifikasi; selain itu 404.",
)
def get_produk(request, produk_id: RecordId):
    products = _api_products(ProdukPage.objects.visible_to_public())
    return _product_out(get_object_or_404(products, pk=produk_id), request)


@router.get(
    "/umkm",
    response=list[UMKMOut],
    summary="Daftar UMKM terverifikasi",
    description=(
        "Profil UMKM yang sudah diverifikasi moderator, urut nama. Kontak yang "
        "dibagikan adalah nomor WhatsApp usaha; akun pemilik tidak pernah dibagikan."
    ),
)
@paginate(UMKMPagination)
def list_umkm(request):
    return market.public_umkm().prefetch_related(_logo_renditions())


@router.get(
    "/umkm/{slug}",
    response={200: UMKMOut, 404: ErrorOut},
    summary="Profil UMKM",
    description="Profil satu UMKM terverifikasi; UMKM lain dijawab 404.",
)
def get_umkm(request, slug: str):
    umkm = market.public_umkm().filter(slug=slug[:170]).first()
    if umkm is None:
        raise Http404
    return _umkm_out(umkm, first_live_page(PasarIndexPage))
