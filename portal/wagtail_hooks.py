from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.models import Desa, Kecamatan
from portal.permissions import ReadOnlyPermissionPolicy
from portal.viewsets import ReferenceDataGroup

register_permission_policy(Kecamatan, ReadOnlyPermissionPolicy(Kecamatan))
register_permission_policy(Desa, ReadOnlyPermissionPolicy(Desa))


@hooks.register("register_admin_viewset")
def register_reference_data():
    return ReferenceDataGroup()
