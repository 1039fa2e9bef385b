from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from pengaduan.kip_tasks import KIP_REMINDER_ACTION
from pengaduan.kip_viewsets import (
    KeberatanPermissionPolicy,
    LayananInformasiViewSetGroup,
    PPIDDashboardPanel,
    PPIDPermissionPolicy,
)
from pengaduan.models import Keberatan, Laporan, PermohonanInformasi
from pengaduan.tasks import REMINDER_ACTION
from pengaduan.viewsets import (
    ELagaViewSetGroup,
    LaporanDashboardPanel,
    LaporanPermissionPolicy,
)
from portal.models import ScopedLogEntry

register_permission_policy(Laporan, LaporanPermissionPolicy(Laporan))
register_permission_policy(
    PermohonanInformasi, PPIDPermissionPolicy(PermohonanInformasi)
)
register_permission_policy(Keberatan, KeberatanPermissionPolicy(Keberatan))


@hooks.register("register_admin_viewset")
def register_elaga():
    return ELagaViewSetGroup()


@hooks.register("register_admin_viewset")
def register_layanan_informasi():
    return LayananInformasiViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_laporan_panel(request, panels):
    panels.append(LaporanDashboardPanel(request))


@hooks.register("construct_homepage_panels")
def add_layanan_informasi_panel(request, panels):
    panels.append(PPIDDashboardPanel(request))


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
    actions.register_action(
        KIP_REMINDER_ACTION,
        _("Pengingat batas waktu PPID"),
        _("Pengingat batas waktu dikirim ke petugas PPID"),
    )
