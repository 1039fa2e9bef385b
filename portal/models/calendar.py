from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class HariLibur(models.Model):
    """An extra non-working day entered by an admin (a local holiday or a changed SKB).

    National holidays and cuti bersama come from the ``holidays`` package; this
    table only holds what that package cannot know.
    """

    tanggal = models.DateField(
        _("tanggal"), unique=True, help_text=_("Tanggal kantor pemerintah tutup.")
    )
    nama = models.CharField(
        _("nama"),
        max_length=200,
        help_text=_(
            "Misalnya: Hari Jadi Kabupaten Langkat, atau perubahan SKB cuti bersama."
        ),
    )
    keterangan = models.TextField(
        _("keterangan"),
        blank=True,
        help_text=_("Dasar penetapan, misalnya nomor SK Bupati."),
    )

    panels = [FieldPanel("tanggal"), FieldPanel("nama"), FieldPanel("keterangan")]

    class Meta:
        ordering = ["-tanggal"]
        verbose_name = _("hari libur tambahan")
        verbose_name_plural = _("hari libur tambahan")

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"
