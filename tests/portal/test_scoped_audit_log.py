"""The admin's site history shows officers only the records in their scope (DESIGN §5)."""

from http import HTTPStatus

import pytest

from layanan import services as layanan_services
from pengaduan import services as pengaduan_services
from portal.models import PerangkatDaerah, ScopedLogEntry
from portal.roles import ADMIN_PORTAL, MODERATOR_PENGADUAN, PETUGAS_OPD
from tests.layanan.factories import (
    PermohonanFactory,
    kecamatan,
    kecamatan_officer,
    role_user,
)
from tests.pengaduan.factories import LaporanFactory, PetugasFactory

SITE_HISTORY = "/admin/reports/site-history/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def verified_applications():
    """One verified application in Babalan and one in Stabat, both in the audit log."""
    admin = role_user(ADMIN_PORTAL, username="admin.portal")
    babalan = PermohonanFactory(kecamatan=kecamatan("babalan"))
    stabat = PermohonanFactory(kecamatan=kecamatan("stabat"))
    for permohonan in (babalan, stabat):
        layanan_services.verify(permohonan, admin, "Berkas lengkap.")
    return babalan, stabat


def test_status_changes_of_applications_are_logged_in_the_scoped_log(
    verified_applications,
):
    babalan, _stabat = verified_applications
    entry = ScopedLogEntry.objects.for_instance(babalan).get()
    assert entry.action == "portal.status_change"


def test_a_kecamatan_officer_reads_the_history_of_their_own_kecamatan_only(
    client, verified_applications
):
    babalan, stabat = verified_applications
    client.force_login(kecamatan_officer("babalan"))

    response = client.get(SITE_HISTORY)

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert babalan.kode_lacak in content
    assert stabat.kode_lacak not in content


def test_portal_admins_read_the_history_of_every_kecamatan(
    client, verified_applications
):
    babalan, stabat = verified_applications
    client.force_login(role_user(ADMIN_PORTAL, username="admin.lain"))

    content = client.get(SITE_HISTORY).content.decode()

    assert babalan.kode_lacak in content
    assert stabat.kode_lacak in content


def test_an_opd_officer_reads_the_history_of_reports_dispatched_to_their_opd_only(
    client,
):
    moderator = PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN)
    pupr = PerangkatDaerah.objects.get(slug="dinas-pupr")
    dinkes = PerangkatDaerah.objects.get(slug="dinkes")
    to_pupr = LaporanFactory(judul="Jembatan Securai retak")
    to_dinkes = LaporanFactory(judul="Puskesmas tutup siang hari")
    for laporan, opd in ((to_pupr, pupr), (to_dinkes, dinkes)):
        pengaduan_services.verify(laporan, moderator)
        pengaduan_services.dispatch(laporan, moderator, opd)
    client.force_login(
        PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    )

    content = client.get(SITE_HISTORY).content.decode()

    assert to_pupr.kode_lacak in content
    assert to_dinkes.kode_lacak not in content
