from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.choices import JenisDesa


class Kecamatan(models.Model):
    """One of the 23 kecamatan (districts) of Langkat, loaded from reference data."""

    nama = models.CharField(_("nama"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["nama"]
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")

    def __str__(self):
        return self.nama


class Desa(models.Model):
    """A desa or kelurahan inside a kecamatan, with its postal code."""

    kecamatan = models.ForeignKey(
        Kecamatan,
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="desa",
    )
    nama = models.CharField(_("nama"), max_length=100)
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisDesa.choices, blank=True, default=""
    )
    kode_pos = models.CharField(_("kode pos"), max_length=5, blank=True)

    class Meta:
        ordering = ["kecamatan__nama", "nama"]
        verbose_name = _("desa/kelurahan")
        verbose_name_plural = _("desa/kelurahan")
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "nama"], name="unique_desa_per_kecamatan"
            )
        ]

    def __str__(self):
        return self.nama
