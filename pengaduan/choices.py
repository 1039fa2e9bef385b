from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisLaporan(models.TextChoices):
    """Kinds of e-laga reports, as in SP4N-LAPOR!."""

    PENGADUAN = "pengaduan", _("Pengaduan")
    ASPIRASI = "aspirasi", _("Aspirasi")


class StatusLaporan(models.TextChoices):
    """The lifecycle of a report (DESIGN §4.2)."""

    BARU = "baru", _("Baru")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DITOLAK = "ditolak", _("Ditolak")
    DIDISPOSISIKAN = "didisposisikan", _("Didisposisikan")
    DITINDAKLANJUTI = "ditindaklanjuti", _("Ditindaklanjuti")
    SELESAI = "selesai", _("Selesai")
    DITUTUP = "ditutup", _("Ditutup")


class TargetPenyelesaian(models.IntegerChoices):
    """Resolution targets in hari kerja (SP4N-LAPOR! tiers)."""

    CEPAT = 2, _("2 hari kerja")
    SEDANG = 5, _("5 hari kerja")
    BIASA = 14, _("14 hari kerja")
    KOMPLEKS = 60, _("60 hari kerja")


class JenisCatatan(models.TextChoices):
    """What a timeline entry records besides status changes."""

    STATUS = "status", _("Perubahan status")
    TINDAK_LANJUT = "tindak_lanjut", _("Tindak lanjut")
    INFO_PELAPOR = "info_pelapor", _("Informasi tambahan dari pelapor")
    CATATAN_INTERNAL = "catatan_internal", _("Catatan internal")
