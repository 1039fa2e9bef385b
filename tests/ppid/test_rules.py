"""KIP request deadlines, the single extension, decisions and the objection window."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from portal.status import InvalidTransition
from ppid import services
from ppid.choices import KeputusanPermohonan, StatusKeberatan, StatusPermohonan
from ppid.models import PermohonanInformasi
from tests.factories import UserFactory
from tests.ppid.factories import PermohonanInformasiFactory

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def at(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=WIB)


@pytest.fixture
def ppid():
    return UserFactory(username="ppid")


def test_registration_sets_a_ten_working_day_deadline_across_idul_fitri():
    with freeze_time(at(2026, 3, 13)):
        permohonan = services.submit_permohonan(PermohonanInformasiFactory.build())
    # 13 March + 10 hari kerja skips Nyepi, Idul Fitri, cuti bersama and Good Friday.
    assert permohonan.batas_waktu == datetime.date(2026, 4, 6)
    assert permohonan.kode_lacak.startswith("KIP-")
    assert PermohonanInformasi.objects.count() == 1


def test_one_extension_adds_seven_working_days_with_a_reason(ppid):
    with freeze_time(at(2026, 12, 14)):
        permohonan = services.submit_permohonan(PermohonanInformasiFactory.build())
        assert permohonan.batas_waktu == datetime.date(2026, 12, 30)
        with pytest.raises(ValidationError):
            services.extend(permohonan, ppid, " ")
        services.extend(permohonan, ppid, "Dokumen tersebar di tiga OPD.")
    # 17 hari kerja from 14 Dec 2026 crosses Christmas, cuti bersama and New Year.
    assert permohonan.batas_waktu == datetime.date(2027, 1, 12)
    assert permohonan.status == StatusPermohonan.DIPERPANJANG
    with pytest.raises(ValidationError):
        services.extend(permohonan, ppid, "Sekali lagi.")


def test_a_refusal_without_a_pasal_17_ground_is_refused(ppid):
    permohonan = PermohonanInformasiFactory()
    with pytest.raises(ValidationError) as error:
        services.decide(
            permohonan, ppid, KeputusanPermohonan.DITOLAK, "Informasi dikecualikan."
        )
    assert "dasar_penolakan" in error.value.message_dict
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.DITERIMA
    services.decide(
        permohonan,
        ppid,
        KeputusanPermohonan.DITOLAK,
        "Informasi dikecualikan.",
        dasar_penolakan="h",
        uji_konsekuensi="Memuat data pribadi penerima bantuan.",
    )
    assert permohonan.status == StatusPermohonan.DIPUTUSKAN
    assert permohonan.get_dasar_penolakan_display().startswith("Pasal 17 huruf h")


def test_delivery_follows_a_decision_and_nothing_follows_delivery(ppid):
    permohonan = PermohonanInformasiFactory()
    with pytest.raises(InvalidTransition):
        services.deliver(permohonan, ppid)
    services.decide(
        permohonan, ppid, KeputusanPermohonan.DIBERIKAN_SELURUHNYA, "Terlampir."
    )
    services.deliver(permohonan, ppid)
    assert permohonan.status == StatusPermohonan.DISAMPAIKAN
    with pytest.raises(ValidationError, match="sudah diputuskan"):
        services.extend(permohonan, ppid, "Terlambat.")


def test_an_objection_is_accepted_within_thirty_working_days_of_the_decision(ppid):
    with freeze_time(at(2026, 2, 2)):
        permohonan = services.submit_permohonan(PermohonanInformasiFactory.build())
    with freeze_time(at(2026, 2, 10)):
        services.decide(
            permohonan, ppid, KeputusanPermohonan.TIDAK_DIKUASAI, "Tidak dikuasai."
        )
    # 30 hari kerja from 10 Feb 2026 (Imlek, Nyepi, Idul Fitri in between): 2 April.
    assert permohonan.objection_deadline() == datetime.date(2026, 4, 2)
    late = services.objection_refusal(permohonan, today=datetime.date(2026, 4, 6))
    assert "telah terlewati" in late
    with pytest.raises(ValidationError):
        services.file_keberatan(
            permohonan, ["e"], "Tidak dipenuhi.", today=datetime.date(2026, 4, 6)
        )
    with freeze_time(at(2026, 4, 2)):
        keberatan = services.file_keberatan(
            permohonan, ["e", "d"], "Informasi ada di Bappeda."
        )
    assert keberatan.alasan == ["d", "e"]
    # The atasan PPID answers within 30 hari kerja of filing (Good Friday, 1 May,
    # Ascension and its cuti bersama do not count).
    assert keberatan.batas_waktu == datetime.date(2026, 5, 20)


def test_without_a_decision_the_window_opens_at_the_missed_deadline():
    with freeze_time(at(2026, 3, 13)):
        permohonan = services.submit_permohonan(PermohonanInformasiFactory.build())
    early = services.objection_refusal(permohonan, today=datetime.date(2026, 4, 6))
    assert "masih dalam jangka waktu" in early
    assert (
        services.objection_refusal(permohonan, today=datetime.date(2026, 4, 7)) is None
    )


def test_objection_needs_a_pasal_35_ground_and_is_answered_once(ppid):
    permohonan = PermohonanInformasiFactory()
    services.decide(
        permohonan,
        ppid,
        KeputusanPermohonan.DITOLAK,
        "Dikecualikan.",
        dasar_penolakan="a",
        uji_konsekuensi="Menghambat penyidikan.",
    )
    with pytest.raises(ValidationError):
        services.file_keberatan(permohonan, ["z"], "Alasan tidak dikenal.")
    keberatan = services.file_keberatan(permohonan, ["a"], "Tidak sependapat.")
    atasan = UserFactory(username="sekda")
    with pytest.raises(ValidationError):
        services.answer_keberatan(keberatan, atasan, "ditolak", "")
    services.answer_keberatan(keberatan, atasan, "ditolak", "Pengecualian sah.")
    assert keberatan.status == StatusKeberatan.DIJAWAB
    last_entry = permohonan.linimasa.last()
    assert "Komisi Informasi" in last_entry.message
    with pytest.raises(ValidationError):
        services.answer_keberatan(keberatan, atasan, "dikabulkan", "Ubah.")
    with pytest.raises(ValidationError):
        services.file_keberatan(permohonan, ["a"], "Kedua kali.")
