from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.pagination import paginate

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class SearchType:
    """A kind of result readers can narrow the search to."""

    key: str
    label: str
    models: tuple


def search_types():
    """The kinds of results; pages of any other type count as "Halaman"."""
    from home.models import BeritaPage, InformasiPublikPage, PengumumanPage

    return [
        SearchType("informasi", _("Informasi publik"), (InformasiPublikPage,)),
        SearchType("berita", _("Berita dan pengumuman"), (BeritaPage, PengumumanPage)),
    ]


def _pages_of_type(key, types):
    pages = Page.objects.live().public()
    for search_type in types:
        if search_type.key == key:
            return pages.type(*search_type.models)
    other_models = [model for search_type in types for model in search_type.models]
    return pages.not_type(*other_models)


def search(request):
    """Site-wide search over every live, public page, by kind of result, paginated."""
    search_query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    types = search_types()
    keys = [search_type.key for search_type in types] + ["halaman"]
    chosen = request.GET.get("jenis", "")
    chosen = chosen if chosen in keys else ""
    results = Page.objects.none()
    facets = []
    if search_query:
        labels = [search_type.label for search_type in types] + [_("Halaman lain")]
        for key, label in zip(keys, labels, strict=True):
            count = _pages_of_type(key, types).search(search_query).count()
            facets.append({"key": key, "label": label, "count": count})
        pages = (
            _pages_of_type(chosen, types) if chosen else Page.objects.live().public()
        )
        results = pages.specific().search(search_query)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "chosen_type": chosen,
            "facets": facets,
            "search_results": paginate(request, results, RESULTS_PER_PAGE),
        },
    )
