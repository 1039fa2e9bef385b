"""Factories for e-laga reports."""

import factory
from django.utils import timezone

from pengaduan.choices import JenisLaporan, StatusLaporan
from pengaduan.models import KategoriLaporan, Laporan, TemplateTanggapan
from portal.models import Desa, Kecamatan, PerangkatDaerah
from portal.working_days import add_working_days


class KategoriLaporanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KategoriLaporan
        django_get_or_create = ["slug"]

    nama = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")
    perangkat_daerah_default = factory.LazyFunction(
        lambda: PerangkatDaerah.objects.get(slug="dinas-pupr")
    )


class LaporanFactory(factory.django.DjangoModelFactory):
    """A new report from Babalan, as submit_laporan would save it."""

    class Meta:
        model = Laporan

    jenis = JenisLaporan.PENGADUAN
    kategori = factory.SubFactory(KategoriLaporanFactory)
    judul = factory.Sequence(lambda n: f"Jalan berlubang nomor {n}")
    isi = "Jalan di depan sekolah berlubang dan membahayakan anak-anak."
    kecamatan = factory.LazyFunction(lambda: Kecamatan.objects.get(slug="babalan"))
    desa = factory.LazyFunction(lambda: Desa.objects.get(nama="Brandan Barat"))
    nama_pelapor = "Siti Rahmawati"
    email = "siti.rahmawati@example.com"
    telepon = "081234567890"
    nik = "1205015203850002"
    status = StatusLaporan.BARU
    diterima_pada = factory.LazyFunction(timezone.now)
    batas_waktu = factory.LazyAttribute(
        lambda laporan: add_working_days(laporan.diterima_pada, 3)
    )


class TemplateTanggapanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TemplateTanggapan

    judul = factory.Sequence(lambda n: f"Template {n}")
    isi = "Terima kasih, laporan Anda sedang kami tangani."
