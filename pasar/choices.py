from django.db import models
from django.utils.translation import gettext_lazy as _


class Ketersediaan(models.TextChoices):
    TERSEDIA = "tersedia", _("Tersedia")
    PESAN_DULU = "pesan_dulu", _("Pesan dulu (pre-order)")
    HABIS = "habis", _("Sedang habis")
