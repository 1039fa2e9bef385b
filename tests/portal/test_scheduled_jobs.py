"""The daily cron job only queues the reminders; the task worker sends them.

django-tasks 0.12 has no periodic scheduler, so cron runs ``deploy/bin/daily-jobs``
(``send_laporan_reminders --enqueue`` and ``send_kip_reminders --enqueue``) and the
database worker (``deploy/bin/worker``: ``manage.py db_worker``) does the work.
"""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from portal.roles import EDITOR_PPID, MODERATOR_PENGADUAN
from tests.pengaduan.factories import DispatchedLaporanFactory, PetugasFactory
from tests.ppid.factories import PermohonanInformasiFactory

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 6)


@pytest.fixture(autouse=True)
def database_queue(settings):
    """Production's task backend: tasks wait in the database for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def overdue_items():
    PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN)
    PetugasFactory(username="ppid", email="ppid@langkatkab.go.id", role=EDITOR_PPID)
    return DispatchedLaporanFactory(batas_waktu=LONG_AGO), PermohonanInformasiFactory(
        batas_waktu=LONG_AGO
    )


def queued_reminders():
    return sorted(
        DBTaskResult.objects.ready()
        .filter(task_path__endswith="reminders")
        .values_list("task_path", flat=True)
    )


def test_the_daily_job_queues_both_reminders_and_sends_nothing_itself(
    overdue_items,
):
    output = io.StringIO()
    call_command("send_laporan_reminders", "--enqueue", stdout=output)
    call_command("send_kip_reminders", "--enqueue", stdout=output)

    assert queued_reminders() == [
        "pengaduan.tasks.send_deadline_reminders",
        "ppid.tasks.send_kip_deadline_reminders",
    ]
    assert mail.outbox == []
    assert "diantrekan" in output.getvalue()


# Committed for real: the worker takes each task in a transaction of its own.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_sends_the_queued_reminders(overdue_items):
    laporan, permohonan = overdue_items
    call_command("send_laporan_reminders", "--enqueue", stdout=io.StringIO())
    call_command("send_kip_reminders", "--enqueue", stdout=io.StringIO())

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert queued_reminders() == []
    assert not DBTaskResult.objects.ready().exists()
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert laporan.kode_lacak in bodies["moderator@langkatkab.go.id"]
    assert permohonan.kode_lacak in bodies["ppid@langkatkab.go.id"]
