"""Factories for e-kecamatan: live service standards, applications and surveys."""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from layanan.choices import StatusPermohonan
from layanan.models import (
    BerkasPermohonan,
    Permohonan,
    StandarLayanan,
    SurveiIKM,
    TemplateSurat,
)
from portal.models import Kecamatan, ProfilPetugas
from portal.roles import PETUGAS_KECAMATAN
from tests.factories import UserFactory

#: A service with one requirement upload and one field of each kind.
DEFAULT_PERSYARATAN = [
    ("persyaratan", {"nama": "KTP pemohon", "keterangan": "", "unggah": True}),
    ("persyaratan", {"nama": "Kartu Keluarga", "keterangan": "", "unggah": True}),
    (
        "persyaratan",
        {
            "nama": "Pas foto 3x4",
            "keterangan": "dibawa saat mengambil",
            "unggah": False,
        },
    ),
]
DEFAULT_ISIAN = [
    ("teks", {"label": "Keperluan", "wajib": True, "bantuan": "", "panjang": False}),
    (
        "angka",
        {
            "label": "Jumlah anggota keluarga",
            "wajib": True,
            "bantuan": "",
            "minimum": 1,
            "maksimum": 20,
        },
    ),
    ("tanggal", {"label": "Tanggal mulai tinggal", "wajib": False, "bantuan": ""}),
    (
        "pilihan",
        {
            "label": "Status rumah",
            "wajib": True,
            "bantuan": "",
            "pilihan": ["Milik sendiri", "Sewa", "Menumpang"],
        },
    ),
    ("berkas", {"label": "Surat pengantar kepala desa", "wajib": False, "bantuan": ""}),
]


class StandarLayananFactory(factory.django.DjangoModelFactory):
    """A live (published) service standard offered in every kecamatan."""

    class Meta:
        model = StandarLayanan
        django_get_or_create = ["slug"]

    nama = factory.Sequence(lambda n: f"Surat Keterangan Domisili {n}")
    slug = factory.Sequence(lambda n: f"surat-keterangan-domisili-{n}")
    ringkasan = "Surat keterangan tempat tinggal untuk keperluan administrasi."
    dasar_hukum = "<p>Perda Kabupaten Langkat tentang Pelayanan Administrasi.</p>"
    persyaratan = DEFAULT_PERSYARATAN
    prosedur = [
        ("langkah", {"judul": "Ajukan permohonan daring", "uraian": ""}),
        ("langkah", {"judul": "Petugas memverifikasi berkas", "uraian": ""}),
    ]
    waktu_hari_kerja = 3
    biaya = 0
    produk = "Surat Keterangan Domisili"
    saluran_pengaduan = "e-laga di Portal Langkat atau kotak saran kantor camat."
    isian = DEFAULT_ISIAN
    semua_kecamatan = True
    live = True


def kecamatan(slug="babalan"):
    return Kecamatan.objects.get(slug=slug)


class PermohonanFactory(factory.django.DjangoModelFactory):
    """A new application in Babalan, as submit_permohonan would save it."""

    class Meta:
        model = Permohonan

    layanan = factory.SubFactory(StandarLayananFactory)
    kecamatan = factory.LazyFunction(kecamatan)
    nama = "Rina Sembiring"
    nik = "1205015203850002"
    telepon = "081234567890"
    email = "rina.sembiring@example.com"
    alamat = "Jl. Pelabuhan No. 12, Pangkalan Brandan"
    jawaban = factory.LazyFunction(list)
    waktu_hari_kerja = factory.LazyAttribute(lambda p: p.layanan.waktu_hari_kerja)
    status = StatusPermohonan.DIAJUKAN
    diajukan_pada = factory.LazyFunction(timezone.now)


class SelesaiPermohonanFactory(PermohonanFactory):
    status = StatusPermohonan.SELESAI
    diverifikasi_pada = factory.LazyFunction(timezone.now)
    selesai_pada = factory.LazyFunction(timezone.now)
    catatan_hasil = "Surat dapat diambil di kantor camat."


class SurveiIKMFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveiIKM

    permohonan = factory.SubFactory(SelesaiPermohonanFactory)
    kecamatan = factory.LazyAttribute(lambda s: s.permohonan.kecamatan)
    layanan = factory.LazyAttribute(lambda s: s.permohonan.layanan)
    u1 = u2 = u3 = u4 = u5 = u6 = u7 = u8 = u9 = 4


def kecamatan_officer(slug="babalan", username=None):
    """An active Petugas Kecamatan of ``slug`` with their profile."""
    user = UserFactory(username=username or f"petugas.{slug}")
    user.groups.add(Group.objects.get(name=PETUGAS_KECAMATAN))
    ProfilPetugas.objects.create(user=user, kecamatan=kecamatan(slug))
    return user


class BerkasPermohonanFactory(factory.django.DjangoModelFactory):
    """A small PNG uploaded as the KTP requirement of an application."""

    class Meta:
        model = BerkasPermohonan

    permohonan = factory.SubFactory(PermohonanFactory)
    kunci = "ktp"
    label = "KTP pemohon"
    berkas = factory.django.ImageField(filename="ktp.png", format="PNG")
    content_type = "image/png"
    ukuran = 100


def role_user(role, username=None, **kwargs):
    """An active admin user in the group ``role`` (no kecamatan profile)."""
    user = UserFactory(username=username or role.lower().replace(" ", "."), **kwargs)
    user.groups.add(Group.objects.get(name=role))
    return user


#: A letter body using the applicant's identity, the place and two answers of the
#: factory's service ("Keperluan", "Status rumah").
LETTER_BODY = (
    "<p>Camat {{ kecamatan }} menerangkan bahwa <b>{{ nama_pemohon }}</b> (NIK "
    "{{ nik_pemohon }}) benar berdomisili di {{ alamat_pemohon }}.</p>"
    "<ul><li>Keperluan: {{ keperluan }}</li>"
    "<li>Status rumah: {{ status_rumah }}</li></ul>"
    "<p>Dibuat pada {{ tanggal_surat }} atas permohonan {{ kode_lacak }}.</p>"
)


class TemplateSuratFactory(factory.django.DjangoModelFactory):
    """A letter template of a (live) service standard."""

    class Meta:
        model = TemplateSurat

    standar = factory.SubFactory(StandarLayananFactory)
    nama = "Surat Keterangan Domisili"
    judul = "Surat Keterangan Domisili"
    pola_nomor = "470/{nomor}/{kode_kecamatan}/{tahun}"
    isi = LETTER_BODY
