from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from pengaduan.models import Laporan
from pengaduan.services import CONFIDENTIAL_ACTION
from pengaduan.tasks import REMINDER_ACTION
from pengaduan.viewsets import (
    ELagaViewSetGroup,
    LaporanDashboardPanel,
    LaporanPermissionPolicy,
)
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
def register_reminder_action(actions):
    actions.register_action(
        REMINDER_ACTION,
        _("Pengingat batas waktu"),
        _("Pengingat batas waktu dikirim ke moderator"),
    )


@hooks.register("register_log_actions")
def register_confidential_action(actions):
    actions.register_action(
        CONFIDENTIAL_ACTION,
        _("Jadikan rahasia"),
        _("Laporan dijadikan rahasia"),
    )
