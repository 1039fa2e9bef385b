"""Admin permissions scoped to what each officer may see (DESIGN §5).

An app gives its model a ``scope(user)`` queryset (e.g. ``Model.objects.for_user``);
the policy applies it to every instance check and listing, so a record outside the
user's scope behaves as if it did not exist. Operational records are never added or
copied in the admin (they come from citizens through the services), and only
superusers delete them.
"""

from wagtail.permission_policies import ModelPermissionPolicy


class ServiceRecordPermissionPolicy(ModelPermissionPolicy):
    """Model permissions of records that come from citizens through the services.

    The actions in ``disabled_actions`` are never offered, and only superusers
    delete.
    """

    #: Actions the admin never offers for this model (they go through services).
    disabled_actions = frozenset({"add", "copy"})

    def user_has_permission(self, user, action):
        if action in self.disabled_actions:
            return False
        if action == "delete":
            return user.is_active and user.is_superuser
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ScopedModelPermissionPolicy(ServiceRecordPermissionPolicy):
    """Model permissions, narrowed to the records in the user's scope."""

    def scope(self, user):
        """The records ``user`` may see at all."""
        raise NotImplementedError

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.scope(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(user)


class ScopedObjectMixin:
    """Generic admin views (edit, delete, inspect) fetch the object from the scope.

    Outside the user's scope the object is a 404, whatever the URL.
    """

    def get_queryset(self):
        return self.permission_policy.scope(self.request.user)


class ScopedListingObjectMixin:
    """History and usage listings of an object in the user's scope only."""

    def get_base_object_queryset(self):
        return self.permission_policy.scope(self.request.user)
