"""Lists say what came late and what is due soon (DESIGN §4.1, issue 13).

A completed record whose completion came after its deadline is marked "Selesai
terlambat N hari kerja" in its list's deadline column, and every export says
"Selesai tepat waktu: Ya/Tidak"; both from one working-day calendar per page. The
"segera" filter lists the running records due within three working days (not the
overdue ones): the dashboards' "due soon" lists link to it.
"""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from layanan.choices import StatusPermohonan
from pengaduan.choices import StatusLaporan
from portal.roles import ADMIN_PORTAL, EDITOR_PPID, MODERATOR_PENGADUAN
from portal.working_days import add_working_days, working_days_between
from tests.layanan.factories import (
    PermohonanFactory,
    SelesaiPermohonanFactory,
    role_user,
)
from tests.pengaduan.factories import (
    DispatchedLaporanFactory,
    KategoriLaporanFactory,
    LaporanFactory,
    PetugasFactory,
)
from tests.ppid.factories import DecidedPermohonanFactory, PermohonanInformasiFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
LONG_AGO = NOW - datetime.timedelta(days=40)


def resolved_report(received, resolved, **fields):
    """A report received on ``received`` and resolved on ``resolved`` (2 hari kerja)."""
    return LaporanFactory(
        kategori=KategoriLaporanFactory(target_hari_kerja=2),
        status=StatusLaporan.SELESAI,
        diterima_pada=received,
        selesai_pada=resolved,
        batas_waktu=None,
        **fields,
    )


def days_late(received, count, completed):
    return working_days_between(add_working_days(received, count), completed)


def row_of(html, text):
    return next(row for row in html.split("<tr")[1:] if text in row)


def csv_rows(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content)))


@pytest.fixture
def moderator_client(client):
    client.force_login(PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN))
    return client


def test_a_report_resolved_after_its_target_is_marked_in_the_list_and_export(
    moderator_client,
):
    late = resolved_report(LONG_AGO, NOW, judul="Drainase tersumbat")
    in_time = resolved_report(NOW, NOW, judul="Lampu jalan padam")
    DispatchedLaporanFactory(judul="Masih berjalan")

    html = moderator_client.get(reverse("laporan:index")).content.decode()
    rows = {
        row["Judul"]: row
        for row in csv_rows(
            moderator_client.get(reverse("laporan:index"), {"export": "csv"})
        )
    }

    days = days_late(LONG_AGO, 2, NOW)
    assert f"Selesai terlambat {days} hari kerja" in row_of(html, late.judul)
    assert "terlambat" not in row_of(html, in_time.judul).lower()
    assert rows[late.judul]["Selesai tepat waktu"] == "Tidak"
    assert rows[in_time.judul]["Selesai tepat waktu"] == "Ya"
    assert rows["Masih berjalan"]["Selesai tepat waktu"] == ""


def test_the_list_with_completed_reports_keeps_a_constant_number_of_queries(
    moderator_client,
):
    def count_queries(reports):
        for _index in range(reports):
            resolved_report(LONG_AGO, NOW)
        with CaptureQueriesContext(connection) as queries:
            moderator_client.get(reverse("laporan:index"))
        return len(queries)

    assert count_queries(3) == count_queries(27)


def test_an_application_completed_late_is_marked_in_the_list_and_export(client):
    late = SelesaiPermohonanFactory(diverifikasi_pada=LONG_AGO, selesai_pada=NOW)
    late.store_running_deadline()
    late.save()
    client.force_login(role_user(ADMIN_PORTAL, username="admin"))

    html = client.get(reverse("permohonan_layanan:index")).content.decode()
    rows = csv_rows(client.get(reverse("permohonan_layanan:index"), {"export": "csv"}))

    days = days_late(LONG_AGO, late.waktu_hari_kerja, NOW)
    assert f"Selesai terlambat {days} hari kerja" in row_of(html, late.kode_lacak)
    assert rows[0]["Selesai tepat waktu"] == "Tidak"


def test_a_request_decided_after_ten_working_days_is_marked_in_the_list_and_export(
    client,
):
    late = DecidedPermohonanFactory(diterima_pada=LONG_AGO, diputuskan_pada=NOW)
    in_time = DecidedPermohonanFactory()
    client.force_login(PetugasFactory(username="ppid", role=EDITOR_PPID))

    html = client.get(reverse("permohonan_informasi:index")).content.decode()
    rows = {
        row["Nomor registrasi"]: row
        for row in csv_rows(
            client.get(reverse("permohonan_informasi:index"), {"export": "csv"})
        )
    }

    days = days_late(LONG_AGO, 10, NOW)
    assert f"Selesai terlambat {days} hari kerja" in row_of(html, late.kode_lacak)
    assert "terlambat" not in row_of(html, in_time.kode_lacak).lower()
    assert rows[late.kode_lacak]["Selesai tepat waktu"] == "Tidak"
    assert rows[in_time.kode_lacak]["Selesai tepat waktu"] == "Ya"


def test_the_due_soon_filter_lists_running_reports_due_within_three_working_days(
    moderator_client,
):
    today = timezone.localdate()
    soon = DispatchedLaporanFactory(batas_waktu=add_working_days(today, 2))
    due_today = DispatchedLaporanFactory(batas_waktu=today)
    DispatchedLaporanFactory(batas_waktu=today - datetime.timedelta(days=1))
    DispatchedLaporanFactory(batas_waktu=add_working_days(today, 10))
    resolved_report(LONG_AGO, NOW)

    response = moderator_client.get(reverse("laporan:index"), {"segera": "true"})

    assert set(response.context["object_list"]) == {soon, due_today}
    assert "Jatuh tempo dalam 3 hari kerja" in response.content.decode()


def test_the_due_soon_filter_of_applications_and_requests(client):
    today = timezone.localdate()
    soon_application = PermohonanFactory(
        status=StatusPermohonan.DIPROSES, batas_waktu=add_working_days(today, 1)
    )
    PermohonanFactory(
        status=StatusPermohonan.DIPROSES, batas_waktu=add_working_days(today, 9)
    )
    soon_request = PermohonanInformasiFactory(batas_waktu=add_working_days(today, 3))
    PermohonanInformasiFactory(batas_waktu=today - datetime.timedelta(days=3))
    client.force_login(role_user(ADMIN_PORTAL, username="admin"))

    applications = client.get(
        reverse("permohonan_layanan:index"), {"segera": "true"}
    ).context["object_list"]
    requests = client.get(
        reverse("permohonan_informasi:index"), {"segera": "true"}
    ).context["object_list"]

    assert list(applications) == [soon_application]
    assert list(requests) == [soon_request]


def test_the_dashboards_due_soon_list_links_to_the_due_soon_filter(moderator_client):
    DispatchedLaporanFactory(
        batas_waktu=add_working_days(timezone.localdate(), 1), judul="Segera"
    )

    html = moderator_client.get(reverse("wagtailadmin_home")).content.decode()

    assert f"{reverse('laporan:index')}?segera=true&amp;ordering=batas_waktu" in html
