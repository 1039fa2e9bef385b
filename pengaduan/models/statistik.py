from django.db import models
from django.utils.translation import gettext_lazy as _


class DimensiStatistik(models.TextChoices):
    """The groupings of the public statistics that the rollup keeps counts for."""

    KATEGORI = "kategori", _("Kategori")
    KECAMATAN = "kecamatan", _("Kecamatan")
    OPD = "opd", _("Perangkat daerah")


class StatistikLaporan(models.Model):
    """How many reports of one month share one set of figure-relevant values.

    The public statistics read these counts instead of every report: each report
    counts once per grouping (its kategori, its kecamatan, its OPD; ``kunci`` is
    that row's id, 0 for "not yet dispatched"), with its status, whether it was
    resolved on time and the working days to its first answer. Kept exact by
    ``pengaduan.statistics_rollup`` in the transaction that changes a report.
    """

    bulan = models.DateField(_("bulan diterima"), help_text=_("Hari pertama bulan."))
    dimensi = models.CharField(
        _("dimensi"), max_length=10, choices=DimensiStatistik.choices
    )
    kunci = models.PositiveBigIntegerField(_("kunci"))
    status = models.CharField(_("status"), max_length=20)
    tepat_waktu = models.BooleanField(_("selesai tepat waktu"), default=False)
    ada_tanggapan = models.BooleanField(_("sudah ditanggapi"), default=False)
    hari_tanggapan = models.PositiveIntegerField(
        _("hari kerja sampai tanggapan pertama"), default=0
    )
    jumlah = models.IntegerField(_("jumlah laporan"), default=0)

    class Meta:
        verbose_name = _("statistik laporan")
        verbose_name_plural = _("statistik laporan")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "bulan",
                    "dimensi",
                    "kunci",
                    "status",
                    "tepat_waktu",
                    "ada_tanggapan",
                    "hari_tanggapan",
                ],
                name="statistik_laporan_unik",
            )
        ]

    def __str__(self):
        return f"{self.bulan:%Y-%m} {self.dimensi} {self.kunci}: {self.jumlah}"
