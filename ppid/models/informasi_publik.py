from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.choices import DasarPengecualian
from portal.models import BasePage
from portal.routes import DeclaredRoutesMixin, PageRoute
from portal.visibility import public
from ppid.choices import BentukInformasi, KategoriInformasi


class InformasiPublikTag(TaggedItemBase):
    """A tag on an item of the Daftar Informasi Publik."""

    content_object = ParentalKey(
        "ppid.InformasiPublikPage",
        related_name="tagged_items",
        on_delete=models.CASCADE,
    )


class InformasiPublikDokumen(Orderable):
    """A document attached to an item of the Daftar Informasi Publik."""

    page = ParentalKey(
        "ppid.InformasiPublikPage", related_name="dokumen", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("dokumen"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    judul = models.CharField(
        _("judul tautan"),
        max_length=200,
        blank=True,
        help_text=_("Kosongkan untuk memakai judul dokumen."),
    )

    panels = [FieldPanel("document"), FieldPanel("judul")]

    class Meta(Orderable.Meta):
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")

    @property
    def label(self):
        return self.judul or self.document.title


class InformasiPublikIndexPage(DeclaredRoutesMixin, BasePage):
    """The Daftar Informasi Publik (DIP): a filterable table of all public information."""

    introduction = RichTextField(
        _("pengantar"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Penjelasan singkat di atas tabel DIP."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    api_fields = [*BasePage.api_fields, APIField("introduction")]

    parent_page_types = ["ppid.PPIDPage"]
    subpage_types = ["ppid.InformasiPublikPage"]
    max_count = 1

    class Meta:
        verbose_name = _("daftar informasi publik")
        verbose_name_plural = _("daftar informasi publik")

    def items(self):
        """The live items of this DIP, with what the table shows."""
        return (
            public(InformasiPublikPage.objects.child_of(self).live())
            .select_related("perangkat_daerah")
            .order_by("-tahun", "nomor")
        )

    routes = [
        PageRoute("", "ppid.dip_views.dip_index", "dip_index"),
        PageRoute(
            "unduh/<str:export_format>/", "ppid.dip_views.dip_export", "dip_export"
        ),
    ]


class PerangkatDaerahSerializer(serializers.Serializer):
    """The holding office of a DIP item, as the content API shows it."""

    nama = serializers.CharField()
    singkatan = serializers.CharField()
    slug = serializers.CharField()

    def to_representation(self, instance):
        return None if instance is None else super().to_representation(instance)


class DokumenSerializer(serializers.Serializer):
    """An attached document with its download URL (never for dikecualikan items)."""

    judul = serializers.CharField(source="label")
    url = serializers.SerializerMethodField()

    def get_url(self, item):
        return item.document.url


class InformasiPublikPage(BasePage):
    """One item of the Daftar Informasi Publik, with the columns of DESIGN §4.3."""

    nomor = models.CharField(
        _("nomor"),
        max_length=30,
        help_text=_("Nomor urut dalam DIP, misalnya DIP-2026-001."),
    )
    ringkasan = models.TextField(
        _("ringkasan isi informasi"),
        help_text=_("Ringkasan isi informasi sebagaimana tercantum dalam DIP."),
    )
    perangkat_daerah = models.ForeignKey(
        "portal.PerangkatDaerah",
        verbose_name=_("pejabat/unit penguasa informasi"),
        on_delete=models.PROTECT,
        related_name="informasi_publik",
        help_text=_("Perangkat daerah yang menguasai informasi."),
    )
    penanggung_jawab = models.CharField(
        _("penanggung jawab"),
        max_length=150,
        help_text=_("Pejabat yang bertanggung jawab atas pembuatan informasi."),
    )
    waktu_pembuatan = models.CharField(
        _("waktu pembuatan"),
        max_length=100,
        help_text=_("Misalnya: Maret 2026, atau Setiap tahun."),
    )
    tempat_pembuatan = models.CharField(
        _("tempat pembuatan"),
        max_length=150,
        help_text=_("Misalnya: Stabat."),
    )
    bentuk = models.CharField(
        _("bentuk informasi"),
        max_length=20,
        choices=BentukInformasi.choices,
        default=BentukInformasi.CETAK_ELEKTRONIK,
        help_text=_("Tercetak, elektronik, atau keduanya."),
    )
    jangka_waktu_penyimpanan = models.CharField(
        _("jangka waktu penyimpanan"),
        max_length=100,
        help_text=_("Misalnya: 5 tahun, atau Selama berlaku."),
    )
    kategori = models.CharField(
        _("kategori"),
        max_length=20,
        choices=KategoriInformasi.choices,
        db_index=True,
        help_text=_("Kategori menurut UU 14/2008 Pasal 9, 10, 11 atau 17."),
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"),
        db_index=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
        help_text=_("Tahun informasi."),
    )
    keterangan = RichTextField(
        _("keterangan"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Penjelasan tambahan untuk pembaca."),
    )
    dasar_pengecualian = models.CharField(
        _("dasar pengecualian"),
        max_length=1,
        choices=DasarPengecualian.choices,
        blank=True,
        help_text=_("Wajib untuk informasi yang dikecualikan."),
    )
    uji_konsekuensi = models.TextField(
        _("uji konsekuensi"),
        blank=True,
        help_text=_(
            "Wajib untuk informasi yang dikecualikan: akibat yang timbul bila informasi "
            "dibuka, dan mengapa menutupnya melindungi kepentingan yang lebih besar."
        ),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tag"), through=InformasiPublikTag, blank=True
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("nomor"),
                FieldPanel("ringkasan"),
                FieldPanel("kategori"),
                FieldPanel("tahun"),
                FieldPanel("perangkat_daerah"),
                FieldPanel("penanggung_jawab"),
                FieldPanel("waktu_pembuatan"),
                FieldPanel("tempat_pembuatan"),
                FieldPanel("bentuk"),
                FieldPanel("jangka_waktu_penyimpanan"),
            ],
            heading=_("Kolom DIP"),
        ),
        MultiFieldPanel(
            [FieldPanel("dasar_pengecualian"), FieldPanel("uji_konsekuensi")],
            heading=_("Informasi dikecualikan (Pasal 17)"),
        ),
        FieldPanel("keterangan"),
        InlinePanel("dokumen", label=_("Dokumen"), max_num=20),
        FieldPanel("tags"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("nomor"),
        index.SearchField("ringkasan"),
        index.SearchField("keterangan"),
        index.FilterField("kategori"),
        index.FilterField("tahun"),
        index.RelatedFields("perangkat_daerah", [index.SearchField("nama")]),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("nomor"),
        APIField("ringkasan"),
        APIField("kategori"),
        APIField("tahun"),
        APIField("perangkat_daerah", serializer=PerangkatDaerahSerializer()),
        APIField("penanggung_jawab"),
        APIField("waktu_pembuatan"),
        APIField("tempat_pembuatan"),
        APIField("bentuk"),
        APIField("jangka_waktu_penyimpanan"),
        APIField("keterangan"),
        APIField("dasar_pengecualian"),
        APIField("uji_konsekuensi"),
        APIField("tags"),
        APIField("dokumen_terbuka", serializer=DokumenSerializer(many=True)),
    ]

    parent_page_types = ["ppid.InformasiPublikIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("informasi publik")
        verbose_name_plural = _("informasi publik")

    @property
    def is_dikecualikan(self):
        return self.kategori == KategoriInformasi.DIKECUALIKAN

    @cached_property
    def dokumen_terbuka(self):
        """Documents readers may download: none for dikecualikan information."""
        if self.is_dikecualikan:
            return []
        return list(self.dokumen.select_related("document"))

    def clean(self):
        super().clean()
        if self.is_dikecualikan:
            errors = {}
            if not self.dasar_pengecualian:
                errors["dasar_pengecualian"] = _(
                    "Informasi yang dikecualikan wajib menyebut dasar Pasal 17."
                )
            if not self.uji_konsekuensi.strip():
                errors["uji_konsekuensi"] = _(
                    "Informasi yang dikecualikan wajib memuat uji konsekuensi."
                )
            if errors:
                raise ValidationError(errors)


def exempt_document_ids():
    """Ids of the documents attached to any dikecualikan DIP item (Pasal 17), as a
    subquery: these are never public files nor listed with a download URL."""
    return InformasiPublikDokumen.objects.filter(
        page__kategori=KategoriInformasi.DIKECUALIKAN
    ).values("document_id")


def is_dikecualikan_document(document):
    """Whether ``document`` is attached to any dikecualikan DIP item."""
    return exempt_document_ids().filter(document=document).exists()
