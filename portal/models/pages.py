from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from portal.routing import page_route


class BasePage(Page):
    """Abstract base of every public page: listing teaser, SEO and cache headers."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar ringkasan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Gambar untuk daftar, hasil pencarian dan pratinjau media sosial."),
    )
    listing_summary = models.TextField(
        _("ringkasan"),
        blank=True,
        max_length=300,
        help_text=_("Satu atau dua kalimat untuk daftar dan hasil pencarian."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading=_("Tampilan di daftar"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    api_fields = [
        APIField("listing_summary"),
        APIField(
            "listing_image_thumbnail",
            serializer=ImageRenditionField("fill-640x360", source="listing_image"),
        ),
    ]

    #: Seconds a shared cache (CDN) may keep the public page.
    cache_max_age = 300

    class Meta:
        abstract = True

    @property
    def summary(self):
        """The teaser text shown in listings, falling back to the search description."""
        return self.listing_summary or self.search_description

    @property
    def social_image(self):
        """The image of the page's social-media preview (``og:image``)."""
        return self.listing_image

    #: Routes a URL below the page in one query (:mod:`portal.routing`).
    route = page_route

    def get_view_restrictions(self):
        """The view restrictions on this page and its ancestors, in one query.

        Wagtail's reads the ancestors first (to follow aliases), then the
        restrictions: two queries for every page served. The ancestors' paths are
        the prefixes of this page's path, and a restriction on an alias's source
        page applies through the alias, as in Wagtail's.
        """
        if not self.path:
            return super().get_view_restrictions()
        paths = [
            self.path[:end]
            for end in range(self.steplen, len(self.path) + 1, self.steplen)
        ]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return self.with_cache_headers(request, response)

    def with_cache_headers(self, request, response):
        """Public for anonymous readers; private when personal or holding a form.

        Decided once the response is rendered, when it is known whether the page
        used a CSRF token (a form), which must never reach a shared cache.
        """
        if isinstance(response, TemplateResponse) and not response.is_rendered:
            response.add_post_render_callback(
                lambda rendered: self._set_cache_headers(request, rendered)
            )
        else:
            self._set_cache_headers(request, response)
        return response

    def _set_cache_headers(self, request, response):
        if response.has_header("Cache-Control"):
            # A view that set its own policy (forms, private links) keeps it.
            return
        if request.user.is_authenticated or request.META.get(
            "CSRF_COOKIE_NEEDS_UPDATE"
        ):
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=self.cache_max_age)
