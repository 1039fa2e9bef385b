"""What the reporter may do from the secret link, and readers' flags."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from pengaduan import services
from pengaduan.choices import JenisCatatan, StatusLaporan
from portal.models import PerangkatDaerah
from tests.factories import UserFactory
from tests.pengaduan.factories import LaporanFactory

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


@pytest.fixture
def resolved():
    moderator = UserFactory()
    laporan = LaporanFactory()
    services.verify(laporan, moderator)
    services.dispatch(
        laporan, moderator, PerangkatDaerah.objects.get(slug="dinas-pupr")
    )
    services.resolve(laporan, moderator, "Sudah diperbaiki.")
    return laporan


def test_the_reporter_adds_information_while_the_report_is_open():
    laporan = LaporanFactory()
    entry = services.add_reporter_information(laporan, "Lubangnya makin besar.")
    assert entry.jenis == JenisCatatan.INFO_PELAPOR
    assert entry.author is None


def test_no_information_can_be_added_after_resolution(resolved):
    with pytest.raises(ValidationError):
        services.add_reporter_information(resolved, "Masih rusak.")


def test_reopening_is_allowed_once_within_ten_working_days(resolved):
    # Resolved Friday 13 March 2026; the 10th hari kerja after it is Monday 6 April
    # (Nyepi, Idul Fitri with cuti bersama and Good Friday do not count).
    resolved.selesai_pada = datetime.datetime(2026, 3, 13, 10, tzinfo=WIB)
    assert services.can_reopen(resolved, today=datetime.date(2026, 4, 6))
    assert not services.can_reopen(resolved, today=datetime.date(2026, 4, 7))


def test_reopen_sends_the_report_back_to_the_office_once(resolved):
    services.reopen(resolved, "Tambalan sudah rusak lagi.")
    resolved.refresh_from_db()
    assert resolved.status == StatusLaporan.DIDISPOSISIKAN
    assert resolved.dibuka_kembali
    services.resolve(resolved, UserFactory(), "Diperbaiki ulang.")
    with pytest.raises(ValidationError):
        services.reopen(resolved, "Lagi.")


def test_rating_only_after_resolution_and_between_one_and_five(resolved):
    open_report = LaporanFactory()
    with pytest.raises(ValidationError):
        services.rate(open_report, 5)
    with pytest.raises(ValidationError):
        services.rate(resolved, 6)
    services.rate(resolved, 4, "Cepat ditangani.")
    resolved.refresh_from_db()
    assert (resolved.penilaian, resolved.komentar_penilaian) == (4, "Cepat ditangani.")


def test_three_readers_flags_hide_a_public_report_until_a_moderator_decides(resolved):
    assert resolved.is_published
    assert services.flag(resolved, "10.0.0.1")
    assert not services.flag(resolved, "10.0.0.1"), "one flag per reader"
    services.flag(resolved, "10.0.0.2")
    assert not resolved.disembunyikan
    services.flag(resolved, "10.0.0.3")
    assert resolved.disembunyikan
    assert not resolved.is_published
    services.decide_flags(resolved, UserFactory(), keep_public=True)
    resolved.refresh_from_db()
    assert resolved.is_published
    assert resolved.jumlah_tanda == 0
