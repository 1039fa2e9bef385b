"""Declared page routes: a routable page lists its URLs as a table of views.

A page model says which view answers which URL below it; the view is named by its
dotted path and imported on first use, so page models import no view module and
views may import models freely. A view is either a function called as
``view(request, page, **url_kwargs)`` or a :class:`PageView` subclass.

    class ELagaIndexPage(DeclaredRoutesMixin, BasePage):
        routes = [
            PageRoute("", "pengaduan.views.submission_form", "form"),
            PageRoute("lacak/", "pengaduan.views.LaporanTrackView", "track"),
        ]

Templates and code reverse them by name as before:
``{% routablepageurl page "track" %}`` or ``page.reverse_subpage("track")``.
"""

from dataclasses import dataclass
from functools import cache

from django.urls import path
from django.utils.module_loading import import_string
from django.views import View
from wagtail.contrib.routable_page.models import RoutablePageMixin


@dataclass(frozen=True)
class PageRoute:
    """One URL below a page: a ``django.urls.path`` pattern, a view and its name."""

    pattern: str
    view: str
    name: str


def route_url(page, name, *args):
    """The path of ``page``'s route ``name`` (with ``args``)."""
    return page.url + page.reverse_subpage(name, args=args)


def page_context(page, **extra):
    """The template context of a view below ``page``: the page, as Wagtail gives it."""
    return {"page": page, "self": page, **extra}


class PageView(View):
    """A class-based view served below a routable page; ``self.page`` is that page."""

    def setup(self, request, page, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = page

    def dispatch(self, request, page, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def route_url(self, name, *args):
        """The path of the page's route ``name`` (with ``args``)."""
        return route_url(self.page, name, *args)


@cache
def _view_callable(dotted_path):
    target = import_string(dotted_path)
    if isinstance(target, type) and issubclass(target, View):
        return target.as_view()
    return target


def _page_method(route):
    """A function Wagtail binds to the page like a route method (``self`` first)."""

    def serve_route(page, request, *args, **kwargs):
        return _view_callable(route.view)(request, page, *args, **kwargs)

    serve_route.__name__ = route.name
    serve_route.__qualname__ = f"route:{route.view}"
    return serve_route


class DeclaredRoutesMixin(RoutablePageMixin):
    """Routes read from the ``routes`` table; the first entry for "" is the index."""

    routes = ()

    def serve(self, request, *args, **kwargs):
        """Answer with the route's view, under the page's cache headers."""
        response = super().serve(request, *args, **kwargs)
        return self.with_cache_headers(request, response)

    @classmethod
    def get_subpage_urls(cls):
        declared = tuple(
            path(route.pattern, _page_method(route), name=route.name)
            for route in cls.routes
        )
        return declared + super().get_subpage_urls()
