"""Background work of e-laga: the daily deadline reminder to moderators."""

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry

from pengaduan.choices import StatusLaporan
from pengaduan.models import Laporan
from pengaduan.viewsets import LAPORAN_URL_NAMESPACE
from portal.notifications import notify
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


def moderator_emails():
    """Addresses of the active members of the Moderator Pengaduan group."""
    return sorted(
        set(
            get_user_model()
            .objects.filter(is_active=True, groups__name=MODERATOR_PENGADUAN)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def _already_reminded(reports, today):
    return set(
        log_registry.get_log_model_for_model(Laporan)
        .objects.filter(
            content_type=ContentType.objects.get_for_model(Laporan),
            action=REMINDER_ACTION,
            object_id__in=[str(laporan.pk) for laporan in reports],
            data__tanggal=today.isoformat(),
        )
        .values_list("object_id", flat=True)
    )


def send_reminders(today=None):
    """Email moderators the reports nearing or past their deadline; once a day each.

    Returns the number of reports listed (0 when there was nothing new to send).
    """
    today = today or timezone.localdate()
    recipients = moderator_emails()
    reports = list(reports_due(today))
    if not recipients or not reports:
        return 0
    reminded = _already_reminded(reports, today)
    reports = [laporan for laporan in reports if str(laporan.pk) not in reminded]
    if not reports:
        return 0
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    rows = [
        {
            "laporan": laporan,
            "stage": str(
                STAGE_LABELS.get(laporan.status, laporan.get_status_display())
            ),
            "overdue": laporan.batas_waktu < today,
            "url": base_url
            + reverse(f"{LAPORAN_URL_NAMESPACE}:inspect", args=[quote(laporan.pk)]),
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
    for laporan in reports:
        log(
            instance=laporan,
            action=REMINDER_ACTION,
            data={"tanggal": today.isoformat()},
        )
    return len(rows)


@task()
def send_deadline_reminders():
    """The daily reminder, for the task worker (see ``send_laporan_reminders``)."""
    return send_reminders()
