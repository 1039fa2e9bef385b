"""The e-kecamatan demo content loads, and loads again without duplicates."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.color import no_style

from home.models import HomePage, StandardPage
from layanan.choices import StatusPermohonan
from layanan.models import (
    EKecamatanIndexPage,
    KantorKecamatanPage,
    Permohonan,
    StandarLayanan,
    SurveiIKM,
)
from portal.models import Kecamatan
from portal.roles import EDITOR_LAYANAN, PETUGAS_KECAMATAN
from portal.working_days import add_working_days

pytestmark = pytest.mark.django_db


def load(apps=("layanan",)):
    """Run the demo command for ``apps`` (and the base site); ``None`` loads all."""
    output = io.StringIO()
    call_command("load_demo_data", app=list(apps) if apps else None, stdout=output)
    return output.getvalue()


def counts():
    return (
        EKecamatanIndexPage.objects.count(),
        StandarLayanan.objects.count(),
        KantorKecamatanPage.objects.count(),
        Permohonan.objects.count(),
        SurveiIKM.objects.count(),
    )


def test_demo_data_loads_twice_without_duplicates():
    # The whole demo, as `make run` loads it, twice.
    first_output = load(apps=None)
    first = counts()
    second_output = load(apps=None)

    assert first == (1, 12, 23, 60 + 150, 150)
    assert counts() == first
    assert "petugas.stabat" in first_output
    assert "editor.layanan" in first_output
    assert "petugas.stabat" not in second_output
    User = get_user_model()
    officer = User.objects.get(username="petugas.stabat")
    assert officer.groups.filter(name=PETUGAS_KECAMATAN).exists()
    assert officer.profil_petugas.kecamatan.slug == "stabat"
    assert User.objects.get(username="petugas.babalan").profil_petugas.kecamatan
    editor = User.objects.get(username="editor.layanan")
    assert editor.groups.filter(name=EDITOR_LAYANAN).exists()


def test_every_kecamatan_has_its_office_page_under_the_index_in_the_home_menu(
    home_page,
):
    from layanan import demo

    demo.load(io.StringIO(), no_style())
    home = HomePage.objects.get()
    children = home.get_children()
    assert not StandardPage.objects.child_of(home).filter(slug="e-kecamatan").exists()
    assert children.get(slug="e-kecamatan").specific_class is EKecamatanIndexPage
    assert "e-kecamatan" in {page.slug for page in children.live().in_menu()}
    index = EKecamatanIndexPage.objects.get()
    offices = KantorKecamatanPage.objects.child_of(index).live()
    assert {office.kecamatan_id for office in offices} == set(
        Kecamatan.objects.values_list("pk", flat=True)
    )
    stabat = offices.get(kecamatan__slug="stabat")
    assert stabat.email == "kec.stabat@langkatkab.go.id"
    assert stabat.alamat.endswith("Kecamatan Stabat, Kabupaten Langkat")
    assert stabat.jam_layanan == ("Senin-Kamis 08.00-16.00 WIB, Jumat 08.00-16.30 WIB")
    assert stabat.tautan_peta == (
        "https://www.openstreetmap.org/search?query=Kantor+Camat+Stabat+Langkat"
    )


def test_services_are_published_through_a_revision_with_all_components():
    from layanan import demo

    demo._services()
    services = StandarLayanan.objects.all()
    assert services.count() >= 10
    for service in services:
        assert service.live
        assert service.live_revision_id is not None
        assert service.revisions.exists()
        assert service.first_published_at is not None
        assert 1 <= service.waktu_hari_kerja <= 5
        assert service.biaya == 0
        assert service.persyaratan and service.prosedur and service.isian
        assert "e-laga" in service.saluran_pengaduan
        assert "Kecamatan" in service.dasar_hukum
    field_kinds = {block.block_type for s in services for block in s.isian}
    assert field_kinds == {"teks", "angka", "tanggal", "pilihan", "berkas"}
    limited = services.filter(semua_kecamatan=False)
    assert limited.exists()
    assert all(0 < s.kecamatan.count() < 23 for s in limited)


def test_applications_cover_every_state_with_deadlines_results_and_surveys():
    load()
    applications = Permohonan.objects.all()
    assert set(applications.values_list("status", flat=True)) == set(
        StatusPermohonan.values
    )
    assert applications.values("kecamatan").distinct().count() == 23
    for permohonan in applications.filter(
        status__in=[StatusPermohonan.DIVERIFIKASI, StatusPermohonan.DIPROSES]
    ):
        assert permohonan.batas_waktu == add_working_days(
            permohonan.diverifikasi_pada, permohonan.waktu_hari_kerja
        )
        assert permohonan.linimasa.filter(
            status_to=StatusPermohonan.DIVERIFIKASI
        ).exists()
    assert (
        applications.filter(status=StatusPermohonan.SELESAI)
        .exclude(hasil_berkas="")
        .exists()
    )
    for permohonan in applications.exclude(hasil_berkas="")[:2]:
        with permohonan.hasil_berkas.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
    # Every survey belongs to its own completed application, within the last year.
    surveys = SurveiIKM.objects.select_related("permohonan")
    assert all(s.permohonan.status == StatusPermohonan.SELESAI for s in surveys)
    assert all(s.kecamatan_id == s.permohonan.kecamatan_id for s in surveys)
    months = {survey.dibuat_pada.strftime("%Y-%m") for survey in surveys}
    assert len(months) >= 10
