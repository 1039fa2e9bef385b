from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package and the shared core every app builds on."""

    name = "portal"
    verbose_name = _("Inti Portal")
    default_auto_field = "django.db.models.BigAutoField"
