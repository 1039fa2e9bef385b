"""The statistics rollup stays exact: after random changes it equals a full scan."""

import datetime
import random
import statistics as pystatistics
import zoneinfo
from collections import defaultdict

import pytest
from django.core.management import call_command
from freezegun import freeze_time

from pengaduan import services
from pengaduan.choices import StatusLaporan
from pengaduan.models import OPEN_STATUSES, KategoriLaporan, Laporan, StatistikLaporan
from pengaduan.statistics import compute_statistics
from portal.models import HariLibur, Kecamatan, PerangkatDaerah
from portal.working_days import (
    add_working_days,
    to_local_date,
    working_days_between,
)
from tests.factories import UserFactory
from tests.pengaduan.factories import KategoriLaporanFactory, LaporanFactory

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
YEAR = 2025
TODAY = datetime.date(2025, 12, 31)


def full_scan(year, today):
    """The figures of ``year`` from every report, computed the slow, obvious way."""
    groups = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0, []]))
    for laporan in Laporan.objects.select_related(
        "kategori", "kecamatan", "perangkat_daerah"
    ):
        received_on = to_local_date(laporan.diterima_pada)
        if received_on.year != year:
            continue
        resolved = laporan.status in (StatusLaporan.SELESAI, StatusLaporan.DITUTUP)
        resolved_at = laporan.selesai_pada or laporan.ditutup_pada
        deadline = add_working_days(received_on, laporan.kategori.target_hari_kerja)
        on_time = bool(resolved and to_local_date(resolved_at) <= deadline)
        overdue = bool(
            laporan.status in OPEN_STATUSES
            and laporan.batas_waktu
            and laporan.batas_waktu < today
        )
        first = laporan.tindak_lanjut_pertama_pada or (
            laporan.selesai_pada if resolved else None
        )
        days = (
            working_days_between(received_on, to_local_date(first)) if first else None
        )
        opd = laporan.perangkat_daerah
        for table, label in (
            ("total", "Jumlah"),
            ("bulan", received_on.month),
            ("kategori", laporan.kategori.nama),
            ("kecamatan", laporan.kecamatan.nama),
            ("opd", opd.nama if opd else "Belum didisposisikan"),
        ):
            figures = groups[table][label]
            figures[0] += 1
            figures[1] += resolved
            figures[2] += on_time
            figures[3] += overdue
            if days is not None:
                figures[4].append(days)
    return {
        table: {
            label: (
                received,
                resolved,
                on_time,
                overdue,
                pystatistics.median(days) if days else None,
            )
            for label, (received, resolved, on_time, overdue, days) in rows.items()
        }
        for table, rows in groups.items()
    }


def from_rollup(year, today):
    stats = compute_statistics(year, today=today)

    def figures(group):
        return (
            group.received,
            group.resolved,
            group.on_time,
            group.overdue,
            group.median_first_answer,
        )

    tables = {"total": {"Jumlah": figures(stats.total)}}
    tables["bulan"] = {
        number: figures(group)
        for number, group in enumerate(stats.by_month, start=1)
        if group.received
    }
    for key, _heading, rows in stats.tables()[1:]:
        tables[key] = {group.label: figures(group) for group in rows}
    return tables


def rollup_rows():
    return sorted(
        StatistikLaporan.objects.filter(jumlah__gt=0).values_list(
            "bulan",
            "dimensi",
            "kunci",
            "status",
            "tepat_waktu",
            "ada_tanggapan",
            "hari_tanggapan",
            "jumlah",
        )
    )


def _random_moment(rng):
    day = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randrange(330))
    return datetime.datetime.combine(day, datetime.time(rng.randrange(7, 16)), WIB)


def _random_history(rng, laporan, moderator, offices):
    """Walk ``laporan`` a random number of lifecycle steps, days apart."""
    moment = laporan.diterima_pada

    def later():
        nonlocal moment
        moment += datetime.timedelta(days=rng.randrange(0, 9), hours=1)
        return freeze_time(moment)

    if rng.random() < 0.15:
        with later():
            services.reject(laporan, moderator, "Bukan kewenangan pemerintah daerah.")
        return
    steps = [
        lambda: services.verify(laporan, moderator),
        lambda: services.dispatch(laporan, moderator, rng.choice(offices)),
        lambda: services.add_followup(laporan, moderator, "Sudah ditinjau."),
        lambda: services.resolve(laporan, moderator, "Sudah diperbaiki."),
        lambda: services.close(laporan, moderator),
    ]
    for step in steps[: rng.randrange(len(steps) + 1)]:
        with later():
            step()


def test_rollup_equals_a_full_scan_after_random_changes():
    rng = random.Random(14)
    moderator = UserFactory(username="moderator-rollup")
    offices = list(PerangkatDaerah.objects.all()[:4])
    kecamatan = list(Kecamatan.objects.all()[:5])
    kategori = [
        KategoriLaporanFactory(slug=f"kategori-{target}", target_hari_kerja=target)
        for target in (2, 5, 14)
    ]
    reports = []
    for _index in range(40):
        received = _random_moment(rng)
        with freeze_time(received):
            reports.append(
                LaporanFactory(
                    kategori=rng.choice(kategori),
                    kecamatan=rng.choice(kecamatan),
                    desa=None,
                )
            )
    for laporan in reports:
        _random_history(rng, laporan, moderator, offices)
    # Corrections and removals outside the lifecycle keep it exact as well.
    moved = reports[0]
    moved.kecamatan = kecamatan[-1]
    moved.kategori = kategori[0]
    moved.save()
    reports[1].delete()
    HariLibur.objects.create(tanggal=datetime.date(YEAR, 6, 2), nama="Libur daerah")
    changed = KategoriLaporan.objects.get(pk=kategori[1].pk)
    changed.target_hari_kerja = 60
    changed.save()

    assert from_rollup(YEAR, TODAY) == full_scan(YEAR, TODAY)
    kept = rollup_rows()
    call_command("rebuild_statistik_laporan", verbosity=0)
    assert rollup_rows() == kept


def test_rebuild_recovers_from_writes_that_skip_signals():
    laporan = LaporanFactory()
    year = to_local_date(laporan.diterima_pada).year
    Laporan.objects.filter(pk=laporan.pk).update(
        status=StatusLaporan.SELESAI, selesai_pada=laporan.diterima_pada
    )
    assert compute_statistics(year).total.resolved == 0  # update() skips signals
    call_command("rebuild_statistik_laporan", verbosity=0)
    assert compute_statistics(year).total.resolved == 1
    assert from_rollup(year, TODAY) == full_scan(year, TODAY)
