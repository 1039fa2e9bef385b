from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PasarConfig(AppConfig):
    """e-pasar: UMKM profiles and moderated product pages."""

    name = "pasar"
    verbose_name = _("e-pasar")

    def ready(self):
        from pasar import signals

        signals.connect()
