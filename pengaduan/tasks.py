"""Background work of e-laga: the daily deadline reminder to moderators."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from pengaduan.choices import StatusLaporan
from pengaduan.models import Laporan
from pengaduan.viewsets import LAPORAN_URL_NAMESPACE
from portal.base_url import absolute_url
from portal.notifications import notify
from portal.reminders import mark_reminded, not_yet_reminded, role_emails
from portal.roles import MODERATOR_PENGADUAN
from portal.working_days import add_working_days

#: Audit-log action recorded on each report a reminder named (once a day).
REMINDER_ACTION = "pengaduan.reminder"
#: Reports whose deadline falls within this many working days are "nearing".
NEARING_WORKING_DAYS = 1

STAGE_LABELS = {
    StatusLaporan.BARU: gettext_lazy("Verifikasi"),
    StatusLaporan.DIVERIFIKASI: gettext_lazy("Disposisi"),
    StatusLaporan.DIDISPOSISIKAN: gettext_lazy("Tindak lanjut pertama OPD"),
    StatusLaporan.DITINDAKLANJUTI: gettext_lazy("Penyelesaian"),
}


def reports_due(today=None):
    """Open reports whose current deadline is past or within one working day."""
    today = today or timezone.localdate()
    horizon = add_working_days(today, NEARING_WORKING_DAYS)
    return (
        Laporan.objects.open()
        .filter(batas_waktu__lte=horizon)
        .select_related("kategori", "perangkat_daerah")
        .order_by("batas_waktu", "pk")
    )


def send_reminders(today=None):
    """Email moderators the reports nearing or past their deadline; once a day each.

    Returns the number of reports listed (0 when there was nothing new to send).
    """
    today = today or timezone.localdate()
    recipients = role_emails(MODERATOR_PENGADUAN)
    if not recipients:
        return 0
    reports = not_yet_reminded(list(reports_due(today)), REMINDER_ACTION, today)
    if not reports:
        return 0
    rows = [
        {
            "laporan": laporan,
            "stage": str(
                STAGE_LABELS.get(laporan.status, laporan.get_status_display())
            ),
            "overdue": laporan.batas_waktu < today,
            "url": absolute_url(
                reverse(f"{LAPORAN_URL_NAMESPACE}:inspect", args=[quote(laporan.pk)])
            ),
        }
        for laporan in reports
    ]
    notify(
        recipients,
        _("[e-laga] %(count)s laporan mendekati atau melewati batas waktu")
        % {"count": len(rows)},
        "pengaduan/email/reminder.txt",
        {
            "today": today,
            "overdue": [row for row in rows if row["overdue"]],
            "nearing": [row for row in rows if not row["overdue"]],
        },
    )
    mark_reminded(reports, REMINDER_ACTION, today)
    return len(rows)


@task()
def send_deadline_reminders():
    """The daily reminder, for the task worker (see ``send_laporan_reminders``)."""
    return send_reminders()
