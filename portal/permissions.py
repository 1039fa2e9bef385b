from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from portal.roles import ADMIN_PORTAL, group_names


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Users with the view permission may look; nobody adds, edits or deletes.

    Used for reference data that is loaded by migrations (kecamatan, desa/kelurahan).
    """

    read_only_actions = {"view"}

    def user_has_permission(self, user, action):
        return action in self.read_only_actions and super().user_has_permission(
            user, action
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Only superusers and the Admin Portal see login lockouts and clear them
    (deleting the record); nobody adds or edits one."""

    actions = {"view", "delete"}

    def user_has_permission(self, user, action):
        return (
            action in self.actions
            and user.is_active
            and (user.is_superuser or ADMIN_PORTAL in group_names(user))
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return self.user_model._default_manager.none()
        return (
            self.user_model._default_manager.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name=ADMIN_PORTAL))
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
