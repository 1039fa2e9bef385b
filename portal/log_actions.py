"""Audit-log messages that tell what happened, read from each entry's ``data``.

Wagtail's history and site-history views show an entry's ``message``, which a
:class:`~wagtail.log_actions.LogFormatter` registered for the entry's action builds
(``register_log_actions``). This module holds the shared pieces: the formatter of
every service record's status change (:data:`portal.status.STATUS_CHANGE_ACTION`)
and of the deadline reminders, and helpers for the apps' own formatters, which each
app keeps in its ``log_actions.py`` and registers from its ``wagtail_hooks.py``.

What the services log is meant to be read by officers: statuses, dates, offices and
the officers' notes; never a citizen's name, NIK, phone or email.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

#: Characters of a note kept in an entry's data.
LOGGED_NOTE_LENGTH = 1000
#: Characters of a note shown in a history row; the record's timeline has it all.
SHOWN_NOTE_LENGTH = 300


def logged_note(text):
    """``text`` (an officer's note) as an entry's data keeps it: trimmed, bounded."""
    return Truncator(str(text or "").strip()).chars(LOGGED_NOTE_LENGTH)


def with_note(message, note):
    """``message``, followed by ``note`` on the same line when there is one."""
    note = " ".join(str(note or "").split())
    if not note:
        return str(message)
    return f"{message}: {Truncator(note).chars(SHOWN_NOTE_LENGTH)}"


def logged_date(value):
    """A date as an entry's data keeps it (ISO text)."""
    return value.isoformat() if value else None


def shown_date(value):
    """A date kept by :func:`logged_date` as officers read it ("3 Maret 2026")."""
    try:
        day = datetime.date.fromisoformat(str(value))
    except ValueError:
        return str(value or "")
    return date_format(day, "j F Y")


def logged_model(log_entry):
    """The model class of the record ``log_entry`` is about (``None`` if gone)."""
    return log_entry.content_type.model_class()


class DataLogFormatter(LogFormatter):
    """A formatter whose message is built from the entry's ``data``.

    Subclasses set ``label`` (the action's name in the history filter) and
    ``message`` (what an entry without data says), and implement :meth:`describe`.
    """

    def format_message(self, log_entry):
        data = log_entry.data if isinstance(log_entry.data, dict) else {}
        return self.describe(data, log_entry)

    def describe(self, data, log_entry):
        return str(self.message)


class StatusChangeFormatter(DataLogFormatter):
    """ "Status: Diverifikasi → Didisposisikan (Dinas PUPR): <catatan>".

    ``data`` holds the status values ``from`` and ``to`` (read with the labels of
    the record's ``status`` field), and optionally ``keterangan`` (the office, the
    decision, a date: shown in brackets) and ``catatan`` (the officer's note). A
    model may name what changed with ``status_log_subject`` ("Status keberatan").
    """

    label = _("Ubah status")
    message = _("Status diubah")

    def describe(self, data, log_entry):
        if not data.get("to"):
            return str(self.message)
        model = logged_model(log_entry)
        labels = self.status_labels(model)
        subject = getattr(model, "status_log_subject", None) or _("Status")
        target = labels.get(data["to"], data["to"])
        if data.get("from"):
            source = labels.get(data["from"], data["from"])
            text = f"{subject}: {source} → {target}"
        else:
            text = f"{subject}: {target}"
        if data.get("keterangan"):
            text = f"{text} ({data['keterangan']})"
        return with_note(text, data.get("catatan"))

    def status_labels(self, model):
        try:
            field = model._meta.get_field("status")
        except (AttributeError, FieldDoesNotExist):
            return {}
        return {value: str(label) for value, label in field.flatchoices}


class ReminderFormatter(DataLogFormatter):
    """ "Pengingat batas waktu dikirim ke moderator: batas waktu 3 Maret 2026
    terlewati" (``data``: the day it was sent, ``tanggal``, and the deadline it
    named, ``batas_waktu``; see :func:`portal.reminders.mark_reminded`).

    Subclasses set ``label`` and ``message`` (who was reminded), or override
    :meth:`get_message`.
    """

    def get_message(self, log_entry):
        return self.message

    def describe(self, data, log_entry):
        message = self.get_message(log_entry)
        deadline = data.get("batas_waktu")
        if not deadline:
            return str(message)
        if data.get("tanggal") and str(deadline) < str(data["tanggal"]):
            note = _("batas waktu %(date)s terlewati")
        else:
            note = _("batas waktu %(date)s")
        return with_note(message, note % {"date": shown_date(deadline)})


def register_formatters(actions, formatters):
    """Register ``{action: formatter class}`` with Wagtail's log action registry
    (call it from a ``register_log_actions`` hook)."""
    for action, formatter_class in formatters.items():
        actions.register_action(action)(formatter_class)
