"""The KIP demo content loads through the services, and loads again without duplicates."""

import io

import pytest
from django.core.management import call_command

from portal.roles import ATASAN_PPID, EDITOR_PPID
from ppid.choices import KeputusanPermohonan, PutusanKeberatan, StatusKeberatan
from ppid.models import Keberatan, LayananInformasiPage, PermohonanInformasi
from ppid.report import yearly_report

pytestmark = pytest.mark.django_db


def load():
    output = io.StringIO()
    call_command("load_demo_data", app=["ppid"], stdout=output)
    return output.getvalue()


def test_the_kip_demo_loads_twice_without_duplicates():
    first_output = load()
    counts = (
        PermohonanInformasi.objects.count(),
        Keberatan.objects.count(),
        LayananInformasiPage.objects.count(),
    )
    second_output = load()
    assert counts == (25, 3, 1)
    assert (
        PermohonanInformasi.objects.count(),
        Keberatan.objects.count(),
        LayananInformasiPage.objects.count(),
    ) == counts
    for username in ("ppid.editor", "atasan.ppid"):
        assert username in first_output
        assert username not in second_output


def test_the_demo_covers_every_decision_extensions_lateness_and_objections():
    load()
    requests = PermohonanInformasi.objects.all()
    decided = [p for p in requests if p.diputuskan_pada]
    assert {p.keputusan for p in decided} == set(KeputusanPermohonan.values)
    assert requests.filter(diperpanjang_pada__isnull=False).count() >= 3
    assert any(p.deadline.was_met is False for p in decided)
    assert requests.overdue().exists()
    months = {p.diterima_pada.strftime("%Y-%m") for p in requests}
    assert len(months) >= 10
    objections = Keberatan.objects.all()
    assert objections.filter(status=StatusKeberatan.DIAJUKAN).count() == 1
    assert set(objections.exclude(putusan="").values_list("putusan", flat=True)) == {
        PutusanKeberatan.DITOLAK,
        PutusanKeberatan.DIKABULKAN_SEBAGIAN,
    }


def test_the_page_sits_under_the_ppid_page_and_accounts_have_their_roles():
    load()
    page = LayananInformasiPage.objects.get()
    assert page.slug == "layanan-informasi"
    assert page.title == "Permohonan Informasi Publik"
    assert page.get_parent().slug == "informasi-publik"
    from django.contrib.auth import get_user_model

    User = get_user_model()
    assert (
        User.objects.get(username="ppid.editor")
        .groups.filter(name=EDITOR_PPID)
        .exists()
    )
    assert (
        User.objects.get(username="atasan.ppid")
        .groups.filter(name=ATASAN_PPID)
        .exists()
    )


def test_the_yearly_reports_of_the_demo_add_up_to_a_hand_count():
    load()
    years = {p.diterima_pada.year for p in PermohonanInformasi.objects.all()}
    reports = [yearly_report(year) for year in years]
    requests = list(PermohonanInformasi.objects.all())
    assert sum(r.received for r in reports) == len(requests)
    assert sum(r.decided for r in reports) == sum(
        1 for p in requests if p.diputuskan_pada
    )
    assert sum(r.extended for r in reports) == sum(
        1 for p in requests if p.diperpanjang_pada
    )
    late = sum(
        1 for p in requests if p.deadline.was_met is False or p.deadline.is_overdue
    )
    assert sum(r.late for r in reports) == late
