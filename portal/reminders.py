"""The shared steps of the daily deadline reminders (e-laga, KIP): who receives
them, and each item named at most once a day, recorded in the audit log."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry


def role_emails(role):
    """Addresses of the active members of the group ``role``."""
    return sorted(
        set(
            get_user_model()
            .objects.filter(is_active=True, groups__name=role)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def not_yet_reminded(items, action, today):
    """The ``items`` (of one model) no ``action`` reminder named on ``today``."""
    if not items:
        return []
    reminded = set(
        log_registry.get_log_model_for_instance(items[0])
        .objects.filter(
            content_type=ContentType.objects.get_for_model(items[0]),
            action=action,
            object_id__in=[str(item.pk) for item in items],
            data__tanggal=today.isoformat(),
        )
        .values_list("object_id", flat=True)
    )
    return [item for item in items if str(item.pk) not in reminded]


def mark_reminded(items, action, today):
    """Record in the audit log that ``action`` named each of ``items`` on ``today``,
    with the deadline it named (:class:`portal.log_actions.ReminderFormatter`)."""
    for item in items:
        data = {"tanggal": today.isoformat()}
        deadline = getattr(item, "batas_waktu", None)
        if deadline:
            data["batas_waktu"] = deadline.isoformat()
        log(instance=item, action=action, data=data)
