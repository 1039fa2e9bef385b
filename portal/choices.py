from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisDesa(models.TextChoices):
    """Whether a village is a desa (village government) or a kelurahan (urban ward)."""

    DESA = "desa", _("Desa")
    KELURAHAN = "kelurahan", _("Kelurahan")
    BELUM_DIKETAHUI = "", _("Belum diketahui")


class JenisPerangkatDaerah(models.TextChoices):
    """Kinds of regional government offices (Perangkat Daerah, PP 18/2016)."""

    SEKRETARIAT = "sekretariat", _("Sekretariat")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    SATUAN = "satuan", _("Satuan")
    BAGIAN = "bagian", _("Bagian")
    KECAMATAN = "kecamatan", _("Kecamatan")


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
