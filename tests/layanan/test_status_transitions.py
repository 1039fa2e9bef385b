"""Every allowed and refused status change of an application, through the services."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from freezegun import freeze_time
from wagtail.log_actions import registry as log_registry

from layanan import services
from layanan.choices import StatusPermohonan
from layanan.models import Permohonan
from layanan.services import PERMOHONAN_STATUS
from portal.status import InvalidTransition
from portal.uploads import CleanUpload
from tests.factories import HariLiburFactory, UserFactory
from tests.layanan.factories import (
    PermohonanFactory,
    StandarLayananFactory,
    kecamatan_officer,
)

pytestmark = pytest.mark.django_db

S = StatusPermohonan
ALLOWED = {
    (S.DIAJUKAN, S.DIVERIFIKASI),
    (S.DIAJUKAN, S.PERLU_PERBAIKAN),
    (S.DIAJUKAN, S.DITOLAK),
    (S.PERLU_PERBAIKAN, S.DIAJUKAN),
    (S.PERLU_PERBAIKAN, S.DITOLAK),
    (S.DIVERIFIKASI, S.DIPROSES),
    (S.DIVERIFIKASI, S.DITOLAK),
    (S.DIPROSES, S.SELESAI),
    (S.DIPROSES, S.DITOLAK),
}


@pytest.mark.parametrize(
    ("from_status", "to_status"), list(itertools.product(S.values, S.values))
)
def test_the_status_machine_allows_exactly_the_lifecycle_of_design(
    from_status, to_status
):
    if (from_status, to_status) in ALLOWED:
        PERMOHONAN_STATUS.check(from_status, to_status)
    else:
        with pytest.raises(InvalidTransition):
            PERMOHONAN_STATUS.check(from_status, to_status)


@pytest.fixture
def officer():
    return UserFactory(username="petugas", first_name="Budi")


def pdf_result():
    data = b"%PDF-1.4\n%hasil\n"
    return CleanUpload(
        ContentFile(data, name="hasil.pdf"), "application/pdf", len(data)
    )


def audit_log(permohonan):
    """Wagtail's audit log entries of ``permohonan``, whichever log model keeps them."""
    log_model = log_registry.get_log_model_for_instance(permohonan)
    return log_model.objects.for_instance(permohonan)


def applicant_emails(mailoutbox, permohonan):
    return [message for message in mailoutbox if message.to == [permohonan.email]]


def test_the_full_lifecycle_writes_timeline_audit_log_and_emails_each_change(
    officer, ekecamatan_page, mailoutbox, django_capture_on_commit_callbacks
):
    permohonan = PermohonanFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_fix(permohonan, officer, "Foto KTP buram.")
        services.resubmit(permohonan, [], (), "Sudah saya ganti.")
        services.verify(permohonan, officer, "Berkas lengkap.")
        services.start_processing(permohonan, officer, "Sedang diproses.")
        services.complete(permohonan, officer, "Silakan unduh.", result=pdf_result())

    permohonan.refresh_from_db()
    assert permohonan.status == S.SELESAI
    entries = list(permohonan.linimasa.order_by("pk"))
    assert [(e.status_from, e.status_to) for e in entries] == [
        (S.DIAJUKAN, S.PERLU_PERBAIKAN),
        (S.PERLU_PERBAIKAN, S.DIAJUKAN),
        (S.DIAJUKAN, S.DIVERIFIKASI),
        (S.DIVERIFIKASI, S.DIPROSES),
        (S.DIPROSES, S.SELESAI),
    ]
    assert [e.author for e in entries] == [officer, None, officer, officer, officer]
    assert entries[1].message == "Pemohon mengirim perbaikan.\nSudah saya ganti."
    assert permohonan.catatan_perbaikan == "Foto KTP buram."
    assert permohonan.hasil_content_type == "application/pdf"
    assert permohonan.selesai_pada is not None
    logged = list(audit_log(permohonan).values_list("data", flat=True))
    assert len(logged) == 5
    assert {
        "from": "diproses",
        "to": "selesai",
        "keterangan": "dengan dokumen hasil",
        "catatan": "Silakan unduh.",
    } in logged
    # The applicant's own words stay on the timeline, out of the audit log.
    assert not any("Sudah saya ganti" in str(data) for data in logged)

    emails = applicant_emails(mailoutbox, permohonan)
    assert len(emails) == 5
    assert all(permohonan.kode_lacak in email.subject for email in emails)
    assert "Perlu perbaikan" in emails[0].subject
    assert "Foto KTP buram." in emails[0].body
    survey_link = f"/permohonan-saya/{permohonan.token_rahasia}/survei/"
    assert survey_link in emails[-1].body
    assert all(survey_link not in email.body for email in emails[:-1])


def test_submission_notifies_the_applicant_and_the_kecamatan_officers(
    ekecamatan_page, mailoutbox, django_capture_on_commit_callbacks
):
    babalan = kecamatan_officer("babalan")
    stabat = kecamatan_officer("stabat")
    service = StandarLayananFactory()
    draft = PermohonanFactory.build(layanan=service, waktu_hari_kerja=1)
    with django_capture_on_commit_callbacks(execute=True):
        permohonan = services.submit_permohonan(draft)
    assert permohonan.status == S.DIAJUKAN
    assert permohonan.waktu_hari_kerja == service.waktu_hari_kerja
    assert permohonan.linimasa.get().status_to == S.DIAJUKAN
    recipients = [message.to for message in mailoutbox]
    assert [permohonan.email] in recipients
    assert [babalan.email] in recipients
    assert [stabat.email] not in recipients


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (S.DIAJUKAN, "start_processing"),
        (S.DIAJUKAN, "complete"),
        (S.PERLU_PERBAIKAN, "verify"),
        (S.DIVERIFIKASI, "complete"),
        (S.DIVERIFIKASI, "request_fix"),
        (S.DIPROSES, "verify"),
        (S.SELESAI, "reject"),
        (S.SELESAI, "request_fix"),
        (S.DITOLAK, "verify"),
        (S.DITOLAK, "start_processing"),
    ],
)
def test_a_refused_change_leaves_the_application_untouched(
    officer, mailoutbox, status, action, django_capture_on_commit_callbacks
):
    permohonan = PermohonanFactory(status=status)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(InvalidTransition):
            getattr(services, action)(permohonan, officer, "Catatan.")
    permohonan = Permohonan.objects.get(pk=permohonan.pk)
    assert permohonan.status == status
    assert permohonan.batas_waktu is None
    assert not permohonan.linimasa.exists()
    assert not audit_log(permohonan).exists()
    assert mailoutbox == []


def test_only_an_application_waiting_for_a_fix_can_be_resubmitted():
    permohonan = PermohonanFactory(status=S.DIVERIFIKASI)
    with pytest.raises(ValidationError):
        services.resubmit(permohonan, [], ())
    assert not permohonan.linimasa.exists()


@pytest.mark.parametrize(
    "action", ["verify", "request_fix", "start_processing", "complete", "reject"]
)
def test_every_officer_action_needs_a_note(officer, action):
    status = {"start_processing": S.DIVERIFIKASI, "complete": S.DIPROSES}.get(
        action, S.DIAJUKAN
    )
    permohonan = PermohonanFactory(status=status)
    with pytest.raises(ValidationError):
        getattr(services, action)(permohonan, officer, "   ")
    assert Permohonan.objects.get(pk=permohonan.pk).status == status


def test_rejection_keeps_the_reason_and_clears_the_deadline(officer):
    permohonan = PermohonanFactory()
    services.verify(permohonan, officer, "Lengkap.")
    services.reject(permohonan, officer, "Bukan warga kecamatan ini.")
    permohonan.refresh_from_db()
    assert permohonan.status == S.DITOLAK
    assert permohonan.alasan_penolakan == "Bukan warga kecamatan ini."
    assert permohonan.batas_waktu is None
    assert permohonan.deadline is None


def test_the_deadline_counts_the_service_time_in_working_days_from_verification(
    officer,
):
    # Tuesday 17 March 2026, 3 hari kerja: 18-24 March are Nyepi, Idul Fitri, their
    # cuti bersama and a weekend (DESIGN 4.1), so the deadline is Friday 27 March.
    permohonan = PermohonanFactory(waktu_hari_kerja=3)
    with freeze_time("2026-03-10 09:00:00+07:00"):
        permohonan.diajukan_pada = datetime.datetime.now(datetime.UTC)
        permohonan.save()
    with freeze_time("2026-03-17 15:00:00+07:00"):
        services.verify(permohonan, officer, "Lengkap.")
        permohonan.refresh_from_db()
        state = permohonan.deadline
    assert permohonan.batas_waktu == datetime.date(2026, 3, 27)
    assert state.deadline == datetime.date(2026, 3, 27)
    assert state.working_days_left == 3


def test_an_extra_closure_moves_the_deadline(officer):
    HariLiburFactory(tanggal=datetime.date(2026, 2, 3), nama="Hari Jadi Langkat")
    permohonan = PermohonanFactory(waktu_hari_kerja=2)
    with freeze_time("2026-02-02 08:00:00+07:00"):
        services.verify(permohonan, officer, "Lengkap.")
    assert permohonan.batas_waktu == datetime.date(2026, 2, 5)


def test_completion_is_measured_against_the_deadline(officer):
    permohonan = PermohonanFactory(waktu_hari_kerja=1)
    with freeze_time("2026-03-17 10:00:00+07:00"):
        services.verify(permohonan, officer, "Lengkap.")
        services.start_processing(permohonan, officer, "Diproses.")
    with freeze_time("2026-03-26 10:00:00+07:00"):
        services.complete(permohonan, officer, "Ambil di kantor camat.", pickup=True)
    permohonan = Permohonan.objects.get(pk=permohonan.pk)
    assert permohonan.deadline.deadline == datetime.date(2026, 3, 25)
    assert permohonan.deadline.was_met is False
