"""The daily deadline reminder: the right reports, to moderators only, once a day."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from pengaduan.choices import StatusLaporan
from pengaduan.tasks import send_reminders
from portal.roles import MODERATOR_PENGADUAN, PETUGAS_OPD
from portal.working_days import add_working_days
from tests.pengaduan.factories import (
    DispatchedLaporanFactory,
    LaporanFactory,
    PetugasFactory,
)

pytestmark = pytest.mark.django_db

# A Wednesday without holidays.
TODAY = datetime.date(2026, 2, 11)


@pytest.fixture
def moderator():
    return PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN)


@pytest.fixture
def reports():
    return {
        "past": DispatchedLaporanFactory(
            judul="Lewat batas", batas_waktu=TODAY - datetime.timedelta(days=2)
        ),
        "today": LaporanFactory(judul="Batas hari ini", batas_waktu=TODAY),
        "tomorrow": DispatchedLaporanFactory(
            judul="Batas besok", batas_waktu=add_working_days(TODAY, 1)
        ),
        "later": DispatchedLaporanFactory(
            judul="Masih lama", batas_waktu=add_working_days(TODAY, 2)
        ),
        "resolved": DispatchedLaporanFactory(
            judul="Sudah selesai",
            status=StatusLaporan.SELESAI,
            batas_waktu=TODAY - datetime.timedelta(days=5),
        ),
    }


def test_moderators_are_emailed_reports_nearing_or_past_their_deadline(
    moderator, reports, django_capture_on_commit_callbacks
):
    PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    PetugasFactory(username="tanpa-email", role=MODERATOR_PENGADUAN, email="")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(TODAY) == 3

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [moderator.email]
    for key in ("past", "today", "tomorrow"):
        assert reports[key].kode_lacak in message.body
    for key in ("later", "resolved"):
        assert reports[key].kode_lacak not in message.body
    assert "Tindak lanjut pertama OPD" in message.body
    assert "Verifikasi" in message.body


def test_the_reminder_never_names_the_reporter(
    moderator, reports, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(TODAY)
    body = mail.outbox[0].body
    laporan = reports["past"]
    for identity in (laporan.nama_pelapor, laporan.email, laporan.telepon, "1205"):
        assert identity not in body


def test_a_second_run_on_the_same_day_sends_nothing(
    moderator, reports, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(TODAY)
        assert send_reminders(TODAY) == 0
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(TODAY + datetime.timedelta(days=1)) > 0
    assert len(mail.outbox) == 2


def test_without_moderators_nothing_is_sent_or_recorded(reports):
    assert send_reminders(TODAY) == 0
    assert mail.outbox == []


def test_the_command_sends_the_reminders(moderator, django_capture_on_commit_callbacks):
    DispatchedLaporanFactory(batas_waktu=datetime.date(2020, 1, 6))
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_laporan_reminders", stdout=output)
    assert len(mail.outbox) == 1
    assert "1 laporan" in output.getvalue()
