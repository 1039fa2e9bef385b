"""A closure entered later moves the stored deadline of every running item (issue 12).

Lists, overdue filters and reminders read ``batas_waktu`` in SQL; pages compute the
deadline from the facts. Both come from one computation per app, so a new
``HariLibur`` moves them together, and the citizen's timeline says so.
"""

import datetime
import zoneinfo

import pytest
from freezegun import freeze_time

from layanan import services as layanan_services
from pengaduan.choices import StatusLaporan
from portal.models import HariLibur
from tests.factories import UserFactory
from tests.layanan.factories import PermohonanFactory
from tests.pengaduan.factories import LaporanFactory, advance_laporan

pytestmark = pytest.mark.django_db

D = datetime.date
MONDAY = datetime.datetime(2026, 3, 2, 10, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def items():
    with freeze_time(MONDAY):
        running = LaporanFactory()
        resolved = LaporanFactory()
        advance_laporan(resolved, StatusLaporan.SELESAI)
        application = PermohonanFactory(waktu_hari_kerja=5)
        layanan_services.verify(application, UserFactory(), "Berkas lengkap.")
    return running, resolved, application


def test_a_new_closure_moves_running_deadlines_and_notes_it_on_the_timeline(items):
    running, resolved, application = items
    assert running.batas_waktu == D(2026, 3, 5)
    assert application.batas_waktu == D(2026, 3, 9)
    resolved_entries = resolved.linimasa.count()

    HariLibur.objects.create(tanggal=D(2026, 3, 4), nama="Penutupan kantor (contoh)")

    running.refresh_from_db()
    application.refresh_from_db()
    resolved.refresh_from_db()
    assert running.batas_waktu == D(2026, 3, 6)
    assert running.verification_deadline.deadline == running.batas_waktu
    assert application.batas_waktu == D(2026, 3, 10)
    assert application.deadline.deadline == application.batas_waktu
    assert resolved.batas_waktu is None
    assert resolved.linimasa.count() == resolved_entries
    for item in (running, application):
        note = item.linimasa.order_by("-pk").first()
        assert note.is_public
        assert "karena perubahan hari libur" in note.message


def test_removing_the_closure_moves_them_back(items):
    running, _resolved, application = items
    closure = HariLibur.objects.create(tanggal=D(2026, 3, 4), nama="Keliru")
    closure.delete()
    running.refresh_from_db()
    application.refresh_from_db()
    assert running.batas_waktu == D(2026, 3, 5)
    assert application.batas_waktu == D(2026, 3, 9)
