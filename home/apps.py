from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page, standard pages and news."""

    name = "home"
    verbose_name = _("Beranda dan halaman")
