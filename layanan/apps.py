from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LayananConfig(AppConfig):
    """e-kecamatan: kecamatan service standards, applications and IKM surveys."""

    name = "layanan"
    verbose_name = _("e-kecamatan")
