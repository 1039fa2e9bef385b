"""The daily KIP reminder: requests to Editor PPID, objections to Atasan PPID, once a day."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from portal.roles import ATASAN_PPID, EDITOR_PPID, MODERATOR_PENGADUAN
from portal.working_days import add_working_days
from ppid.choices import StatusKeberatan, StatusPermohonan
from ppid.models import Keberatan
from ppid.tasks import send_kip_reminders
from tests.pengaduan.factories import PetugasFactory
from tests.ppid.factories import PermohonanInformasiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """``send_kip_reminders`` with the emails (sent on commit) in the outbox."""

    def send(today):
        with django_capture_on_commit_callbacks(execute=True):
            return send_kip_reminders(today)

    return send


# A Wednesday without holidays.
TODAY = datetime.date(2026, 2, 11)


def request_due(days, **fields):
    return PermohonanInformasiFactory(
        batas_waktu=add_working_days(TODAY, days)
        if days >= 0
        else TODAY - datetime.timedelta(days=-days),
        **fields,
    )


def objection_due(days):
    deadline = (
        add_working_days(TODAY, days)
        if days >= 0
        else TODAY - datetime.timedelta(days=-days)
    )
    return Keberatan.objects.create(
        permohonan=PermohonanInformasiFactory(
            status=StatusPermohonan.DIPUTUSKAN, batas_waktu=None
        ),
        alasan=["a"],
        uraian="Keberatan.",
        batas_waktu=deadline,
    )


@pytest.fixture
def staff():
    return {
        "editor": PetugasFactory(
            username="ppid", email="ppid@langkatkab.go.id", role=EDITOR_PPID
        ),
        "atasan": PetugasFactory(
            username="atasan", email="atasan@langkatkab.go.id", role=ATASAN_PPID
        ),
        "moderator": PetugasFactory(
            username="mod", email="mod@langkatkab.go.id", role=MODERATOR_PENGADUAN
        ),
    }


@pytest.fixture
def due():
    return {
        "late": request_due(-3, informasi_diminta="Daftar aset desa 2025."),
        "soon": request_due(2, informasi_diminta="Rencana kerja dinas 2026."),
        "later": request_due(3, informasi_diminta="Anggaran kesehatan 2026."),
        "decided": request_due(
            -3, status=StatusPermohonan.DIPUTUSKAN, informasi_diminta="Sudah."
        ),
        "objection_late": objection_due(-1),
        "objection_soon": objection_due(5),
        "objection_later": objection_due(6),
    }


def test_editors_get_the_requests_and_superiors_the_objections(staff, due, send):
    assert send(TODAY) == (2, 2)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"ppid@langkatkab.go.id", "atasan@langkatkab.go.id"}
    requests = by_recipient["ppid@langkatkab.go.id"].body
    assert due["late"].kode_lacak in requests
    assert due["soon"].kode_lacak in requests
    assert due["later"].kode_lacak not in requests
    assert due["decided"].kode_lacak not in requests
    assert requests.index("Melewati batas waktu") < requests.index(
        due["late"].kode_lacak
    )
    objections = by_recipient["atasan@langkatkab.go.id"].body
    assert due["objection_late"].permohonan.kode_lacak in objections
    assert due["objection_soon"].permohonan.kode_lacak in objections
    assert due["objection_later"].permohonan.kode_lacak not in objections


def test_the_emails_carry_no_requester_identity(staff, due, send):
    send(TODAY)
    for message in mail.outbox:
        for secret in ("Budi Santoso", "1205011203850001", "budi.santoso@", "0812"):
            assert secret not in message.body
            assert secret not in message.subject


def test_a_second_run_on_the_same_day_sends_nothing(staff, due, send):
    send(TODAY)
    mail.outbox.clear()
    assert send(TODAY) == (0, 0)
    assert mail.outbox == []
    requests, objections = send(TODAY + datetime.timedelta(days=1))
    assert requests >= 2
    assert objections >= 2


def test_answered_objections_and_missing_recipients_send_nothing(due, send):
    Keberatan.objects.update(status=StatusKeberatan.DIJAWAB)
    assert send(TODAY) == (0, 0)
    assert mail.outbox == []


def test_the_command_reports_what_it_sent(staff, due):
    out = io.StringIO()
    call_command("send_kip_reminders", stdout=out)
    call_command("send_kip_reminders", stdout=out)
    assert "Tidak ada pengingat KIP baru" in out.getvalue()
