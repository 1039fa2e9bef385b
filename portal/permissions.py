from wagtail.permission_policies import ModelPermissionPolicy


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
