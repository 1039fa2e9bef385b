from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.pagination import paginate
from portal.search_query import MAX_QUERY_LENGTH, safe_search_query

RESULTS_PER_PAGE = 10
#: The kind of result that is not a page: e-kecamatan service standards.
SERVICES_KEY = "layanan"
#: Services shown above the page results when every kind is searched.
SERVICES_PREVIEW = 3


@dataclass(frozen=True)
class SearchType:
    """A kind of result readers can narrow the search to."""

    key: str
    label: str
    models: tuple


def search_types():
    """The kinds of page results; pages of any other type count as "Halaman"."""
    from home.models import BeritaPage
    from pasar.models import ProdukPage
    from ppid.models import InformasiPublikPage, PengumumanPage

    return [
        SearchType("informasi", _("Informasi publik"), (InformasiPublikPage,)),
        SearchType("berita", _("Berita dan pengumuman"), (BeritaPage, PengumumanPage)),
        SearchType("produk", _("Produk UMKM"), (ProdukPage,)),
    ]


def _public_pages():
    """Live, public pages, without products the public may not see (e-pasar)."""
    from pasar.catalogue import exclude_hidden_products

    return exclude_hidden_products(Page.objects.live().public())


def _pages_of_type(key, types):
    pages = _public_pages()
    for search_type in types:
        if search_type.key == key:
            return pages.type(*search_type.models)
    other_models = [model for search_type in types for model in search_type.models]
    return pages.not_type(*other_models)


def _services_page():
    """The live e-kecamatan page that hosts the service standards, if any."""
    from layanan.models import EKecamatanIndexPage

    return EKecamatanIndexPage.objects.live().public().first()


def _services(search_query):
    """Live service standards matching ``search_query`` (a Wagtail query)."""
    from layanan.models import StandarLayanan

    return get_search_backend().search(search_query, StandarLayanan.objects.live())


def _link_services(services, services_page):
    """``services`` with ``result_url``: their page under the e-kecamatan page."""
    base_url = services_page.url
    for service in services:
        service.result_url = base_url + services_page.reverse_subpage(
            "service_detail", args=[service.slug]
        )
    return services


def search(request):
    """Site-wide search over live, public pages and kecamatan services, by kind of
    result, paginated."""
    search_query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    types = search_types()
    services_page = _services_page()
    page_keys = [search_type.key for search_type in types] + ["halaman"]
    keys = page_keys + ([SERVICES_KEY] if services_page else [])
    chosen = request.GET.get("jenis", "")
    chosen = chosen if chosen in keys else ""
    results = Page.objects.none()
    facets = []
    service_preview = []
    # What reaches the search backend: the words of the text, never its syntax.
    backend_query = safe_search_query(search_query)
    if backend_query is not None:
        labels = [search_type.label for search_type in types] + [_("Halaman lain")]
        for key, label in zip(page_keys, labels, strict=True):
            count = _pages_of_type(key, types).search(backend_query).count()
            facets.append({"key": key, "label": label, "count": count})
        if services_page:
            services = _services(backend_query)
            facets.insert(
                len(types),
                {
                    "key": SERVICES_KEY,
                    "label": _("Layanan kecamatan"),
                    "count": services.count(),
                },
            )
        # Kinds without results are left out, unless the reader chose one.
        facets = [facet for facet in facets if facet["count"] or facet["key"] == chosen]
        if chosen == SERVICES_KEY:
            results = services
        elif chosen:
            results = _pages_of_type(chosen, types).specific().search(backend_query)
        else:
            results = _public_pages().specific().search(backend_query)
            if services_page:
                service_preview = _link_services(
                    list(services[:SERVICES_PREVIEW]), services_page
                )
    search_results = paginate(request, results, RESULTS_PER_PAGE)
    if chosen == SERVICES_KEY:
        _link_services(search_results.object_list, services_page)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "chosen_type": chosen,
            "facets": facets,
            "search_results": search_results,
            "service_preview": service_preview if search_results.number == 1 else [],
            "services_key": SERVICES_KEY,
        },
    )
