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


class StatusPermohonan(models.TextChoices):
    """The lifecycle of a KIP information request (DESIGN §4.3)."""

    DITERIMA = "diterima", _("Diterima")
    DIPERPANJANG = "diperpanjang", _("Diperpanjang")
    DIPUTUSKAN = "diputuskan", _("Diputuskan")
    DISAMPAIKAN = "disampaikan", _("Disampaikan")


class KeputusanPermohonan(models.TextChoices):
    """The PPID's decision on a request (Perki 1/2021)."""

    DIBERIKAN_SELURUHNYA = "seluruhnya", _("Diberikan seluruhnya")
    DIBERIKAN_SEBAGIAN = "sebagian", _("Diberikan sebagian")
    DITOLAK = "ditolak", _("Ditolak (informasi dikecualikan)")
    TIDAK_DIKUASAI = "tidak_dikuasai", _("Informasi tidak dikuasai")
    BELUM_DIDOKUMENTASIKAN = (
        "belum_didokumentasikan",
        _("Informasi belum didokumentasikan"),
    )


class JenisIdentitas(models.TextChoices):
    KTP = "ktp", _("KTP (NIK)")
    PASPOR = "paspor", _("Paspor")
    SIM = "sim", _("SIM")
    AKTA = "akta", _("Akta pendirian badan hukum")


class CaraMemperoleh(models.TextChoices):
    """How the requester wants to obtain the information (Pasal 4 UU 14/2008)."""

    MELIHAT = "melihat", _("Melihat, membaca, mendengarkan atau mencatat")
    SALINAN = "salinan", _("Mendapatkan salinan (hardcopy/softcopy)")


class CaraPenyampaian(models.TextChoices):
    """How a copy reaches the requester."""

    AMBIL = "ambil", _("Mengambil langsung")
    POS = "pos", _("Pos")
    KURIR = "kurir", _("Kurir")
    EMAIL = "email", _("Email")


class AlasanKeberatan(models.TextChoices):
    """The grounds of an objection, Pasal 35 ayat (1) huruf a-g UU 14/2008."""

    A = "a", _("a. Permohonan ditolak dengan alasan pengecualian Pasal 17")
    B = "b", _("b. Informasi berkala (Pasal 9) tidak disediakan")
    C = "c", _("c. Permohonan tidak ditanggapi")
    D = "d", _("d. Permohonan ditanggapi tidak sebagaimana yang diminta")
    E = "e", _("e. Permohonan tidak dipenuhi")
    F = "f", _("f. Pengenaan biaya yang tidak wajar")
    G = "g", _("g. Informasi disampaikan melebihi jangka waktu")


class StatusKeberatan(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan")
    DIJAWAB = "dijawab", _("Dijawab")


class PutusanKeberatan(models.TextChoices):
    """The outcome of an objection decided by the atasan PPID."""

    DIKABULKAN = "dikabulkan", _("Dikabulkan")
    DIKABULKAN_SEBAGIAN = "dikabulkan_sebagian", _("Dikabulkan sebagian")
    DITOLAK = "ditolak", _("Ditolak")
