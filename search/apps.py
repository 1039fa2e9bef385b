from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site-wide search over every live page."""

    name = "search"
    verbose_name = _("Pencarian")
