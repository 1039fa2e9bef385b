import django_filters
from axes.models import AccessAttempt
from django.db import models
from wagtail import hooks
from wagtail.admin.active_filters import register_filter_adapter_class
from wagtail.admin.ui.fields import register_display_class
from wagtail.permissions import register_permission_policy

from portal.admin_display import YesNoDisplay, YesNoFilterAdapter
from portal.dashboard import PageDraftsPanel, keep_page_panels_for_page_users
from portal.log_actions import StatusChangeFormatter, register_formatters
from portal.models import Desa, Kecamatan
from portal.permissions import LockoutPermissionPolicy, ReadOnlyPermissionPolicy
from portal.status import STATUS_CHANGE_ACTION
from portal.viewsets import LoginLockoutViewSet, ReferenceDataGroup

register_permission_policy(Kecamatan, ReadOnlyPermissionPolicy(Kecamatan))
register_permission_policy(Desa, ReadOnlyPermissionPolicy(Desa))
register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))
hooks.register("construct_homepage_panels", keep_page_panels_for_page_users)
# Yes/no values read "Ya"/"Tidak" in inspect views and active filter pills.
register_display_class(models.BooleanField, display_class=YesNoDisplay)
register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)


@hooks.register("construct_homepage_panels")
def add_page_drafts_panel(request, panels):
    panels.append(PageDraftsPanel(request))


@hooks.register("register_admin_viewset")
def register_reference_data():
    return ReferenceDataGroup()


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet()


@hooks.register("register_log_actions")
def register_status_change_action(actions):
    register_formatters(actions, {STATUS_CHANGE_ACTION: StatusChangeFormatter})
