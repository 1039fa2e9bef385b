from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import ProcedureStepBlock
from portal.models import BasePage
from portal.visibility import public

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class PPIDPage(BasePage):
    """The PPID section: profile, maklumat pelayanan and the information service standard."""

    profil = RichTextField(
        _("profil PPID"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Dasar hukum, tugas dan struktur PPID."),
    )
    maklumat_pelayanan = RichTextField(
        _("maklumat pelayanan"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Janji layanan PPID kepada pemohon informasi."),
    )
    prosedur = StreamField(
        [("langkah", ProcedureStepBlock())],
        verbose_name=_("prosedur permohonan informasi"),
        blank=True,
        help_text=_("Langkah-langkah permohonan informasi, berurutan."),
    )
    jangka_waktu = models.TextField(
        _("jangka waktu layanan"),
        default=(
            "Permohonan dijawab paling lama 10 hari kerja sejak diterima dan dapat "
            "diperpanjang paling lama 7 hari kerja dengan pemberitahuan tertulis. "
            "Keberatan dijawab atasan PPID paling lama 30 hari kerja."
        ),
        help_text=_("Batas waktu menurut UU 14/2008 dan Perki 1/2021."),
    )
    biaya = models.CharField(
        _("biaya"),
        max_length=200,
        default="Gratis. Pemohon hanya menanggung biaya penggandaan atau pengiriman salinan.",
        help_text=_("Biaya layanan informasi."),
    )
    jam_layanan = models.TextField(
        _("jam layanan"),
        blank=True,
        help_text=_("Satu baris per hari atau rentang hari."),
    )
    alamat = models.TextField(
        _("alamat"), blank=True, help_text=_("Alamat layanan PPID.")
    )
    telepon = models.CharField(
        _("telepon"), max_length=50, blank=True, help_text=_("Telepon layanan PPID.")
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Email layanan PPID.")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("profil"),
        FieldPanel("maklumat_pelayanan"),
        MultiFieldPanel(
            [FieldPanel("prosedur"), FieldPanel("jangka_waktu"), FieldPanel("biaya")],
            heading=_("Standar layanan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("jam_layanan"),
                FieldPanel("alamat"),
                FieldPanel("telepon"),
                FieldPanel("email"),
            ],
            heading=_("Jam layanan dan kontak"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("profil"),
        index.SearchField("maklumat_pelayanan"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("profil"),
        APIField("maklumat_pelayanan"),
        APIField("prosedur"),
        APIField("jangka_waktu"),
        APIField("biaya"),
        APIField("jam_layanan"),
        APIField("alamat"),
        APIField("telepon"),
        APIField("email"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "ppid.InformasiPublikIndexPage",
        "ppid.PengumumanIndexPage",
        "home.StandardPage",
        "ppid.LayananInformasiPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("halaman PPID")
        verbose_name_plural = _("halaman PPID")

    @property
    def jam_layanan_lines(self):
        return [line.strip() for line in self.jam_layanan.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = public(self.get_children().live()).specific()
        return context
