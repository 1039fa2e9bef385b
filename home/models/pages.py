from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import HomeBlock
from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.visibility import public


class HomePage(BasePage):
    """The portal's front page, composed by editors from sections (StreamField blocks)."""

    body = StreamField(
        HomeBlock(),
        verbose_name=_("bagian beranda"),
        blank=True,
        help_text=_(
            "Susun beranda dari bagian-bagian: pembuka, tautan cepat, berita terbaru, "
            "pengumuman serta-merta."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    api_fields = [*BasePage.api_fields, APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "ppid.PPIDPage",
        "home.BeritaIndexPage",
        "pengaduan.ELagaIndexPage",
        "layanan.EKecamatanIndexPage",
        "pasar.PasarIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")


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

    parent_page_types = ["home.HomePage", "home.StandardPage", "ppid.PPIDPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("halaman standar")
        verbose_name_plural = _("halaman standar")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = public(self.get_children().live()).specific()
        return context
