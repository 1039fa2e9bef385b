from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.models import Desa, Kecamatan
from portal.permissions import LockoutPermissionPolicy, ReadOnlyPermissionPolicy
from portal.status import STATUS_CHANGE_ACTION
from portal.viewsets import LoginLockoutViewSet, ReferenceDataGroup

register_permission_policy(Kecamatan, ReadOnlyPermissionPolicy(Kecamatan))
register_permission_policy(Desa, ReadOnlyPermissionPolicy(Desa))
register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


@hooks.register("register_admin_viewset")
def register_reference_data():
    return ReferenceDataGroup()


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet()


@hooks.register("register_log_actions")
def register_status_change_action(actions):
    actions.register_action(STATUS_CHANGE_ACTION, _("Ubah status"), _("Status diubah"))
