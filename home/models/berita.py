from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.routes import DeclaredRoutesMixin, PageRoute
from portal.visibility import public


class BeritaTag(TaggedItemBase):
    """A tag on a news article."""

    content_object = ParentalKey(
        "home.BeritaPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BeritaIndexPage(DeclaredRoutesMixin, BasePage):
    """The news index: articles newest first, filterable by tag, with an Atom feed."""

    introduction = models.TextField(
        _("pengantar"),
        blank=True,
        help_text=_("Kalimat pembuka di atas daftar berita."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    api_fields = [*BasePage.api_fields, APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.BeritaPage"]
    max_count = 1
    # News belongs in the main menu (issue 16); editors may still take it out.
    show_in_menus_default = True

    class Meta:
        verbose_name = _("indeks berita")
        verbose_name_plural = _("indeks berita")

    def articles(self):
        """Live, public articles of this index, newest first."""
        return (
            public(BeritaPage.objects.child_of(self).live())
            .select_related("image")
            .order_by("-tanggal", "-pk")
        )

    routes = [
        PageRoute("", "home.views.berita_index", "article_list"),
        PageRoute("feed/", "home.feeds.berita_feed", "feed"),
    ]


class BeritaPage(BasePage):
    """A news article."""

    tanggal = models.DateField(
        _("tanggal"), default=timezone.localdate, help_text=_("Tanggal terbit berita.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Gambar di atas artikel dan di daftar berita."),
    )
    introduction = models.TextField(
        _("teras berita"),
        help_text=_("Paragraf pembuka yang merangkum berita."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)
    tags = ClusterTaggableManager(verbose_name=_("tag"), through=BeritaTag, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("tanggal"),
        FieldPanel("image"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("tanggal"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("tanggal"),
        APIField("introduction"),
        APIField("body"),
        APIField("tags"),
        APIField(
            "image_thumbnail",
            serializer=ImageRenditionField("fill-800x450", source="image"),
        ),
    ]

    parent_page_types = ["home.BeritaIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
        ordering = ["-tanggal"]

    @property
    def summary(self):
        return self.listing_summary or self.introduction

    @property
    def social_image(self):
        return self.listing_image or self.image
