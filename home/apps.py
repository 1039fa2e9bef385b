from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page and the editorial pages of the public information portal."""

    name = "home"
    verbose_name = _("Beranda dan halaman")
