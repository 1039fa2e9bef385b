"""Wagtail's content API v2 at /api/v2/: live pages, images and documents."""

from django.conf import settings
from django.http import Http404
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError
from wagtail.search.query import PlainText

from pasar.catalogue import exclude_hidden_products
from portal.pagination import MAX_DATABASE_INTEGER
from portal.search_query import safe_search_query
from ppid.models import exempt_document_ids

#: Query parameters that are text, never read as numbers.
TEXT_PARAMETERS = frozenset({"search", "search_operator", "fields", "order", "type"})


class BoundedIntegersMixin:
    """Answers 400 (404 for an id in the address) when a number in the request is
    beyond what the database stores, instead of an overflow in the database."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if abs(int(kwargs.get("pk", 0))) > MAX_DATABASE_INTEGER:
            raise Http404("not found")
        for name, value in request.GET.items():
            if name in TEXT_PARAMETERS:
                continue
            try:
                number = int(value)
            except ValueError:
                continue
            if abs(number) > MAX_DATABASE_INTEGER:
                raise BadRequestError(
                    f"{name} must be between -{MAX_DATABASE_INTEGER} and "
                    f"{MAX_DATABASE_INTEGER}"
                )


class PortalSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, with the text reduced to its words before it reaches
    the search backend (:mod:`portal.search_query`), so no text is a query syntax
    error on SQLite or PostgreSQL."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        # Searching and filtering by tag at the same time is not supported.
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError(
                "filtering by tag with a search query is not supported"
            )
        operator = request.GET.get("search_operator") or PlainText.DEFAULT_OPERATOR
        if operator not in PlainText.OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        search_query = safe_search_query(request.GET["search"], operator=operator)
        if search_query is None:
            return queryset.none()
        try:
            return get_search_backend().search(
                search_query, queryset, order_by_relevance="order" not in request.GET
            )
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching "
                "(field is not indexed)"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching "
                "(field is not indexed)"
            ) from error


class PortalPagesAPIViewSet(BoundedIntegersMixin, PagesAPIViewSet):
    """Pages endpoint that loads each page's locale with the page, not once per item.

    Products outside ``ProdukPage.objects.visible_to_public()`` (those of UMKM not
    verified) are live pages the public site does not show (DESIGN 4.5); the API
    leaves them out too, in the same query. Search goes through
    :class:`PortalSearchFilter`.
    """

    filter_backends = [
        PortalSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        return exclude_hidden_products(super().get_queryset()).select_related("locale")


class PortalImagesAPIViewSet(BoundedIntegersMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, with numbers bounded and safe search."""

    filter_backends = [
        PortalSearchFilter if backend is SearchFilter else backend
        for backend in ImagesAPIViewSet.filter_backends
    ]


class PortalDocumentsAPIViewSet(BoundedIntegersMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, with numbers bounded and safe search.

    Documents of dikecualikan information (Pasal 17, ``ppid.models``) are left out:
    the API gives no download URL for them.
    """

    filter_backends = [
        PortalSearchFilter if backend is SearchFilter else backend
        for backend in DocumentsAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        return super().get_queryset().exclude(id__in=exempt_document_ids())


content_api = WagtailAPIRouter("wagtailapi")
content_api.register_endpoint("pages", PortalPagesAPIViewSet)
content_api.register_endpoint("images", PortalImagesAPIViewSet)
content_api.register_endpoint("documents", PortalDocumentsAPIViewSet)
