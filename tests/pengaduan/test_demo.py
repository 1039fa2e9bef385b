"""The e-laga demo content loads, and loads again without duplicates."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from pengaduan.choices import StatusLaporan
from pengaduan.models import ELagaIndexPage, KategoriLaporan, Laporan, TemplateTanggapan
from portal.models import ProfilPetugas

pytestmark = pytest.mark.django_db


def load():
    output = io.StringIO()
    call_command("load_demo_data", app=["ppid", "pengaduan"], stdout=output)
    return output.getvalue()


def test_demo_data_loads_twice_without_duplicates():
    first_output = load()
    counts = (
        Laporan.objects.count(),
        KategoriLaporan.objects.count(),
        TemplateTanggapan.objects.count(),
        ELagaIndexPage.objects.count(),
    )
    second_output = load()

    assert counts == (40, 9, 5, 1)
    assert (
        Laporan.objects.count(),
        KategoriLaporan.objects.count(),
        TemplateTanggapan.objects.count(),
        ELagaIndexPage.objects.count(),
    ) == counts
    assert "petugas.pupr" in first_output
    assert "kata sandi" in first_output
    assert "petugas.pupr" not in second_output


def test_demo_reports_cover_every_state_kecamatan_and_privacy_choice():
    load()
    reports = Laporan.objects.all()
    assert set(reports.values_list("status", flat=True)) == set(StatusLaporan.values)
    assert reports.values("kecamatan").distinct().count() == 23
    assert reports.filter(anonim=True).exists()
    assert reports.filter(rahasia=True).exists()
    assert reports.overdue().exists()
    months = {laporan.diterima_pada.strftime("%Y-%m") for laporan in reports}
    assert len(months) >= 10


def test_the_demo_page_follows_the_ppid_page_and_officers_have_their_office():
    load()
    page = ELagaIndexPage.objects.get()
    assert page.slug == "e-laga"
    assert page.get_prev_sibling().slug == "informasi-publik"
    officer = get_user_model().objects.get(username="petugas.pupr")
    assert ProfilPetugas.objects.get(user=officer).perangkat_daerah.slug == "dinas-pupr"
    assert KategoriLaporan.objects.get(slug="kinerja-asn").selalu_rahasia
