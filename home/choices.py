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
