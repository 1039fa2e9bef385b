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


class DasarPengecualian(models.TextChoices):
    """The grounds of Pasal 17 UU 14/2008 on which information may be withheld."""

    HURUF_A = "a", _("Pasal 17 huruf a: menghambat proses penegakan hukum")
    HURUF_B = (
        "b",
        _(
            "Pasal 17 huruf b: mengganggu perlindungan hak kekayaan intelektual dan "
            "persaingan usaha tidak sehat"
        ),
    )
    HURUF_C = "c", _("Pasal 17 huruf c: membahayakan pertahanan dan keamanan negara")
    HURUF_D = "d", _("Pasal 17 huruf d: mengungkapkan kekayaan alam Indonesia")
    HURUF_E = "e", _("Pasal 17 huruf e: merugikan ketahanan ekonomi nasional")
    HURUF_F = "f", _("Pasal 17 huruf f: merugikan kepentingan hubungan luar negeri")
    HURUF_G = (
        "g",
        _(
            "Pasal 17 huruf g: mengungkapkan isi akta otentik yang bersifat pribadi dan "
            "kemauan terakhir atau wasiat seseorang"
        ),
    )
    HURUF_H = "h", _("Pasal 17 huruf h: mengungkap rahasia pribadi")
    HURUF_I = (
        "i",
        _(
            "Pasal 17 huruf i: memorandum atau surat antar badan publik yang menurut "
            "sifatnya dirahasiakan"
        ),
    )
    HURUF_J = (
        "j",
        _("Pasal 17 huruf j: tidak boleh diungkapkan berdasarkan undang-undang"),
    )


class TingkatPengumuman(models.TextChoices):
    """How urgent a serta-merta announcement is; sets the banner's look."""

    INFO = "info", _("Informasi")
    WASPADA = "waspada", _("Waspada")
    AWAS = "awas", _("Awas (darurat)")
