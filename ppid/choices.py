from django.db import models
from django.utils.translation import gettext_lazy as _


class KategoriInformasi(models.TextChoices):
    """The four categories of public information of UU 14/2008."""

    BERKALA = "berkala", _("Berkala")
    SERTA_MERTA = "serta_merta", _("Serta-merta")
    SETIAP_SAAT = "setiap_saat", _("Tersedia setiap saat")
    DIKECUALIKAN = "dikecualikan", _("Dikecualikan")


class BentukInformasi(models.TextChoices):
    """Whether the information exists in print, electronically, or both."""

    CETAK = "cetak", _("Tercetak")
    ELEKTRONIK = "elektronik", _("Elektronik")
    CETAK_ELEKTRONIK = "cetak_elektronik", _("Tercetak dan elektronik")


class TingkatPengumuman(models.TextChoices):
    """How urgent a serta-merta announcement is; sets the banner's look."""

    INFO = "info", _("Informasi")
    WASPADA = "waspada", _("Waspada")
    AWAS = "awas", _("Awas (darurat)")


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
