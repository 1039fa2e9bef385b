from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.page_cache import shared_value
from portal.visibility import public
from ppid.choices import TingkatPengumuman


class PengumumanIndexPage(BasePage):
    """Lists serta-merta announcements: the active ones first, then the archive."""

    introduction = models.TextField(
        _("pengantar"),
        blank=True,
        help_text=_("Penjelasan singkat tentang informasi serta-merta."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    api_fields = [*BasePage.api_fields, APIField("introduction")]

    parent_page_types = ["ppid.PPIDPage"]
    subpage_types = ["ppid.PengumumanPage"]
    max_count = 1

    class Meta:
        verbose_name = _("indeks pengumuman serta-merta")
        verbose_name_plural = _("indeks pengumuman serta-merta")

    def get_context(self, request, *args, **kwargs):
        from portal.pagination import paginate

        context = super().get_context(request, *args, **kwargs)
        announcements = public(PengumumanPage.objects.child_of(self).live()).order_by(
            "-mulai"
        )
        context["active_announcements"] = announcements.filter(active_filter())
        context["announcements"] = paginate(request, announcements, 20)
        return context


class PengumumanPage(BasePage):
    """A serta-merta announcement (UU 14/2008 Pasal 10), shown as a banner while active."""

    tingkat = models.CharField(
        _("tingkat"),
        max_length=10,
        choices=TingkatPengumuman.choices,
        default=TingkatPengumuman.WASPADA,
        help_text=_("Menentukan warna dan ikon spanduk."),
    )
    pesan = models.CharField(
        _("pesan spanduk"),
        max_length=200,
        help_text=_("Satu kalimat yang tampil di spanduk setiap halaman."),
    )
    mulai = models.DateTimeField(
        _("mulai tayang"),
        default=timezone.now,
        help_text=_("Waktu spanduk mulai tampil."),
    )
    berakhir = models.DateTimeField(
        _("berakhir"),
        null=True,
        blank=True,
        help_text=_("Waktu spanduk berhenti tampil. Kosongkan bila belum ditentukan."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("tingkat"),
        FieldPanel("pesan"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("mulai"), FieldPanel("berakhir")])],
            heading=_("Masa tayang spanduk"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("pesan"),
        index.SearchField("body"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("tingkat"),
        APIField("pesan"),
        APIField("mulai"),
        APIField("berakhir"),
        APIField("body"),
    ]

    parent_page_types = ["ppid.PengumumanIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pengumuman serta-merta")
        verbose_name_plural = _("pengumuman serta-merta")

    @property
    def summary(self):
        return self.listing_summary or self.pesan

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.mulai <= now and (self.berakhir is None or self.berakhir > now)

    def clean(self):
        super().clean()
        if self.berakhir and self.mulai and self.berakhir <= self.mulai:
            raise ValidationError(
                {"berakhir": _("Waktu berakhir harus sesudah waktu mulai tayang.")}
            )


def active_filter(now=None):
    """Q for announcements whose banner shows at ``now``."""
    now = now or timezone.now()
    return Q(mulai__lte=now) & (Q(berakhir__isnull=True) | Q(berakhir__gt=now))


def active_announcements(now=None):
    """Live, public announcements whose banner shows now, newest first."""
    return (
        public(PengumumanPage.objects.live())
        .filter(active_filter(now))
        .order_by("-mulai")
    )


#: The banner shows this many; the home page's list of announcements (at most 12)
#: goes on with the next ones.
BANNER_COUNT = 3
CURRENT_COUNT = BANNER_COUNT + 12


def current_announcements():
    """The first active announcements, newest first: one list for the banner of
    every page and the home page's blocks, kept with the cached pages (it changes
    with a page's publication or when an announcement starts or ends)."""
    return shared_value(
        "serta-merta", lambda: list(active_announcements()[:CURRENT_COUNT])
    )
