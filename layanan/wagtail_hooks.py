"""Registration of the e-kecamatan admin (menu, permission policy, dashboard).

Other e-kecamatan admin views (the IKM report) join the "e-kecamatan" menu through
``layanan.viewsets.E_KECAMATAN_MENU_HOOK``: register a function under that hook
name returning a ``MenuItem``, or register a viewset whose ``menu_hook`` is it.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from layanan import log_actions
from layanan.dashboard import PermohonanDashboardPanel, StandarLayananDashboardPanel
from layanan.models import Permohonan
from layanan.viewsets import EKecamatanViewSetGroup, PermohonanPermissionPolicy
from portal.log_actions import register_formatters
from portal.models import ScopedLogEntry

register_permission_policy(Permohonan, PermohonanPermissionPolicy(Permohonan))


@hooks.register("register_admin_viewset")
def register_e_kecamatan():
    return EKecamatanViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_e_kecamatan_panels(request, panels):
    panels.append(PermohonanDashboardPanel(request))
    panels.append(StandarLayananDashboardPanel(request))


@hooks.register("register_admin_viewset")
def register_ikm_report():
    from layanan.ikm_views import IKMReportViewSet

    return IKMReportViewSet()


@hooks.register("register_log_actions")
def register_scoped_audit_log(actions):
    actions.register_model(Permohonan, ScopedLogEntry)


@hooks.register("register_log_actions")
def register_letter_actions(actions):
    register_formatters(actions, log_actions.FORMATTERS)
