from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusPermohonan(models.TextChoices):
    """The lifecycle of a service application (DESIGN §4.4)."""

    DIAJUKAN = "diajukan", _("Diajukan")
    PERLU_PERBAIKAN = "perlu_perbaikan", _("Perlu perbaikan")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DIPROSES = "diproses", _("Diproses")
    SELESAI = "selesai", _("Selesai")
    DITOLAK = "ditolak", _("Ditolak")


#: The nine elements of the IKM survey (PermenPANRB 14/2017), in order U1-U9.
UNSUR_IKM = [
    ("u1", _("Persyaratan")),
    ("u2", _("Sistem, mekanisme dan prosedur")),
    ("u3", _("Waktu penyelesaian")),
    ("u4", _("Biaya/tarif")),
    ("u5", _("Produk spesifikasi jenis pelayanan")),
    ("u6", _("Kompetensi pelaksana")),
    ("u7", _("Perilaku pelaksana")),
    ("u8", _("Penanganan pengaduan, saran dan masukan")),
    ("u9", _("Sarana dan prasarana")),
]

#: The four answers of every element, worst to best (score 1-4).
SKALA_IKM = [
    (1, _("Tidak baik")),
    (2, _("Kurang baik")),
    (3, _("Baik")),
    (4, _("Sangat baik")),
]
