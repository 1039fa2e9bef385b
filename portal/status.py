"""Status machines and timelines shared by every kind of submission.

Each app declares which status may follow which; :func:`change_status` is the one way a
status changes: it checks the transition, writes the timeline entry and the audit log.
Apps wrap it in their own service functions, which add their side effects.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.log_actions import logged_note

STATUS_CHANGE_ACTION = "portal.status_change"


class InvalidTransition(ValidationError):
    """A status change that the item's status machine does not allow."""


@dataclass(frozen=True)
class StatusMachine:
    """Which status may follow which: ``{from_status: {to_status, …}}``."""

    transitions: dict
    labels: dict

    def allowed_from(self, status):
        return self.transitions.get(status, frozenset())

    def check(self, from_status, to_status):
        if to_status not in self.allowed_from(from_status):
            raise InvalidTransition(
                _("Status tidak dapat diubah dari “%(from)s” ke “%(to)s”.")
                % {
                    "from": self.labels.get(from_status, from_status),
                    "to": self.labels.get(to_status, to_status),
                }
            )


class TimelineEntry(models.Model):
    """Abstract timeline entry: one event in the life of a submission.

    Public entries are shown to the submitter (and on public pages when the item is
    public); internal ones only to officers.
    """

    created_at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status_from = models.CharField(_("status sebelumnya"), max_length=30, blank=True)
    status_to = models.CharField(_("status baru"), max_length=30, blank=True)
    message = models.TextField(_("pesan"), blank=True)
    is_public = models.BooleanField(
        _("publik"), default=True, help_text=_("Terlihat oleh pelapor/pemohon.")
    )

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]


def change_status(
    item,
    machine,
    to_status,
    *,
    timeline,
    user=None,
    message="",
    public=True,
    data=None,
):
    """Move ``item`` to ``to_status``: check, save, add a timeline entry, write the audit log.

    ``timeline`` is the related manager of the item's timeline entries. Returns the entry.
    The caller runs this inside a transaction and saves any other fields it changed.

    The audit log keeps the statuses and ``message`` as the note (``catatan``);
    ``data`` adds to or replaces that, e.g. ``{"keterangan": office name}`` or a
    note without the citizen's own words (:class:`portal.log_actions.StatusChangeFormatter`
    reads it). Never put a citizen's identity in it.
    """
    from_status = item.status
    machine.check(from_status, to_status)
    item.status = to_status
    item.save()
    entry = timeline.create(
        author=user if user and user.is_authenticated else None,
        status_from=from_status,
        status_to=to_status,
        message=message,
        is_public=public,
    )
    log_data = {"from": from_status, "to": to_status}
    if message:
        log_data["catatan"] = message
    log_data.update(data or {})
    if "catatan" in log_data:
        log_data["catatan"] = logged_note(log_data["catatan"])
    log(
        instance=item,
        action=STATUS_CHANGE_ACTION,
        user=user if user and user.is_authenticated else None,
        data={key: value for key, value in log_data.items() if value},
    )
    return entry
