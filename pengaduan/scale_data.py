"""e-laga's part of ``generate_scale_data``: reports over three years, every status.

Reports go in with ``bulk_create`` (no signals), then the statistics rollup is
recounted once. Needs the demo's categories (``load_demo_data``).
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone

from pengaduan.choices import JenisLaporan, StatusLaporan
from pengaduan.models import KategoriLaporan, Laporan
from pengaduan.statistics_rollup import rebuild_statistics
from portal.models import Desa, PerangkatDaerah
from portal.scale_kit import (
    EMAIL_DOMAIN,
    Progress,
    UniqueCodes,
    batches,
    real_rows,
)
from portal.working_days import WorkingDayCalendar, to_local_date

OPTION = "laporan"
HELP = "Number of e-laga reports (laporan) to add."

S = StatusLaporan
#: (status, weight): most reports end resolved; some stay open past their deadline.
STATUSES = [
    (S.BARU, 4),
    (S.DIVERIFIKASI, 4),
    (S.DITOLAK, 6),
    (S.DIDISPOSISIKAN, 8),
    (S.DITINDAKLANJUTI, 10),
    (S.SELESAI, 30),
    (S.DITUTUP, 38),
]
SPAN_DAYS = 3 * 365


def real_data_exists():
    return real_rows(Laporan.objects.all()).exists()


def generate(count, rng, stream):
    categories = list(KategoriLaporan.objects.all())
    villages = list(Desa.objects.values_list("pk", "kecamatan_id"))
    offices = list(PerangkatDaerah.objects.values_list("pk", flat=True))
    if not categories or not villages:
        raise CommandError("Muat data contoh dahulu: manage.py load_demo_data.")
    codes = UniqueCodes(Laporan, Laporan.tracking_prefix)
    now = timezone.now()
    calendar = WorkingDayCalendar(
        to_local_date(now) - datetime.timedelta(days=SPAN_DAYS + 30),
        to_local_date(now) + datetime.timedelta(days=400),
    )
    statuses, weights = zip(*STATUSES, strict=True)
    progress = Progress(OPTION, count, stream)
    number = Laporan.objects.count()
    for size in batches(count):
        rows = []
        for _index in range(size):
            number += 1
            kategori = rng.choice(categories)
            desa, kecamatan = rng.choice(villages)
            status = rng.choices(statuses, weights)[0]
            received = now - datetime.timedelta(
                days=rng.randrange(SPAN_DAYS), minutes=rng.randrange(24 * 60)
            )
            rows.append(
                Laporan(
                    **codes.next(),
                    **_lifecycle(rng, status, received, now, kategori, calendar),
                    jenis=rng.choice(JenisLaporan.values),
                    kategori=kategori,
                    judul=f"Laporan uji skala nomor {number}",
                    isi="Laporan buatan untuk uji beban; tidak ada orang nyata.",
                    kecamatan_id=kecamatan,
                    desa_id=desa,
                    nama_pelapor=f"Warga Uji {number}",
                    email=f"warga{number}@{EMAIL_DOMAIN}",
                    rahasia=rng.random() < 0.05,
                    anonim=rng.random() < 0.2,
                    status=status,
                    perangkat_daerah_id=(
                        rng.choice(offices)
                        if status not in (S.BARU, S.DIVERIFIKASI, S.DITOLAK)
                        else None
                    ),
                )
            )
        Laporan.objects.bulk_create(rows)
        progress.advance(size)
    rebuild_statistics()
    return count


def _lifecycle(rng, status, received, now, kategori, calendar):
    """Timestamps and the current deadline of a report that reached ``status``."""
    order = [S.BARU, S.DIVERIFIKASI, S.DIDISPOSISIKAN, S.DITINDAKLANJUTI, S.SELESAI]
    # Rejected at verification; closed after everything else.
    reached = {S.DITOLAK: 1, S.DITUTUP: len(order)}.get(status) or order.index(status)

    def after(moment, days):
        return min(moment + datetime.timedelta(days=rng.randint(0, days), hours=2), now)

    verified = after(received, 4)
    dispatched = after(verified, 2)
    followup = after(dispatched, 9)
    resolved = after(followup, 25)
    received_on = to_local_date(received)
    fields = {
        "diterima_pada": received,
        "diverifikasi_pada": verified if reached >= 1 else None,
        "didisposisikan_pada": dispatched if reached >= 2 else None,
        "tindak_lanjut_pertama_pada": followup if reached >= 3 else None,
        "selesai_pada": resolved if reached >= 4 else None,
        "ditutup_pada": after(resolved, 12) if status == S.DITUTUP else None,
        "alasan_penolakan": "Di luar kewenangan." if status == S.DITOLAK else "",
        "batas_waktu": None,
    }
    if status == S.BARU:
        fields["batas_waktu"] = calendar.add(received_on, 3)
    elif status == S.DIDISPOSISIKAN:
        fields["batas_waktu"] = calendar.add(to_local_date(dispatched), 5)
    elif status == S.DITINDAKLANJUTI:
        fields["batas_waktu"] = calendar.add(received_on, kategori.target_hari_kerja)
    return fields
