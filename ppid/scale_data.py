"""PPID's part of ``generate_scale_data``: DIP items and KIP information requests.

``--dip N`` adds N live Daftar Informasi Publik items (pages, through
``portal.scale_kit.bulk_create_pages``); ``--kip N`` adds N information requests over
three years, most of them decided, for the register and the yearly report. Needs
``load_demo_data``.
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone

from portal.choices import DasarPengecualian
from portal.models import PerangkatDaerah
from portal.scale_kit import (
    EMAIL_DOMAIN,
    Progress,
    UniqueCodes,
    batches,
    bulk_create_pages,
    real_rows,
)
from ppid.choices import (
    CaraMemperoleh,
    CaraPenyampaian,
    KategoriInformasi,
    KeputusanPermohonan,
    StatusPermohonan,
)
from ppid.models import (
    InformasiPublikIndexPage,
    InformasiPublikPage,
    PermohonanInformasi,
)

SPAN_DAYS = 3 * 365


class DipItems:
    """``--dip N``: live Daftar Informasi Publik items."""

    OPTION = "dip"
    HELP = "Number of live Daftar Informasi Publik items (dip) to add."

    @staticmethod
    def real_data_exists():
        """DIP items are public pages: scale rows never clash with citizens' data."""
        return False

    @staticmethod
    def generate(count, rng, stream):
        index = InformasiPublikIndexPage.objects.live().first()
        offices = list(PerangkatDaerah.objects.all())
        if index is None or not offices:
            raise CommandError("Muat data contoh dahulu: manage.py load_demo_data.")
        categories = [
            value
            for value in KategoriInformasi.values
            if value != KategoriInformasi.DIKECUALIKAN
        ]
        this_year = timezone.localdate().year
        progress = Progress(DipItems.OPTION, count, stream)
        number = InformasiPublikPage.objects.count()
        for size in batches(count, 1000):
            pages = []
            for _index in range(size):
                number += 1
                year = this_year - rng.randrange(5)
                pages.append(
                    InformasiPublikPage(
                        title=f"Informasi Uji Skala {number}",
                        slug=f"informasi-uji-skala-{number}",
                        nomor=f"DIP-UJI-{number:06d}",
                        ringkasan="Informasi buatan untuk uji beban.",
                        perangkat_daerah=rng.choice(offices),
                        penanggung_jawab="Kepala Dinas",
                        waktu_pembuatan=str(year),
                        tempat_pembuatan="Stabat",
                        jangka_waktu_penyimpanan="5 tahun",
                        kategori=rng.choice(categories),
                        tahun=year,
                    )
                )
            bulk_create_pages(index, pages)
            progress.advance(size)
        return count


class KipRequests:
    """``--kip N``: information requests for the register and the yearly report."""

    OPTION = "kip"
    HELP = "Number of KIP information requests (permohonan informasi) to add."

    @staticmethod
    def real_data_exists():
        return real_rows(PermohonanInformasi.objects.all()).exists()

    @staticmethod
    def generate(count, rng, stream):
        codes = UniqueCodes(PermohonanInformasi, PermohonanInformasi.tracking_prefix)
        now = timezone.now()
        decisions = KeputusanPermohonan.values
        progress = Progress(KipRequests.OPTION, count, stream)
        number = PermohonanInformasi.objects.count()
        for size in batches(count):
            rows = []
            for _index in range(size):
                number += 1
                received = now - datetime.timedelta(
                    days=rng.randrange(SPAN_DAYS), minutes=rng.randrange(24 * 60)
                )
                decided = rng.random() < 0.9
                decision = rng.choice(decisions) if decided else ""
                rows.append(
                    PermohonanInformasi(
                        **codes.next(),
                        nama=f"Pemohon Informasi Uji {number}",
                        alamat="Alamat buatan untuk uji beban.",
                        nomor_identitas=f"1205{number:012d}",
                        email=f"kip{number}@{EMAIL_DOMAIN}",
                        pekerjaan="Wiraswasta",
                        informasi_diminta="Informasi buatan untuk uji beban.",
                        tujuan="Uji beban.",
                        cara_memperoleh=rng.choice(CaraMemperoleh.values),
                        cara_penyampaian=rng.choice(CaraPenyampaian.values),
                        status=(
                            StatusPermohonan.DIPUTUSKAN
                            if decided
                            else StatusPermohonan.DITERIMA
                        ),
                        diterima_pada=received,
                        keputusan=decision,
                        dasar_penolakan=(
                            rng.choice(DasarPengecualian.values)
                            if decision == KeputusanPermohonan.DITOLAK
                            else ""
                        ),
                        diputuskan_pada=(
                            received + datetime.timedelta(days=rng.randint(1, 16))
                            if decided
                            else None
                        ),
                    )
                )
            PermohonanInformasi.objects.bulk_create(rows)
            progress.advance(size)
        return count


PARTS = [DipItems, KipRequests]
