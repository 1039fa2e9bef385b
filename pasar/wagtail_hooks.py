from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from pasar.models import UMKM
from pasar.viewsets import PasarViewSetGroup, UMKMPermissionPolicy

register_permission_policy(UMKM, UMKMPermissionPolicy(UMKM))


@hooks.register("register_admin_viewset")
def register_pasar():
    return PasarViewSetGroup()


@hooks.register("register_log_actions")
def register_umkm_actions(actions):
    actions.register_action(
        "pasar.umkm.verify", _("Verifikasi UMKM"), _("UMKM diverifikasi")
    )
    actions.register_action(
        "pasar.umkm.unverify",
        _("Batalkan verifikasi UMKM"),
        _("Verifikasi UMKM dibatalkan"),
    )
