"""A record's history tells its story, and the officers who see the record read it.

Every audit-log entry of a report, a KIP request or a service application reads as
what happened ("Status: Diverifikasi → Didisposisikan (Dinas PUPR): …"), never as a
bare "Status diubah"; an officer opens the history of the records in their scope
(and no other: 404), although they may not edit them (DESIGN §5).
"""

import datetime
import html
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from layanan import services as layanan_services
from pengaduan import services as pengaduan_services
from pengaduan.tasks import send_reminders
from portal.models import PerangkatDaerah
from portal.roles import (
    ATASAN_PPID,
    EDITOR_PPID,
    MODERATOR_PENGADUAN,
    PETUGAS_OPD,
)
from ppid import services as ppid_services
from ppid.choices import KeputusanPermohonan, PutusanKeberatan
from tests.layanan.factories import PermohonanFactory, kecamatan, kecamatan_officer
from tests.pengaduan.factories import LaporanFactory, PetugasFactory
from tests.ppid.factories import create_kip_request

pytestmark = pytest.mark.django_db


def history(client, namespace, record):
    """The history page of ``record`` as text, or the response when refused."""
    response = client.get(reverse(f"{namespace}:history", args=[record.pk]))
    if response.status_code != HTTPStatus.OK:
        return response
    return html.unescape(response.content.decode())


@pytest.fixture
def moderator():
    return PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN)


@pytest.fixture
def pupr():
    return PerangkatDaerah.objects.get(slug="dinas-pupr")


@pytest.fixture
def dispatched(moderator, pupr):
    """A report verified and dispatched to Dinas PUPR with a note, then followed up."""
    laporan = LaporanFactory(judul="Jembatan Securai retak")
    pengaduan_services.verify(laporan, moderator, "Lokasi dan foto jelas.")
    pengaduan_services.dispatch(laporan, moderator, pupr, "Mohon ditinjau minggu ini.")
    return laporan


def test_a_pupr_officer_reads_the_story_of_a_report_dispatched_to_pupr(
    client, dispatched, pupr
):
    officer = PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    pengaduan_services.add_followup(
        dispatched, officer, "Koordinasi dengan kontraktor.", public=False
    )
    client.force_login(officer)

    page = history(client, "laporan", dispatched)

    assert "Status: Baru → Diverifikasi: Lokasi dan foto jelas." in page
    assert (
        f"Status: Diverifikasi → Didisposisikan ({pupr.nama}): "
        "Mohon ditinjau minggu ini." in page
    )
    assert "Catatan internal ditulis: Koordinasi dengan kontraktor." in page
    assert "Status diubah" not in page


def test_the_processing_view_links_to_the_history(client, dispatched):
    client.force_login(
        PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    )

    page = client.get(reverse("laporan:inspect", args=[dispatched.pk]))

    assert reverse("laporan:history", args=[dispatched.pk]) in page.content.decode()


def test_an_officer_of_another_opd_gets_404_for_the_history(client, dispatched):
    client.force_login(
        PetugasFactory(username="dinkes", role=PETUGAS_OPD, opd="dinkes")
    )

    response = history(client, "laporan", dispatched)

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_confidentiality_reminders_and_reporter_actions_are_told_too(
    client, moderator, dispatched
):
    moderator.email = "moderator@langkatkab.go.id"
    moderator.save()
    pengaduan_services.make_confidential(
        dispatched, moderator, "Menyebut nama pegawai."
    )
    late = timezone.localdate() + datetime.timedelta(days=30)
    send_reminders(today=late)
    pengaduan_services.add_reporter_information(dispatched, "Retaknya melebar.")
    client.force_login(moderator)

    page = history(client, "laporan", dispatched)

    assert "Laporan dijadikan rahasia: Menyebut nama pegawai." in page
    assert "Pengingat batas waktu dikirim ke moderator: batas waktu" in page
    assert "terlewati" in page
    assert "Pelapor menambahkan informasi" in page
    # The reporter's own words stay on the timeline.
    assert "Retaknya melebar." not in page


def test_no_identity_of_the_reporter_is_written_to_the_history(
    client, moderator, dispatched
):
    pengaduan_services.resolve(dispatched, moderator, "Jembatan sudah diperbaiki.")
    pengaduan_services.reopen(dispatched, "Siti Rahmawati: masih retak di sisi kiri.")
    client.force_login(moderator)

    page = history(client, "laporan", dispatched)

    assert "Status: Selesai → Didisposisikan: Dibuka kembali oleh pelapor" in page
    for identity in ("Siti Rahmawati", "081234567890", "siti.rahmawati@example.com"):
        assert identity not in page


def test_a_kecamatan_officer_reads_the_history_of_their_own_applications_only(client):
    officer = kecamatan_officer("babalan")
    babalan = PermohonanFactory(kecamatan=kecamatan("babalan"))
    stabat = PermohonanFactory(kecamatan=kecamatan("stabat"))
    for permohonan in (babalan, stabat):
        layanan_services.verify(permohonan, officer, "Berkas lengkap.")
    layanan_services.start_processing(babalan, officer, "Surat sedang diketik.")
    client.force_login(officer)

    page = history(client, "permohonan_layanan", babalan)

    assert "Status: Diajukan → Diverifikasi: Berkas lengkap." in page
    assert "Status: Diverifikasi → Diproses: Surat sedang diketik." in page
    assert history(client, "permohonan_layanan", stabat).status_code == (
        HTTPStatus.NOT_FOUND
    )


@pytest.fixture
def kip_story():
    """A request refused on Pasal 17 huruf h, objected to and answered."""
    editor = PetugasFactory(username="ppid", role=EDITOR_PPID)
    atasan = PetugasFactory(username="atasan", role=ATASAN_PPID)
    permohonan = create_kip_request(
        user=editor, decided=KeputusanPermohonan.DITOLAK, objection=True
    )
    ppid_services.set_public_summary(
        permohonan, editor, "Dokumen anggaran 2026", "Tanpa data pribadi."
    )
    permohonan.refresh_from_db()
    ppid_services.answer_keberatan(
        permohonan.keberatan, atasan, PutusanKeberatan.values[0], "Tanggapan atasan."
    )
    return permohonan, editor, atasan


@pytest.mark.parametrize("role", ["editor", "atasan"])
def test_ppid_roles_read_the_request_and_its_objection_in_one_history(
    client, kip_story, role
):
    permohonan, editor, atasan = kip_story
    client.force_login(editor if role == "editor" else atasan)

    page = history(client, "permohonan_informasi", permohonan)

    assert (
        "Status: Diterima → Diputuskan: Ditolak (informasi dikecualikan), "
        "Pasal 17 huruf h" in page
    )
    assert "Keberatan diajukan pemohon (Pasal 35 ayat (1) huruf a)" in page
    assert "Status keberatan: Diajukan → Dijawab (" in page
    assert (
        "Ringkasan publik ditulis: “Dokumen anggaran 2026”; "
        "alasan: Tanpa data pribadi." in page
    )
    assert "Budi Santoso" not in page


def test_other_roles_cannot_read_the_history_of_a_request(client, kip_story):
    permohonan, _editor, _atasan = kip_story
    client.force_login(PetugasFactory(username="mod", role=MODERATOR_PENGADUAN))

    response = history(client, "permohonan_informasi", permohonan)

    assert response.status_code in {
        HTTPStatus.NOT_FOUND,
        HTTPStatus.FORBIDDEN,
        HTTPStatus.FOUND,
    }
