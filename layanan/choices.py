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


class JenisHasil(models.TextChoices):
    """What a completed application hands the applicant (issue 17: never nothing)."""

    SURAT = "surat", _("Surat diterbitkan dari templat")
    BERKAS = "berkas", _("Berkas hasil diunggah petugas")
    AMBIL = "ambil", _("Diambil di kantor camat")


# The respondent profile of the IKM questionnaire (PermenPANRB 14/2017, annex):
# every item is optional for the respondent.


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", _("Laki-laki")
    PEREMPUAN = "P", _("Perempuan")


class Pendidikan(models.TextChoices):
    SD = "sd", _("SD")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA")
    S1 = "s1", _("S1")
    S2 = "s2", _("S2")
    S3 = "s3", _("S3")


class Pekerjaan(models.TextChoices):
    PNS = "pns", _("PNS")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("POLRI")
    SWASTA = "swasta", _("Swasta")
    WIRAUSAHA = "wirausaha", _("Wirausaha")
    LAINNYA = "lainnya", _("Lainnya")


#: Age groups of the IKM report: (code, label, lowest age, highest age).
KELOMPOK_USIA = [
    ("u_lt20", _("Di bawah 20 tahun"), 0, 19),
    ("u20", _("20-29 tahun"), 20, 29),
    ("u30", _("30-39 tahun"), 30, 39),
    ("u40", _("40-49 tahun"), 40, 49),
    ("u50", _("50-59 tahun"), 50, 59),
    ("u60", _("60 tahun ke atas"), 60, 200),
]
