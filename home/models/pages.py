from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from portal.models import BasePage


class HomePage(BasePage):
    """The portal's front page: a welcome and the way into the service areas."""

    hero_heading = models.CharField(
        _("judul utama"),
        max_length=150,
        default="Portal Pelayanan Publik Kabupaten Langkat",
        help_text=_("Judul besar di bagian atas beranda."),
    )
    hero_text = models.TextField(
        _("teks sambutan"),
        blank=True,
        help_text=_("Satu paragraf pendek di bawah judul utama."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("isi"),
        blank=True,
        help_text=_("Bagian tambahan beranda."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = self.get_children().live().public().in_menu().specific()
        return context


class StandardPage(BasePage):
    """An editorial page: a profile, visi-misi, or a section's introduction."""

    introduction = models.TextField(
        _("pengantar"),
        blank=True,
        help_text=_("Paragraf pembuka yang ditampilkan lebih besar."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("isi"),
        blank=True,
        help_text=_("Isi halaman."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    api_fields = [*BasePage.api_fields, APIField("introduction"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage", "home.PPIDPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("halaman standar")
        verbose_name_plural = _("halaman standar")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context
