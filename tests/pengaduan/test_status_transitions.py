"""Every allowed and forbidden status change of a report, through the services."""

import itertools

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from pengaduan import services
from pengaduan.choices import JenisCatatan, StatusLaporan
from pengaduan.services import LAPORAN_STATUS
from portal.models import PerangkatDaerah, ScopedLogEntry
from portal.status import InvalidTransition
from tests.factories import ProfilPetugasFactory, UserFactory
from tests.pengaduan.factories import LaporanFactory

pytestmark = pytest.mark.django_db

S = StatusLaporan
ALLOWED = {
    (S.BARU, S.DIVERIFIKASI),
    (S.BARU, S.DITOLAK),
    (S.DIVERIFIKASI, S.DIDISPOSISIKAN),
    (S.DIVERIFIKASI, S.DITOLAK),
    (S.DIDISPOSISIKAN, S.DIDISPOSISIKAN),
    (S.DIDISPOSISIKAN, S.DITINDAKLANJUTI),
    (S.DIDISPOSISIKAN, S.SELESAI),
    (S.DITINDAKLANJUTI, S.DIDISPOSISIKAN),
    (S.DITINDAKLANJUTI, S.SELESAI),
    (S.SELESAI, S.DITUTUP),
    (S.SELESAI, S.DIDISPOSISIKAN),
}


@pytest.mark.parametrize(
    ("from_status", "to_status"), list(itertools.product(S.values, S.values))
)
def test_the_status_machine_allows_exactly_the_lifecycle_of_design(
    from_status, to_status
):
    if (from_status, to_status) in ALLOWED:
        LAPORAN_STATUS.check(from_status, to_status)
    else:
        with pytest.raises(InvalidTransition):
            LAPORAN_STATUS.check(from_status, to_status)


@pytest.fixture
def moderator():
    return UserFactory(username="moderator")


@pytest.fixture
def pupr():
    return PerangkatDaerah.objects.get(slug="dinas-pupr")


def test_the_full_lifecycle_writes_timeline_audit_log_and_emails(
    moderator, pupr, django_capture_on_commit_callbacks
):
    laporan = LaporanFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.verify(laporan, moderator)
        services.dispatch(laporan, moderator, pupr, "Mohon segera ditangani.")
        services.add_followup(laporan, moderator, "Tim sudah meninjau lokasi.")
        services.resolve(laporan, moderator, "Jalan sudah ditambal.")
        services.close(laporan, moderator)

    laporan.refresh_from_db()
    assert laporan.status == S.DITUTUP
    assert [entry.status_to for entry in laporan.linimasa.all()] == [
        S.DIVERIFIKASI,
        S.DIDISPOSISIKAN,
        S.DITINDAKLANJUTI,
        S.SELESAI,
        S.DITUTUP,
    ]
    assert (
        laporan.linimasa.get(status_to=S.DITINDAKLANJUTI).jenis
        == JenisCatatan.TINDAK_LANJUT
    )
    assert laporan.tindak_lanjut_pertama_pada is not None
    logged = ScopedLogEntry.objects.filter(object_id=str(laporan.pk)).values_list(
        "data", flat=True
    )
    changes = {(data["from"], data["to"]): data for data in logged}
    assert ("baru", "diverifikasi") in changes
    assert changes[("diverifikasi", "didisposisikan")] == {
        "from": "diverifikasi",
        "to": "didisposisikan",
        "keterangan": pupr.nama,
        "catatan": "Mohon segera ditangani.",
    }
    assert len(logged) == 5
    reporter_emails = [m for m in mail.outbox if m.to == [laporan.email]]
    assert len(reporter_emails) == 5
    assert laporan.kode_lacak in reporter_emails[-1].subject


def test_a_forbidden_change_leaves_the_report_untouched(moderator):
    laporan = LaporanFactory()
    with pytest.raises(InvalidTransition):
        services.resolve(laporan, moderator, "Selesai.")
    laporan.refresh_from_db()
    assert laporan.status == S.BARU
    assert laporan.selesai_pada is None
    assert not laporan.linimasa.exists()


def test_rejection_needs_a_reason_and_records_who_rejected(moderator):
    laporan = LaporanFactory()
    with pytest.raises(ValidationError):
        services.reject(laporan, moderator, "  ")
    services.reject(laporan, moderator, "Laporan ganda dengan LGK-2345-6789.")
    laporan.refresh_from_db()
    assert laporan.status == S.DITOLAK
    assert laporan.ditolak_oleh == moderator
    assert laporan.alasan_penolakan == "Laporan ganda dengan LGK-2345-6789."
    assert laporan.linimasa.get().is_public


def test_dispatch_emails_the_officers_of_the_office(
    moderator, pupr, django_capture_on_commit_callbacks
):
    officer = ProfilPetugasFactory(perangkat_daerah=pupr).user
    laporan = LaporanFactory()
    services.verify(laporan, moderator)
    with django_capture_on_commit_callbacks(execute=True):
        services.dispatch(laporan, moderator, pupr)
    dispatch_mail = next(m for m in mail.outbox if m.to == [officer.email])
    assert laporan.kode_lacak in dispatch_mail.subject
    assert laporan.nama_pelapor not in dispatch_mail.body
    assert laporan.nik not in dispatch_mail.body


def test_redispatch_moves_the_report_and_restarts_the_followup_clock(moderator, pupr):
    laporan = LaporanFactory()
    services.verify(laporan, moderator)
    services.dispatch(laporan, moderator, pupr)
    services.add_followup(laporan, moderator, "Bukan kewenangan kami.")
    dinkes = PerangkatDaerah.objects.get(slug="dinkes")
    services.dispatch(laporan, moderator, dinkes)
    laporan.refresh_from_db()
    assert laporan.perangkat_daerah == dinkes
    assert laporan.tindak_lanjut_pertama_pada is None
    assert laporan.status == S.DIDISPOSISIKAN


def test_internal_notes_are_not_emailed_to_the_reporter(
    moderator, pupr, django_capture_on_commit_callbacks
):
    laporan = LaporanFactory()
    services.verify(laporan, moderator)
    services.dispatch(laporan, moderator, pupr)
    services.add_followup(laporan, moderator, "Sudah dijawab.")
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.add_followup(
            laporan, moderator, "Catatan internal.", public=False
        )
    assert not entry.is_public
    assert entry.jenis == JenisCatatan.CATATAN_INTERNAL
    assert mail.outbox == []
