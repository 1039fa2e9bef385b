from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .organisation import PerangkatDaerah
from .wilayah import Kecamatan


class ProfilPetugas(models.Model):
    """Links an officer's account to the OPD or kecamatan whose records they may see."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="profil_petugas",
        help_text=_("Akun petugas di admin."),
    )
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah,
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petugas",
        help_text=_("Untuk Petugas OPD: laporan yang didisposisikan ke OPD ini."),
    )
    kecamatan = models.ForeignKey(
        Kecamatan,
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petugas",
        help_text=_("Untuk Petugas Kecamatan: permohonan layanan di kecamatan ini."),
    )
    jabatan = models.CharField(
        _("jabatan"), max_length=150, blank=True, help_text=_("Jabatan petugas.")
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("perangkat_daerah"),
        FieldPanel("kecamatan"),
        FieldPanel("jabatan"),
    ]

    class Meta:
        verbose_name = _("profil petugas")
        verbose_name_plural = _("profil petugas")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(perangkat_daerah__isnull=True)
                | models.Q(kecamatan__isnull=True),
                name="petugas_either_opd_or_kecamatan",
            )
        ]

    def __str__(self):
        unit = self.perangkat_daerah or self.kecamatan or _("tanpa unit")
        return f"{self.user.get_full_name() or self.user.get_username()} — {unit}"

    def clean(self):
        if self.perangkat_daerah_id and self.kecamatan_id:
            raise ValidationError(
                _(
                    "Petugas ditugaskan ke satu unit saja: "
                    "perangkat daerah atau kecamatan."
                )
            )
