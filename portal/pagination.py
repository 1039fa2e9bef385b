"""Pagination, once for the whole portal: HTML listings and service-API lists.

Every number a client sends is bounded before it reaches the database:
:data:`MAX_DATABASE_INTEGER` is the largest value a PostgreSQL ``integer`` column
holds, far beyond any real id, offset or amount of the portal.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from ninja import Field, Path, Schema
from ninja import pagination as ninja_pagination

#: The largest number the portal passes to the database (PostgreSQL ``integer``).
MAX_DATABASE_INTEGER = 2**31 - 1
#: The most items one page of a service-API list holds.
MAX_API_LIMIT = 100
#: A record's id in a service-API address (``/produk/{produk_id}``): out of range
#: is answered 422, never looked up.
RecordId = Path[int, {"ge": 1, "le": MAX_DATABASE_INTEGER}]


def paginate(request, items, per_page, param="page"):
    """The requested page of ``items``; a bad or out-of-range number gives the
    nearest page."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get(param, 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class LimitOffsetPagination(ninja_pagination.LimitOffsetPagination):
    """django-ninja's limit/offset pages with bounds in the schema: ``limit`` 1 to
    :data:`MAX_API_LIMIT`, ``offset`` 0 to :data:`MAX_DATABASE_INTEGER`; other values
    are answered 422 in the API's error format."""

    class Input(Schema):
        limit: int = Field(MAX_API_LIMIT, ge=1, le=MAX_API_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_DATABASE_INTEGER)
