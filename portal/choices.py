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
