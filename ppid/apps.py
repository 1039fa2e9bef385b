from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PPIDConfig(AppConfig):
    """Everything of UU 14/2008 and Perki 1/2021: the PPID page, the Daftar Informasi
    Publik, serta-merta announcements, information requests and objections."""

    name = "ppid"
    verbose_name = _("PPID (keterbukaan informasi publik)")
