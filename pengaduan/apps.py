from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengaduanConfig(AppConfig):
    """e-laga: complaints, aspirations, and KIP information requests and objections."""

    name = "pengaduan"
    verbose_name = _("e-laga")
