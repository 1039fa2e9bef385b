from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengaduanConfig(AppConfig):
    """e-laga: complaints and aspirations, their statistics, and Open311."""

    name = "pengaduan"
    verbose_name = _("e-laga")
