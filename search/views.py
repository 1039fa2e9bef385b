"""The site-wide search page (/cari/): pages and kecamatan services in one list.

Every kind of result (public information, news, products, kecamatan services,
other pages) is counted once; "Semua" lists the services first, then the pages,
so the count, the list and the "nothing found" message always agree. Words are
matched by Wagtail search; when that finds nothing, Wagtail's autocomplete matches
the last word as the beginning of a word ("banj" finds "banjir"), and a spelling
suggestion is offered (:mod:`search.suggestions`).
"""

from dataclasses import dataclass
from functools import cached_property

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.pagination import paginate
from portal.search_query import MAX_QUERY_LENGTH, safe_search_query, search_words
from portal.visibility import public
from search.suggestions import suggest

RESULTS_PER_PAGE = 10
#: The kind of result that is not a page: e-kecamatan service standards.
SERVICES_KEY = "layanan"
#: Pages of no listed kind.
OTHER_PAGES_KEY = "halaman"


@dataclass(frozen=True)
class SearchType:
    """A kind of page result readers can narrow the search to; ``labels`` name
    single results by model where the kind holds several."""

    key: str
    label: str
    models: tuple
    labels: tuple = ()


def search_types():
    """The kinds of page results; pages of any other type count as "Halaman"."""
    from home.models import BeritaPage
    from pasar.models import ProdukPage
    from ppid.models import InformasiPublikPage, PengumumanPage

    return [
        SearchType("informasi", _("Informasi Publik"), (InformasiPublikPage,)),
        SearchType(
            "berita",
            _("Berita dan Pengumuman"),
            (BeritaPage, PengumumanPage),
            labels=(_("Berita"), _("Pengumuman")),
        ),
        SearchType("produk", _("Produk UMKM"), (ProdukPage,)),
    ]


def _public_pages():
    """Live, public pages, without products the public may not see (e-pasar).

    Wagtail's ``public()`` (one query for the view restrictions), not
    :func:`portal.visibility.public`: search backends filter on indexed fields
    (``path``) only. The search view builds this once and narrows it per kind.
    """
    from pasar.catalogue import exclude_hidden_products

    return exclude_hidden_products(Page.objects.live().public())


def _pages_of_type(pages, key, types):
    for search_type in types:
        if search_type.key == key:
            return pages.type(*search_type.models)
    other_models = [model for search_type in types for model in search_type.models]
    return pages.not_type(*other_models)


def _services_page():
    """The live e-kecamatan page that hosts the service standards, if any."""
    from layanan.models import EKecamatanIndexPage

    return public(EKecamatanIndexPage.objects.live()).first()


def _live_services():
    from layanan.models import StandarLayanan

    return StandarLayanan.objects.live()


def _result_labels(types):
    """The label of a single result, by page model."""
    labels = {}
    for search_type in types:
        names = search_type.labels or (search_type.label,) * len(search_type.models)
        labels.update(zip(search_type.models, names, strict=True))
    return labels


class Matcher:
    """One way of matching the reader's words, applied to pages and services alike:
    Wagtail search (every word), or autocomplete (the last word as a prefix)."""

    def __init__(self, query, text, partial):
        self.query = query
        self.text = text
        self.partial = partial

    def pages(self, queryset):
        if self.partial:
            return queryset.autocomplete(self.text)
        return queryset.search(self.query)

    def services(self):
        backend = get_search_backend()
        if self.partial:
            return backend.autocomplete(self.text, _live_services())
        return backend.search(self.query, _live_services())


class CombinedResults:
    """The matching services, then the matching pages, as one sequence for one
    paginator; each part is counted once (the facet counts) and read by slices."""

    def __init__(self, parts):
        #: (results, count) pairs in the order they are listed.
        self.parts = [(results, count) for results, count in parts if count]

    @cached_property
    def total(self):
        return sum(count for _results, count in self.parts)

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.total)
        items = []
        offset = 0
        for results, count in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                items.extend(results[low:high])
            offset += count
        return items


def _count_kinds(matcher, pages, types, services_page):
    """Facets in display order: (key, label, count, results)."""
    facets = []
    for search_type in types:
        results = matcher.pages(
            _pages_of_type(pages, search_type.key, types).specific()
        )
        facets.append([search_type.key, search_type.label, results])
    if services_page:
        facets.append([SERVICES_KEY, _("Layanan"), matcher.services()])
    other = matcher.pages(_pages_of_type(pages, OTHER_PAGES_KEY, types).specific())
    facets.append([OTHER_PAGES_KEY, _("Halaman"), other])
    return [
        {"key": key, "label": label, "results": results, "count": results.count()}
        for key, label, results in facets
    ]


def _label_results(results, types, services_page):
    """Give each listed result what its entry shows: its kind (``kind_label``),
    for services the address of their page under the e-kecamatan page
    (``result_url``), whether it has a price (``shows_price``, products) and its
    teaser (``teaser``). Set here, as results of several kinds lack one another's
    fields, and a template's failed lookup is slow."""
    labels = _result_labels(types)
    for result in results:
        if isinstance(result, Page):
            result.kind_label = labels.get(type(result), _("Halaman"))
            result.result_url = None
        else:
            result.kind_label = _("Layanan")
            result.result_url = services_page.url + services_page.reverse_subpage(
                "service_detail", args=[result.slug]
            )
        result.shows_price = getattr(result, "harga", None) is not None and bool(
            getattr(result, "satuan", "")
        )
        result.teaser = (
            getattr(result, "summary", "")
            or getattr(result, "ringkasan", "")
            or getattr(result, "introduction", "")
        )
    return results


def _suggestion(search_query, pages):
    sources = [(pages, "title"), (_live_services(), "nama")]
    return suggest(search_query, sources)


def search(request):
    """Site-wide search over live, public pages and kecamatan services, by kind of
    result, paginated."""
    search_query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    types = search_types()
    services_page = _services_page()
    keys = [search_type.key for search_type in types] + [OTHER_PAGES_KEY]
    if services_page:
        keys.append(SERVICES_KEY)
    chosen = request.GET.get("jenis", "")
    chosen = chosen if chosen in keys else ""
    facets = []
    results = CombinedResults([])
    partial = False
    suggestion = ""
    # What reaches the search backend: the words of the text, never its syntax.
    backend_query = safe_search_query(search_query)
    if backend_query is not None:
        words = " ".join(search_words(search_query))
        pages = _public_pages()
        facets = _count_kinds(
            Matcher(backend_query, words, False), pages, types, services_page
        )
        if not any(facet["count"] for facet in facets):
            suggestion = _suggestion(search_query, pages)
            facets = _count_kinds(
                Matcher(backend_query, words, True), pages, types, services_page
            )
            partial = any(facet["count"] for facet in facets)
        listed = [facet for facet in facets if not chosen or facet["key"] == chosen]
        # Services first, as the reader most often looks for a service.
        listed.sort(key=lambda facet: facet["key"] != SERVICES_KEY)
        results = CombinedResults(
            (facet["results"], facet["count"]) for facet in listed
        )
        # Kinds without results are left out, unless the reader chose one.
        facets = [facet for facet in facets if facet["count"] or facet["key"] == chosen]
    search_results = paginate(request, results, RESULTS_PER_PAGE)
    _label_results(search_results.object_list, types, services_page)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "chosen_type": chosen,
            "facets": facets,
            "search_results": search_results,
            "partial_match": partial,
            "suggestion": suggestion,
        },
    )
