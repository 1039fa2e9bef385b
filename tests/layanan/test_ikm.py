"""IKM (PermenPANRB 14/2017): values, grades, grouping and periods, hand-computed."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from freezegun import freeze_time

from layanan.ikm import grade_for, ikm_value, summarise, summarise_by
from layanan.ikm_report import (
    PeriodForm,
    compute_report,
    range_period,
    report_csv,
    surveys_in,
    year_period,
)
from layanan.models import SurveiIKM
from portal.models import Kecamatan
from tests.layanan.factories import (
    SelesaiPermohonanFactory,
    StandarLayananFactory,
    SurveiIKMFactory,
)

D = Decimal


def test_all_best_answers_give_100_and_grade_a():
    assert ikm_value([4] * 9) == D("100.00")
    assert grade_for(D("100.00")) == ("A", "Sangat baik")


def test_all_worst_answers_give_25_and_grade_d():
    assert ikm_value([1] * 9) == D("25.00")
    assert grade_for(D("25.00"))[0] == "D"


@pytest.mark.parametrize(
    ("element_average", "ikm", "grade"),
    [
        ("3.5324", "88.31", "A"),
        ("3.532", "88.30", "B"),
        ("3.0644", "76.61", "B"),
        ("3.064", "76.60", "C"),
        ("2.6", "65.00", "C"),
        ("2.5996", "64.99", "D"),
    ],
)
def test_grade_boundaries_of_design(element_average, ikm, grade):
    value = ikm_value([D(element_average)] * 9)
    assert value == D(ikm)
    assert grade_for(value)[0] == grade


def test_the_ikm_is_the_mean_of_unequal_element_averages_times_25():
    # (4 + 3 + 3 + 3 + 3 + 3 + 3 + 3 + 2) / 9 = 3 -> 75.00, grade C.
    assert ikm_value([4, 3, 3, 3, 3, 3, 3, 3, 2]) == D("75.00")
    # 28/9 = 3.1111 -> 77.78, grade B.
    assert ikm_value([4, 4, 3, 3, 3, 3, 3, 3, 2]) == D("77.78")
    assert grade_for(D("77.78"))[0] == "B"


def survey(kecamatan="babalan", scores=(4,) * 9, when=None, layanan=None):
    permohonan = SelesaiPermohonanFactory(
        kecamatan=Kecamatan.objects.get(slug=kecamatan),
        **({"layanan": layanan} if layanan else {}),
    )
    row = SurveiIKMFactory(
        permohonan=permohonan,
        **{f"u{number}": score for number, score in enumerate(scores, start=1)},
    )
    if when:
        SurveiIKM.objects.filter(pk=row.pk).update(dibuat_pada=when)
    return row


@pytest.mark.django_db
def test_summarise_on_stored_answers_matches_the_hand_computed_figures():
    survey(scores=(4, 4, 4, 4, 4, 4, 4, 4, 4))
    survey(scores=(3, 3, 3, 3, 3, 3, 3, 3, 3))
    survey(scores=(2, 3, 4, 1, 2, 3, 4, 1, 2))
    summary = summarise(SurveiIKM.objects.all())
    # Element averages: 9/3, 10/3, 11/3, 8/3, 9/3, 10/3, 11/3, 8/3, 9/3.
    assert summary.respondents == 3
    expected = "3.00 3.33 3.67 2.67 3.00 3.33 3.67 2.67 3.00".split()
    assert summary.element_averages == tuple(D(value) for value in expected)
    # Sum of all answers 85 / 27 answers = 3.148148 x 25 = 78.70.
    assert summary.ikm == D("78.70")
    assert (summary.grade, summary.label) == ("B", "Baik")
    assert summary.elements[0] == ("U1", "Persyaratan", D("3.00"))


@pytest.mark.django_db
def test_no_answers_give_an_empty_summary():
    summary = summarise(SurveiIKM.objects.all())
    assert summary.respondents == 0
    assert summary.ikm is None
    assert summary.grade == ""


@pytest.mark.django_db
def test_figures_group_per_kecamatan_and_per_service_in_one_query_each(
    django_assert_num_queries,
):
    domisili = StandarLayananFactory(slug="domisili")
    sktm = StandarLayananFactory(slug="sktm")
    survey("babalan", (4,) * 9, layanan=domisili)
    survey("babalan", (2,) * 9, layanan=sktm)
    survey("stabat", (1,) * 9, layanan=sktm)
    babalan, stabat = Kecamatan.objects.filter(slug__in=["babalan", "stabat"])

    with django_assert_num_queries(1):
        by_kecamatan = summarise_by(SurveiIKM.objects.all(), "kecamatan")
    by_layanan = summarise_by(SurveiIKM.objects.all(), "layanan")

    assert set(by_kecamatan) == {babalan.pk, stabat.pk}
    assert (by_kecamatan[babalan.pk].respondents, by_kecamatan[babalan.pk].ikm) == (
        2,
        D("75.00"),
    )
    assert by_kecamatan[babalan.pk].grade == "C"
    assert by_kecamatan[stabat.pk].ikm == D("25.00")
    assert by_layanan[domisili.pk].ikm == D("100.00")
    assert by_layanan[sktm.pk].respondents == 2
    # (2 + 1) / 2 = 1.5 x 25 = 37.50.
    assert by_layanan[sktm.pk].ikm == D("37.50")


def wib(*args):
    return datetime.datetime(*args, tzinfo=timezone.get_current_timezone())


@pytest.mark.parametrize(
    ("part", "start", "end", "label"),
    [
        ("", (2026, 1, 1), (2026, 12, 31), "Tahun 2026"),
        ("tw1", (2026, 1, 1), (2026, 3, 31), "Triwulan I 2026"),
        ("tw2", (2026, 4, 1), (2026, 6, 30), "Triwulan II 2026"),
        ("tw4", (2026, 10, 1), (2026, 12, 31), "Triwulan IV 2026"),
        ("sm1", (2026, 1, 1), (2026, 6, 30), "Semester I 2026"),
        ("sm2", (2026, 7, 1), (2026, 12, 31), "Semester II 2026"),
    ],
)
def test_year_periods_cover_whole_quarters_and_semesters(part, start, end, label):
    period = year_period(2026, part)
    assert (period.start, period.end) == (
        datetime.date(*start),
        datetime.date(*end),
    )
    assert period.label == label


@pytest.mark.django_db
def test_periods_are_counted_in_wib():
    # 31 March 23:30 WIB is 16:30 UTC; 1 April 00:30 WIB is still 31 March in UTC.
    survey(scores=(4,) * 9, when=wib(2026, 3, 31, 23, 30))
    survey(scores=(1,) * 9, when=wib(2026, 4, 1, 0, 30))
    first = compute_report(year_period(2026, "tw1"))
    second = compute_report(year_period(2026, "tw2"))
    assert (first.overall.respondents, first.overall.ikm) == (1, D("100.00"))
    assert (second.overall.respondents, second.overall.ikm) == (1, D("25.00"))
    one_day = range_period(datetime.date(2026, 4, 1), datetime.date(2026, 4, 1))
    assert surveys_in(one_day).count() == 1
    assert surveys_in(year_period(2025)).count() == 0


@pytest.mark.django_db
def test_the_report_lists_kecamatan_and_services_by_name_and_exports_csv():
    domisili = StandarLayananFactory(slug="domisili", nama="Surat Domisili")
    survey("stabat", (3,) * 9, when=wib(2026, 5, 2, 10), layanan=domisili)
    survey("babalan", (4,) * 9, when=wib(2026, 5, 3, 10), layanan=domisili)
    report = compute_report(year_period(2026, "sm1"))
    assert [row.slug for row in report.by_kecamatan] == ["babalan", "stabat"]
    assert [row.nama for row in report.by_layanan] == ["Surat Domisili"]
    lines = report_csv(report).splitlines()
    assert lines[0].startswith("Periode,Kelompok,Slug,Nama,Responden,U1,")
    assert lines[1] == (
        "2026-sm1,keseluruhan,,Semua kecamatan dan layanan,2,"
        + "3.50," * 9
        + "87.50,B,Baik"
    )
    assert lines[2].startswith("2026-sm1,kecamatan,babalan,Babalan,1,4.00,")
    assert lines[2].endswith(",100.00,A,Sangat baik")
    assert lines[4].startswith("2026-sm1,layanan,domisili,Surat Domisili,2,")


@pytest.mark.django_db
def test_the_csv_shows_formula_like_service_and_kecamatan_names_as_text():
    layanan = StandarLayananFactory(slug="domisili", nama="=HYPERLINK(1)")
    Kecamatan.objects.filter(slug="stabat").update(nama="@Stabat")
    survey("stabat", (3,) * 9, when=wib(2026, 5, 2, 10), layanan=layanan)
    lines = report_csv(compute_report(year_period(2026, "sm1"))).splitlines()
    assert any(
        line.startswith("2026-sm1,kecamatan,stabat,'@Stabat,1,") for line in lines
    )
    assert any(
        line.startswith("2026-sm1,layanan,domisili,'=HYPERLINK(1),1,") for line in lines
    )


@freeze_time("2026-11-20 10:00:00+07:00")
def test_the_period_form_defaults_to_this_year_and_validates_ranges():
    assert PeriodForm().period().label == "Tahun 2026"
    assert PeriodForm({"tahun": "2025", "periode": "tw3"}).period().slug == "2025-tw3"
    ranged = PeriodForm({"dari": "2026-02-01", "sampai": "2026-02-28"})
    assert ranged.period().start == datetime.date(2026, 2, 1)
    assert ranged.period().end == datetime.date(2026, 2, 28)
    for data in (
        {"dari": "2026-02-01"},
        {"dari": "2026-03-01", "sampai": "2026-02-01"},
        {"dari": "2015-01-01", "sampai": "2026-01-01"},
        {"tahun": "2031"},
        {"periode": "tw5"},
    ):
        form = PeriodForm(data)
        assert not form.is_valid(), data
        assert form.period().label == "Tahun 2026"
