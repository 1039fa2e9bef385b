from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager


class ScopedLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Entries of the records ``user`` may see, by each model's ``for_user`` scope.

        Wagtail's default filters the audit log by content type only, so an officer
        of one kecamatan or OPD would read the history of every other one's records.
        """
        if user.is_superuser:
            return self.all()
        allowed = Q(pk__in=[])
        content_type_ids = self.values_list("content_type_id", flat=True).distinct()
        for content_type_id in content_type_ids:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            visible = (
                model._default_manager.for_user(user)
                .annotate(log_object_id=Cast("pk", CharField()))
                .values("log_object_id")
            )
            allowed |= Q(content_type_id=content_type_id, object_id__in=visible)
        return self.filter(allowed)


class ScopedLogEntry(BaseLogEntry):
    """Audit log of records officers see only within their scope (OPD, kecamatan).

    Apps register such models with ``actions.register_model(Model, ScopedLogEntry)``
    in ``register_log_actions``; the model's default manager must offer ``for_user``.
    """

    object_id = models.CharField(max_length=255, blank=False, db_index=True)

    objects = ScopedLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("log terbatas")
        verbose_name_plural = _("log terbatas")

    def __str__(self):
        return f"{self.action} — {self.object_verbose_name} {self.object_id}"
