"""Factories for e-laga reports."""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from pengaduan.choices import JenisLaporan, StatusLaporan
from pengaduan.models import (
    KategoriLaporan,
    LampiranLaporan,
    Laporan,
    TemplateTanggapan,
)
from portal.models import Desa, Kecamatan, PerangkatDaerah, ProfilPetugas
from portal.working_days import add_working_days
from tests.factories import UserFactory


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


class PublishedLaporanFactory(LaporanFactory):
    """A verified report that readers may see (DESIGN §4.2)."""

    status = StatusLaporan.DIVERIFIKASI
    diverifikasi_pada = factory.LazyFunction(timezone.now)
    batas_waktu = None


class DispatchedLaporanFactory(LaporanFactory):
    """A verified report dispatched to Dinas PUPR, waiting for its first follow-up."""

    status = StatusLaporan.DIDISPOSISIKAN
    perangkat_daerah = factory.LazyFunction(
        lambda: PerangkatDaerah.objects.get(slug="dinas-pupr")
    )
    diverifikasi_pada = factory.LazyFunction(timezone.now)
    didisposisikan_pada = factory.LazyFunction(timezone.now)
    batas_waktu = factory.LazyAttribute(
        lambda laporan: add_working_days(laporan.didisposisikan_pada, 5)
    )


class LampiranLaporanFactory(factory.django.DjangoModelFactory):
    """A small PNG attached to a report."""

    class Meta:
        model = LampiranLaporan

    laporan = factory.SubFactory(DispatchedLaporanFactory)
    berkas = factory.django.ImageField(filename="foto.png", format="PNG")
    content_type = "image/png"
    ukuran = 100


class PetugasFactory(UserFactory):
    """An admin user in one role group, optionally assigned to an OPD or kecamatan.

    ``PetugasFactory(role=PETUGAS_OPD, opd="dinas-pupr")``
    """

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            user.groups.add(Group.objects.get(name=extracted))

    @factory.post_generation
    def opd(user, create, extracted, **kwargs):
        if extracted:
            ProfilPetugas.objects.create(
                user=user, perangkat_daerah=PerangkatDaerah.objects.get(slug=extracted)
            )

    @factory.post_generation
    def kecamatan_tugas(user, create, extracted, **kwargs):
        if extracted:
            ProfilPetugas.objects.create(
                user=user, kecamatan=Kecamatan.objects.get(slug=extracted)
            )


def create_elaga_page(home_page, **fields):
    """The live e-laga index page under ``home_page`` (the public site's host)."""
    from pengaduan.models import ELagaIndexPage

    page = ELagaIndexPage(
        title="e-laga", slug="e-laga", introduction="<p>Sampaikan laporan.</p>"
    )
    for name, value in fields.items():
        setattr(page, name, value)
    home_page.add_child(instance=page)
    return page


def advance_laporan(laporan, status, user=None, opd_slug="dinas-pupr"):
    """Move ``laporan`` to ``status`` through the services, step by step."""
    from pengaduan import services
    from tests.factories import UserFactory

    user = user or UserFactory(username="moderator-uji")
    steps = {
        StatusLaporan.DIVERIFIKASI: [lambda: services.verify(laporan, user)],
        StatusLaporan.DITOLAK: [
            lambda: services.reject(laporan, user, "Laporan di luar kewenangan.")
        ],
    }
    steps[StatusLaporan.DIDISPOSISIKAN] = [
        *steps[StatusLaporan.DIVERIFIKASI],
        lambda: services.dispatch(
            laporan, user, PerangkatDaerah.objects.get(slug=opd_slug)
        ),
    ]
    steps[StatusLaporan.DITINDAKLANJUTI] = [
        *steps[StatusLaporan.DIDISPOSISIKAN],
        lambda: services.add_followup(laporan, user, "Petugas sudah meninjau lokasi."),
    ]
    steps[StatusLaporan.SELESAI] = [
        *steps[StatusLaporan.DITINDAKLANJUTI],
        lambda: services.resolve(laporan, user, "Jalan sudah diperbaiki."),
    ]
    steps[StatusLaporan.DITUTUP] = [
        *steps[StatusLaporan.SELESAI],
        lambda: services.close(laporan, user),
    ]
    for step in steps[status]:
        step()
    laporan.refresh_from_db()
    return laporan
