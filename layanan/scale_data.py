"""e-kecamatan's part of ``generate_scale_data``: applications and IKM surveys.

Applications of the demo's services over three years in every status; about four
in five completed ones carry an IKM survey. Needs ``load_demo_data``.
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone

from layanan.choices import JenisHasil, StatusPermohonan
from layanan.models import Permohonan, StandarLayanan, SurveiIKM
from portal.models import Desa
from portal.scale_kit import (
    EMAIL_DOMAIN,
    Progress,
    UniqueCodes,
    batches,
    real_rows,
)
from portal.working_days import WorkingDayCalendar

OPTION = "permohonan"
HELP = "Number of e-kecamatan applications (permohonan) to add, with IKM surveys."

S = StatusPermohonan
STATUSES = [
    (S.DIAJUKAN, 6),
    (S.PERLU_PERBAIKAN, 4),
    (S.DIVERIFIKASI, 5),
    (S.DIPROSES, 10),
    (S.SELESAI, 65),
    (S.DITOLAK, 10),
]
SPAN_DAYS = 3 * 365


def real_data_exists():
    return real_rows(Permohonan.objects.all()).exists()


def generate(count, rng, stream):
    services = list(StandarLayanan.objects.filter(live=True))
    villages = list(Desa.objects.values_list("pk", "kecamatan_id"))
    if not services or not villages:
        raise CommandError("Muat data contoh dahulu: manage.py load_demo_data.")
    codes = UniqueCodes(Permohonan, Permohonan.tracking_prefix)
    statuses, weights = zip(*STATUSES, strict=True)
    now = timezone.now()
    progress = Progress(OPTION, count, stream)
    number = Permohonan.objects.count()
    # One calendar for every row's stored deadline: no holiday query per row.
    calendar = WorkingDayCalendar.complete()
    for size in batches(count):
        rows = []
        for _index in range(size):
            number += 1
            layanan = rng.choice(services)
            desa, kecamatan = rng.choice(villages)
            status = rng.choices(statuses, weights)[0]
            submitted = now - datetime.timedelta(
                days=rng.randrange(SPAN_DAYS), minutes=rng.randrange(24 * 60)
            )
            verified = submitted + datetime.timedelta(days=rng.randint(0, 2))
            done = verified + datetime.timedelta(days=rng.randint(0, 10))
            permohonan = Permohonan(
                **codes.next(),
                layanan=layanan,
                kecamatan_id=kecamatan,
                desa_id=desa,
                nama=f"Pemohon Uji {number}",
                nik=f"1205{number:012d}",
                telepon="081200000000",
                email=f"pemohon{number}@{EMAIL_DOMAIN}",
                alamat="Alamat buatan untuk uji beban.",
                waktu_hari_kerja=layanan.waktu_hari_kerja,
                waktu_verifikasi_hari_kerja=layanan.waktu_verifikasi_hari_kerja,
                status=status,
                diajukan_pada=submitted,
                diverifikasi_pada=(
                    verified
                    if status in (S.DIVERIFIKASI, S.DIPROSES, S.SELESAI)
                    else None
                ),
                selesai_pada=done if status == S.SELESAI else None,
                menunggu_verifikasi_sejak=(submitted if status == S.DIAJUKAN else None),
                jenis_hasil=JenisHasil.AMBIL if status == S.SELESAI else "",
                catatan_hasil=(
                    "Surat dapat diambil di kantor camat."
                    if status == S.SELESAI
                    else ""
                ),
                alasan_penolakan=(
                    "Persyaratan tidak lengkap." if status == S.DITOLAK else ""
                ),
            )
            permohonan.batas_waktu = permohonan.running_deadline(calendar)
            rows.append(permohonan)
        created = Permohonan.objects.bulk_create(rows)
        SurveiIKM.objects.bulk_create(
            _survey(rng, permohonan)
            for permohonan in created
            if permohonan.status == S.SELESAI and rng.random() < 0.8
        )
        progress.advance(size)
    return count


def _survey(rng, permohonan):
    scores = {
        f"u{number}": rng.choices((1, 2, 3, 4), (1, 3, 10, 8))[0]
        for number in range(1, 10)
    }
    return SurveiIKM(
        permohonan=permohonan,
        kecamatan_id=permohonan.kecamatan_id,
        layanan=permohonan.layanan,
        dibuat_pada=permohonan.selesai_pada,
        **scores,
    )
