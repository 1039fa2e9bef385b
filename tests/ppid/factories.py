"""Factories for the PPID section: the page tree, announcements and KIP requests."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from portal.models import PerangkatDaerah
from portal.working_days import add_working_days
from ppid import services
from ppid.choices import KategoriInformasi, KeputusanPermohonan
from ppid.models import (
    InformasiPublikIndexPage,
    InformasiPublikPage,
    LayananInformasiPage,
    PengumumanIndexPage,
    PengumumanPage,
    PPIDPage,
)
from tests.factories import UserFactory


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


class PermohonanInformasiFactory(factory.django.DjangoModelFactory):
    """A registered KIP information request (as submit_permohonan saves it)."""

    class Meta:
        model = "ppid.PermohonanInformasi"

    nama = "Budi Santoso"
    alamat = "Jl. Proklamasi No. 5, Stabat"
    nomor_identitas = "1205011203850001"
    telepon = "081298765432"
    email = "budi.santoso@example.com"
    pekerjaan = "Wiraswasta"
    informasi_diminta = "Salinan dokumen APBD 2026 beserta lampirannya."
    tujuan = "Kajian anggaran oleh kelompok masyarakat."
    cara_memperoleh = "salinan"
    cara_penyampaian = "email"
    diterima_pada = factory.LazyFunction(timezone.now)
    batas_waktu = factory.LazyAttribute(
        lambda permohonan: add_working_days(permohonan.diterima_pada, 10)
    )


class DecidedPermohonanFactory(PermohonanInformasiFactory):
    """A request the PPID granted in full two days after receipt (not yet delivered)."""

    status = "diputuskan"
    keputusan = "seluruhnya"
    jawaban = "Salinan dokumen kami kirim melalui email."
    diputuskan_pada = factory.LazyAttribute(
        lambda permohonan: permohonan.diterima_pada + datetime.timedelta(days=2)
    )
    batas_waktu = None


def create_kip_request(user=None, decided=None, objection=False, **fields):
    """A request registered through ppid.services, optionally decided and objected to.

    ``decided`` is a KeputusanPermohonan value; a refusal gets Pasal 17 huruf h.
    """
    permohonan = services.submit_permohonan(PermohonanInformasiFactory.build(**fields))
    if decided:
        refused = decided in (
            KeputusanPermohonan.DITOLAK,
            KeputusanPermohonan.DIBERIKAN_SEBAGIAN,
        )
        services.decide(
            permohonan,
            user or UserFactory(),
            decided,
            "Jawaban tertulis PPID.",
            dasar_penolakan="h" if refused else "",
            uji_konsekuensi="Memuat data pribadi." if refused else "",
        )
    if objection:
        services.file_keberatan(permohonan, ["a"], "Saya keberatan.")
    return permohonan


def create_layanan_informasi_page(home_page, **fields):
    """The live KIP service page, under a PPID page under ``home_page``."""
    ppid = PPIDPageFactory(parent=home_page, slug="ppid", title="PPID")
    page = LayananInformasiPage(
        title="Layanan Informasi Publik",
        slug="layanan-informasi",
        introduction="<p>Ajukan permohonan informasi publik.</p>",
        **fields,
    )
    ppid.add_child(instance=page)
    return page
