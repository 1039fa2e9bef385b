"""The public IKM page and its CSV, and the same figures in the admin."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from layanan.models import SurveiIKM
from portal.models import Kecamatan
from portal.roles import EDITOR_LAYANAN, MODERATOR_PENGADUAN
from tests.factories import UserFactory
from tests.layanan.factories import (
    SelesaiPermohonanFactory,
    StandarLayananFactory,
    SurveiIKMFactory,
    kecamatan_officer,
)

pytestmark = pytest.mark.django_db

PAGE = "/e-kecamatan/ikm/"
CSV = "/e-kecamatan/ikm/csv/"
#: Queries of the page measured with one kecamatan and service: nine for the
#: figures (overall, two groupings with their names, four profile items) and one for
#: the kecamatan filter's choices.
QUERIES = 23


def wib(*args):
    return datetime.datetime(*args, tzinfo=timezone.get_current_timezone())


def answered(kecamatan, value, when, layanan):
    permohonan = SelesaiPermohonanFactory(
        kecamatan=Kecamatan.objects.get(slug=kecamatan), layanan=layanan
    )
    survey = SurveiIKMFactory(
        permohonan=permohonan,
        saran="Petugas bernama Rina sangat membantu",
        **{f"u{number}": value for number in range(1, 10)},
    )
    SurveiIKM.objects.filter(pk=survey.pk).update(dibuat_pada=when)


@pytest.fixture
def answers(ekecamatan_page):
    domisili = StandarLayananFactory(slug="domisili", nama="Surat Domisili")
    answered("babalan", 4, wib(2026, 2, 10, 9), domisili)
    answered("stabat", 3, wib(2026, 8, 10, 9), domisili)
    answered("stabat", 1, wib(2025, 6, 1, 9), domisili)
    return domisili


@freeze_time("2026-11-20 10:00:00+07:00")
def test_the_page_shows_this_years_ikm_grade_chart_and_tables(client, answers):
    response = client.get(PAGE)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    report = response.context["report"]
    assert report.period.label == "Tahun 2026"
    assert report.overall.respondents == 2
    # (4 + 3) / 2 = 3.5 x 25 = 87.50, grade B.
    assert "87,50" in html
    assert "Baik" in html
    assert '<svg class="layanan-ikm-chart"' in html
    assert 'role="img"' in html
    assert "Grafik batang nilai rata-rata sembilan unsur" in html
    assert 'width="87.5%"' in html
    assert "<caption>IKM per kecamatan, Tahun 2026</caption>" in html
    assert "Babalan" in html and "Stabat" in html
    assert "Surat Domisili" in html
    assert f'href="{CSV}"' in html


@freeze_time("2026-11-20 10:00:00+07:00")
def test_a_chosen_quarter_changes_the_figures_and_the_csv_link(client, answers):
    response = client.get(PAGE, {"tahun": "2026", "periode": "tw1"})
    report = response.context["report"]
    assert report.period.label == "Triwulan I 2026"
    assert report.overall.respondents == 1
    assert [row.slug for row in report.by_kecamatan] == ["babalan"]
    assert f"{CSV}?tahun=2026&amp;periode=tw1" in response.content.decode()


@freeze_time("2026-11-20 10:00:00+07:00")
def test_a_period_without_answers_shows_the_empty_state(client, answers):
    response = client.get(PAGE, {"tahun": "2024"})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Belum ada jawaban survei kepuasan pada periode ini." in html
    assert "layanan-ikm-chart" not in html
    assert "<caption>IKM per kecamatan" not in html


@freeze_time("2026-11-20 10:00:00+07:00")
def test_an_invalid_period_is_explained_and_this_year_shown(client, answers):
    response = client.get(PAGE, {"dari": "2026-05-01", "sampai": "2026-04-01"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Periode tidak valid" in html
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in html
    assert response.context["report"].period.label == "Tahun 2026"


@freeze_time("2026-11-20 10:00:00+07:00")
def test_the_csv_carries_the_same_figures_without_identity_or_suggestions(
    client, answers
):
    response = client.get(CSV, {"dari": "2026-01-01", "sampai": "2026-12-31"})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="ikm-e-kecamatan-2026-01-01_2026-12-31.csv"'
    )
    text = response.content.decode()
    lines = text.splitlines()
    assert lines[1].endswith(",87.50,B,Baik")
    assert any(
        line.startswith("2026-01-01_2026-12-31,kecamatan,stabat,") for line in lines
    )
    assert "Rina" not in text
    assert "membantu" not in text


def test_the_page_keeps_a_constant_number_of_queries(
    client, ekecamatan_page, django_assert_max_num_queries
):
    now = timezone.now()
    answered("babalan", 4, now, StandarLayananFactory())
    client.get(PAGE)  # Site and menu caches filled, as on a running server.
    with django_assert_max_num_queries(QUERIES):
        client.get(PAGE)
    for slug in ("stabat", "gebang", "hinai", "kuala", "wampu", "bahorok"):
        answered(slug, 3, now, StandarLayananFactory())
    with django_assert_max_num_queries(QUERIES):
        response = client.get(PAGE)
    assert len(response.context["report"].by_kecamatan) == 7


# Admin -------------------------------------------------------------------------


def admin_user(group):
    user = UserFactory(username=f"user-{group.lower().replace(' ', '-')}")
    user.groups.add(Group.objects.get(name=group))
    return user


@freeze_time("2026-11-20 10:00:00+07:00")
@pytest.mark.parametrize("role", [EDITOR_LAYANAN, "petugas", "superuser"])
def test_the_admin_report_shows_every_kecamatan_to_ikm_roles(client, answers, role):
    if role == "petugas":
        user = kecamatan_officer("babalan")
    elif role == "superuser":
        user = UserFactory(username="root", is_superuser=True, is_staff=True)
    else:
        user = admin_user(role)
    client.force_login(user)
    response = client.get(reverse("layanan_ikm:index"), {"tahun": "2026"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    # A Babalan officer sees Stabat too: the figures are public anyway.
    assert "Babalan" in html and "Stabat" in html
    assert "87,50" in html
    csv = client.get(reverse("layanan_ikm:csv"), {"tahun": "2026"})
    assert csv.status_code == HTTPStatus.OK
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("layanan_ikm:index") in dashboard


def test_other_admin_roles_cannot_open_the_admin_report(client, answers):
    client.force_login(admin_user(MODERATOR_PENGADUAN))
    assert client.get(reverse("layanan_ikm:index")).status_code in (
        HTTPStatus.FORBIDDEN,
        HTTPStatus.FOUND,
    )
    assert client.get(reverse("layanan_ikm:csv")).status_code in (
        HTTPStatus.FORBIDDEN,
        HTTPStatus.FOUND,
    )
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("layanan_ikm:index") not in dashboard
