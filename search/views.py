from django.template.response import TemplateResponse
from wagtail.models import Page

from portal.pagination import paginate

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Site-wide search over every live, public page, paginated."""
    search_query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if search_query:
        results = Page.objects.live().public().specific().search(search_query)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "search_results": paginate(request, results, RESULTS_PER_PAGE),
        },
    )
