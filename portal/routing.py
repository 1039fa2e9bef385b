"""Routing a URL below a page with one query for the whole path.

Wagtail routes level by level: each segment of ``/a/b/c/`` costs a query for the
child and another for its specific page, six queries for a product page, a fifth of
its time. Here the pages along the path are read at once (by their slugs, an
index, within the subtree) and walked in memory; only the page that answers is made
specific. Every rule of Wagtail's routing is kept: a routable page whose own routes
match the rest of the path answers it (``RoutablePageMixin.route``), a page type
with its own ``route`` decides for itself, and the last page answers only when
live.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def page_route(page, request, path_components):
    """``Page.route`` of the portal's pages (``BasePage.route``)."""
    if not path_components:
        return Page.route(page, request, path_components)
    return route_below(page, request, path_components)


def route_below(page, request, path_components):
    """Wagtail's ``RouteResult`` for ``path_components`` below ``page``."""
    along = _pages_along(page, path_components)
    parent = page
    for index, slug in enumerate(path_components):
        child = along.get(f"{parent.url_path}{slug}/")
        if child is None:
            raise Http404
        child._cached_parent_obj = parent
        remaining = path_components[index + 1 :]
        if not remaining or _answers_itself(child, remaining):
            return child.specific.route(request, remaining)
        parent = child
    raise Http404  # an empty path: no page below (the last segment answers above)


def _pages_along(page, path_components):
    """The pages below ``page`` that may lie on the path, by URL path."""
    candidates = Page.objects.filter(
        path__startswith=page.path,
        depth__gt=page.depth,
        depth__lte=page.depth + len(path_components),
        slug__in=set(path_components),
    )
    return {candidate.url_path: candidate for candidate in candidates}


def _answers_itself(page, remaining):
    """Whether ``page`` must route ``remaining`` itself rather than pass it on to
    a child: its type routes in its own way, or it is a live routable page with a
    route for that path."""
    model = page.specific_class
    if model is None:
        return False
    if not issubclass(model, RoutablePageMixin):
        return model.route not in PLAIN_ROUTES
    if model.route is not RoutablePageMixin.route:
        return True
    if not page.live:
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Http404:
        return False
    return True


#: The routes that pass the rest of the path on to a child, as ``route_below`` does.
PLAIN_ROUTES = (Page.route, page_route)
