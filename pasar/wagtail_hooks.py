from wagtail import hooks
from wagtail.permissions import register_permission_policy

from pasar import log_actions
from pasar.dashboard import UMKMDashboardPanel
from pasar.models import UMKM
from pasar.viewsets import PasarViewSetGroup, UMKMPermissionPolicy
from portal.log_actions import register_formatters

register_permission_policy(UMKM, UMKMPermissionPolicy(UMKM))


@hooks.register("register_admin_viewset")
def register_pasar():
    return PasarViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_umkm_panel(request, panels):
    panels.append(UMKMDashboardPanel(request))


@hooks.register("register_log_actions")
def register_umkm_actions(actions):
    register_formatters(actions, log_actions.FORMATTERS)
