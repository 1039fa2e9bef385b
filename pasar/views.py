"""Public e-pasar views hosted by the market index page: catalogue, categories, UMKM."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from pasar import catalogue as market
from pasar.models import KategoriProduk
from portal.pagination import paginate
from portal.routes import page_context

UMKM_PRODUCTS_PER_PAGE = 12


def catalogue(request, page, category_slug=None):
    """The catalogue of public products, filtered, sorted and paginated; on
    ``kategori/<slug>/`` limited to one category (404 for an unknown one)."""
    category = None
    if category_slug is not None:
        category = get_object_or_404(KategoriProduk, slug=category_slug)
    form = market.CatalogueFilterForm(request.GET or None, fixed_category=category)
    products = market.catalogue_queryset(form.filters())
    if category is None:
        canonical_url = page.full_url
    else:
        canonical_url = page.full_url + page.reverse_subpage(
            "category", args=[category.slug]
        )
    return TemplateResponse(
        request,
        "pasar/pasar_index_page.html",
        {
            **page_context(page),
            "form": form,
            "category": category,
            "categories": market.categories(),
            "products": paginate(request, products, market.PRODUCTS_PER_PAGE),
            "is_filtered": form.is_filtered,
            "canonical_url": canonical_url,
        },
    )


def umkm_detail(request, page, slug):
    """The public profile of a verified UMKM and its products (404 otherwise)."""
    umkm = get_object_or_404(market.public_umkm(), slug=slug)
    products = market.catalogue_queryset({"umkm": umkm})
    return TemplateResponse(
        request,
        "pasar/umkm_detail.html",
        {
            **page_context(page),
            "umkm": umkm,
            "whatsapp_url": market.umkm_whatsapp_url(umkm),
            "products": paginate(request, products, UMKM_PRODUCTS_PER_PAGE),
            "canonical_url": page.full_url
            + page.reverse_subpage("umkm_detail", args=[umkm.slug]),
        },
    )
