"""Factories for the KIP page tree, news and announcements."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.choices import KategoriInformasi
from home.models import (
    BeritaIndexPage,
    BeritaPage,
    InformasiPublikDokumen,
    InformasiPublikIndexPage,
    InformasiPublikPage,
    PengumumanIndexPage,
    PengumumanPage,
    PPIDPage,
)
from portal.models import PerangkatDaerah


class PPIDPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PPIDPage

    title = "Informasi Publik"
    slug = "informasi-publik"
    profil = "<p>PPID Kabupaten Langkat.</p>"


class InformasiPublikIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InformasiPublikIndexPage

    title = "Daftar Informasi Publik"
    slug = "dip"


class InformasiPublikPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InformasiPublikPage

    title = factory.Sequence(lambda n: f"Informasi {n}")
    nomor = factory.Sequence(lambda n: f"DIP-2026-{n:03d}")
    ringkasan = "Ringkasan isi informasi."
    perangkat_daerah = factory.LazyFunction(
        lambda: PerangkatDaerah.objects.get(slug="diskominfo")
    )
    penanggung_jawab = "Kepala Dinas"
    waktu_pembuatan = "Maret 2026"
    tempat_pembuatan = "Stabat"
    jangka_waktu_penyimpanan = "5 tahun"
    kategori = KategoriInformasi.BERKALA
    tahun = 2026


class DokumenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformasiPublikDokumen

    document = factory.SubFactory(wagtail_factories.DocumentFactory)


class BeritaIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BeritaIndexPage

    title = "Berita"
    slug = "berita"


class BeritaPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BeritaPage

    title = factory.Sequence(lambda n: f"Berita {n}")
    introduction = "Teras berita."
    tanggal = factory.Sequence(
        lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(n)
    )


class PengumumanIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PengumumanIndexPage

    title = "Pengumuman"
    slug = "pengumuman"


class PengumumanPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PengumumanPage

    title = factory.Sequence(lambda n: f"Pengumuman {n}")
    pesan = "Waspada banjir di DAS Wampu."
    mulai = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    berakhir = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
