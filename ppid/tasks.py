"""Background work of KIP: the daily deadline reminder to PPID staff.

Editor PPID members get the requests due within 2 hari kerja or overdue; Atasan
PPID members the objections due within 5 hari kerja or overdue. The emails name
requests by number and the information asked, never by requester.
"""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from portal.base_url import absolute_url
from portal.notifications import notify
from portal.reminders import mark_reminded, not_yet_reminded, role_emails
from portal.roles import ATASAN_PPID, EDITOR_PPID
from portal.working_days import add_working_days
from ppid.choices import StatusKeberatan
from ppid.models import Keberatan, PermohonanInformasi
from ppid.viewsets import PERMOHONAN_URL_NAMESPACE

#: Audit-log action recorded on each request or objection a reminder named (once a day).
KIP_REMINDER_ACTION = "ppid.reminder"
#: Requests whose answer deadline falls within this many working days are "nearing".
REQUEST_NEARING_WORKING_DAYS = 2
#: Objections whose answer deadline falls within this many working days are "nearing".
OBJECTION_NEARING_WORKING_DAYS = 5


def requests_due(today=None):
    """Open requests whose deadline is past or within 2 working days."""
    today = today or timezone.localdate()
    horizon = add_working_days(today, REQUEST_NEARING_WORKING_DAYS)
    return (
        PermohonanInformasi.objects.open()
        .filter(batas_waktu__lte=horizon)
        .order_by("batas_waktu", "pk")
    )


def objections_due(today=None):
    """Unanswered objections whose deadline is past or within 5 working days."""
    today = today or timezone.localdate()
    horizon = add_working_days(today, OBJECTION_NEARING_WORKING_DAYS)
    return (
        Keberatan.objects.filter(
            status=StatusKeberatan.DIAJUKAN, batas_waktu__lte=horizon
        )
        .select_related("permohonan")
        .order_by("batas_waktu", "pk")
    )


def _detail_url(permohonan_pk):
    return absolute_url(
        reverse(f"{PERMOHONAN_URL_NAMESPACE}:inspect", args=[quote(permohonan_pk)])
    )


def _send(recipients, subject, kind, rows, today, nearing_days):
    notify(
        recipients,
        subject,
        "ppid/email/reminder.txt",
        {
            "today": today,
            "kind": kind,
            "nearing_days": nearing_days,
            "overdue": [row for row in rows if row["overdue"]],
            "nearing": [row for row in rows if not row["overdue"]],
        },
    )


def _row(permohonan, deadline, today):
    return {
        "code": permohonan.kode_lacak,
        "information": permohonan.informasi_diminta,
        "deadline": deadline,
        "overdue": deadline < today,
        "url": _detail_url(permohonan.pk),
    }


def send_kip_reminders(today=None):
    """Email PPID staff what is nearing or past its deadline; once a day per item.

    Returns ``(requests, objections)`` listed (zeros when nothing new was sent).
    """
    today = today or timezone.localdate()
    counts = []
    for role, items, kind, nearing_days, subject in (
        (
            EDITOR_PPID,
            list(requests_due(today)),
            "permohonan",
            REQUEST_NEARING_WORKING_DAYS,
            _("[PPID] %(count)s permohonan informasi mendekati atau melewati batas"),
        ),
        (
            ATASAN_PPID,
            list(objections_due(today)),
            "keberatan",
            OBJECTION_NEARING_WORKING_DAYS,
            _("[PPID] %(count)s keberatan mendekati atau melewati batas waktu"),
        ),
    ):
        recipients = role_emails(role)
        items = (
            not_yet_reminded(items, KIP_REMINDER_ACTION, today) if recipients else []
        )
        if not items:
            counts.append(0)
            continue
        rows = [
            _row(getattr(item, "permohonan", item), item.batas_waktu, today)
            for item in items
        ]
        _send(
            recipients,
            subject % {"count": len(rows)},
            kind,
            rows,
            today,
            nearing_days,
        )
        mark_reminded(items, KIP_REMINDER_ACTION, today)
        counts.append(len(rows))
    return tuple(counts)


@task()
def send_kip_deadline_reminders():
    """The daily reminder, for the task worker (see ``send_kip_reminders``)."""
    return send_kip_reminders()
