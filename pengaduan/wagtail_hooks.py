from wagtail import hooks
from wagtail.permissions import register_permission_policy

from pengaduan import log_actions
from pengaduan.dashboard import LaporanDashboardPanel
from pengaduan.models import Laporan
from pengaduan.viewsets import ELagaViewSetGroup, LaporanPermissionPolicy
from portal.log_actions import register_formatters
from portal.models import ScopedLogEntry

register_permission_policy(Laporan, LaporanPermissionPolicy(Laporan))


@hooks.register("register_admin_viewset")
def register_elaga():
    return ELagaViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_laporan_panel(request, panels):
    panels.append(LaporanDashboardPanel(request))


@hooks.register("register_log_actions")
def register_scoped_audit_log(actions):
    actions.register_model(Laporan, ScopedLogEntry)


@hooks.register("register_log_actions")
def register_laporan_actions(actions):
    register_formatters(actions, log_actions.FORMATTERS)
