from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.choices import JenisPerangkatDaerah


class PerangkatDaerah(index.Indexed, models.Model):
    """A regional government office (OPD); reports and requests are sent to it."""

    nama = models.CharField(
        _("nama"),
        max_length=200,
        unique=True,
        help_text=_("Nama lengkap perangkat daerah."),
    )
    singkatan = models.CharField(
        _("singkatan"),
        max_length=30,
        blank=True,
        help_text=_("Singkatan yang dikenal warga, misalnya Diskominfo."),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    jenis = models.CharField(
        _("jenis"),
        max_length=20,
        choices=JenisPerangkatDaerah.choices,
        default=JenisPerangkatDaerah.DINAS,
        help_text=_("Jenis perangkat daerah menurut PP 18/2016."),
    )
    alamat = models.TextField(_("alamat"), blank=True, help_text=_("Alamat kantor."))
    telepon = models.CharField(
        _("telepon"), max_length=30, blank=True, help_text=_("Nomor telepon kantor.")
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Alamat email resmi kantor.")
    )
    situs_web = models.URLField(
        _("situs web"), blank=True, help_text=_("Alamat situs web kantor, jika ada.")
    )
    aktif = models.BooleanField(
        _("aktif"),
        default=True,
        help_text=_(
            "Kantor yang tidak aktif tidak dapat dipilih untuk disposisi baru."
        ),
    )

    panels = [
        FieldPanel("nama"),
        FieldPanel("singkatan"),
        FieldPanel("slug"),
        FieldPanel("jenis"),
        FieldPanel("alamat"),
        FieldPanel("telepon"),
        FieldPanel("email"),
        FieldPanel("situs_web"),
        FieldPanel("aktif"),
    ]

    search_fields = [
        index.SearchField("nama"),
        index.SearchField("singkatan"),
        index.AutocompleteField("nama"),
        index.FilterField("aktif"),
        index.FilterField("jenis"),
    ]

    class Meta:
        ordering = ["nama"]
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")

    def __str__(self):
        return f"{self.nama} ({self.singkatan})" if self.singkatan else self.nama
