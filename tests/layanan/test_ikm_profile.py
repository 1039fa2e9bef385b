"""The IKM respondent profile (PermenPANRB 14/2017 annex) and the exact figures.

The profile (sex, age, education, occupation) is optional for the respondent, on
the survey form and in the API; the report breaks the IKM down by each item, period
and kecamatan with respondent counts, and its CSV holds the page's figures. IKM
values come from integer sums, rounded half up exactly.
"""

import csv
import io
import re
import uuid
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.test import Client
from django.utils import timezone

from layanan import services
from layanan.ikm import round_ratio, summarise
from layanan.ikm_report import compute_report, year_period
from layanan.models import SurveiIKM
from portal.models import Kecamatan
from tests.layanan.factories import SelesaiPermohonanFactory, SurveiIKMFactory

pytestmark = pytest.mark.django_db

PAGE = "/e-kecamatan/ikm/"
CSV = "/e-kecamatan/ikm/csv/"


def answered(value, kecamatan="babalan", **profile):
    permohonan = SelesaiPermohonanFactory(
        kecamatan=Kecamatan.objects.get(slug=kecamatan)
    )
    return SurveiIKMFactory(
        permohonan=permohonan,
        **{f"u{number}": value for number in range(1, 10)},
        **profile,
    )


def test_ties_round_half_up_exactly_from_integer_sums():
    # 24 respondents: 15 answer 3 to every element, 9 answer 2: a total of 567.
    for _ in range(15):
        answered(3)
    for _ in range(9):
        answered(2)
    summary = summarise(SurveiIKM.objects.all())
    assert summary.respondents == 24
    # 25 x 567 / (9 x 24) = 65.625 exactly: shown 65.63, never 65.62.
    assert summary.ikm == Decimal("65.63")
    assert summary.grade == "C"
    # Each element: 63 / 24 = 2.625 -> 2.63.
    assert set(summary.element_averages) == {Decimal("2.63")}


def test_round_ratio_is_exact_where_floats_are_not():
    # 1.005 is 1.00499999... as a float; as a fraction it is a tie.
    assert round(201 / 200, 2) == 1.0
    assert round_ratio(201, 200) == Decimal("1.01")
    assert round_ratio(14175, 216) == Decimal("65.63")
    assert round_ratio(2, 3) == Decimal("0.67")


@pytest.fixture
def profiled(ekecamatan_page):
    """Five respondents in Babalan with profiles (one left it empty), one in Stabat."""
    answered(4, jenis_kelamin="P", usia=34, pendidikan="s1", pekerjaan="pns")
    answered(3, jenis_kelamin="P", usia=19, pendidikan="sma", pekerjaan="swasta")
    answered(2, jenis_kelamin="L", usia=61, pendidikan="sd", pekerjaan="lainnya")
    answered(3, jenis_kelamin="L", usia=45, pendidikan="sma", pekerjaan="wirausaha")
    answered(1)
    answered(4, kecamatan="stabat", jenis_kelamin="L", usia=30)


def test_the_report_breaks_the_ikm_down_by_each_profile_item(profiled):
    report = compute_report(year_period(timezone.localdate().year))
    tables = {table.key: table for table in report.tables()}
    sexes = [
        (row.nama, row.summary.respondents, row.summary.ikm)
        for row in tables["jenis_kelamin"].rows
    ]
    assert sexes == [
        # L: 2, 3 and 4 -> 9 / 3 = 3 -> 75.00.
        ("Laki-laki", 3, Decimal("75.00")),
        # P: 4 and 3 -> 87.50.
        ("Perempuan", 2, Decimal("87.50")),
        ("Tidak diisi", 1, Decimal("25.00")),
    ]
    ages = [(row.nama, row.summary.respondents) for row in tables["usia"].rows]
    assert ages == [
        ("Di bawah 20 tahun", 1),
        ("30-39 tahun", 2),
        ("40-49 tahun", 1),
        ("60 tahun ke atas", 1),
        ("Tidak diisi", 1),
    ]
    education = [
        (row.slug, row.summary.respondents) for row in tables["pendidikan"].rows
    ]
    assert education == [("sd", 1), ("sma", 2), ("s1", 1), ("", 2)]


def test_the_report_of_one_kecamatan_counts_only_its_respondents(profiled):
    babalan = Kecamatan.objects.get(slug="babalan")
    report = compute_report(year_period(timezone.localdate().year), babalan)
    assert report.overall.respondents == 5
    sexes = {row.slug: row.summary.respondents for row in report.by_profile[0].rows}
    assert sexes == {"L": 2, "P": 2, "": 1}


def page_rows(html, key):
    """``(name, respondents, ikm)`` of the page's table ``key`` (decimal commas)."""
    section = html[html.index(f'data-kelompok="{key}"') :]
    body = section[section.index("<tbody>") : section.index("</tbody>")]
    rows = re.findall(
        r'<th scope="row">(.*?)</th>\s*<td>(\d+)</td>\s*<td>([\d,]+)</td>', body
    )
    return [(name, int(count), value.replace(",", ".")) for name, count, value in rows]


def test_the_page_shows_the_profile_tables_and_the_csv_holds_the_same(client, profiled):
    html = client.get(PAGE).content.decode()
    for heading in (
        "IKM menurut jenis kelamin",
        "IKM menurut usia",
        "IKM menurut pendidikan",
        "IKM menurut pekerjaan",
    ):
        assert heading in html
    lines = list(csv.reader(io.StringIO(client.get(CSV).content.decode())))
    for key in ("kecamatan", "layanan", "jenis_kelamin", "usia", "pendidikan"):
        shown = page_rows(html, key)
        assert shown
        in_csv = [(row[3], int(row[4]), row[14]) for row in lines if row[1] == key]
        assert in_csv == shown


def test_the_page_filters_by_kecamatan(client, profiled):
    html = client.get(PAGE, {"kecamatan": "stabat"}).content.decode()
    assert page_rows(html, "jenis_kelamin") == [("Laki-laki", 1, "100.00")]
    response = client.get(CSV, {"kecamatan": "stabat"})
    assert response["Content-Disposition"].endswith('-stabat.csv"')
    overall = next(csv.reader(io.StringIO(response.content.decode().splitlines()[1])))
    assert overall[2:5] == ["stabat", "Kecamatan Stabat", "1"]


# The survey form and the API ------------------------------------------------------


def survey_scores(value="3"):
    return {f"u{number}": value for number in range(1, 10)}


def test_the_profile_is_optional_on_the_survey_form(client, ekecamatan_page):
    permohonan = SelesaiPermohonanFactory()
    survey = ekecamatan_page.url + ekecamatan_page.reverse_subpage(
        "survey", args=[permohonan.token_rahasia]
    )
    html = client.get(survey).content.decode()
    for label in (
        "Jenis kelamin (tidak wajib)",
        "Usia dalam tahun (tidak wajib)",
        "Pendidikan terakhir (tidak wajib)",
        "Pekerjaan (tidak wajib)",
    ):
        assert label in html

    refused = client.post(survey, {**survey_scores(), "usia": "7"})
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert "Usia paling kecil 10 tahun." in refused.content.decode()
    assert not SurveiIKM.objects.exists()

    client.post(
        survey,
        {**survey_scores(), "jenis_kelamin": "P", "usia": "41", "pekerjaan": "swasta"},
    )
    stored = SurveiIKM.objects.get()
    assert (stored.jenis_kelamin, stored.usia, stored.pendidikan, stored.pekerjaan) == (
        "P",
        41,
        "",
        "swasta",
    )


def test_the_api_takes_the_optional_profile():
    number = uuid.uuid4().int
    api = Client(REMOTE_ADDR=f"2001:db8::{number % 65536:x}:{(number >> 16) % 65536:x}")
    first, second = SelesaiPermohonanFactory(), SelesaiPermohonanFactory()
    url = "/api/portal/v1/e-kecamatan/permohonan/{}/survei"

    bad = api.post(
        url.format(first.token_rahasia),
        {**survey_scores(), "pendidikan": "doktor"},
        content_type="application/json",
    )
    assert bad.status_code == HTTPStatus.BAD_REQUEST
    assert [error["field"] for error in bad.json()["errors"]] == ["pendidikan"]

    created = api.post(
        url.format(first.token_rahasia),
        {**survey_scores(), "pendidikan": "s2", "usia": 52},
        content_type="application/json",
    )
    assert created.status_code == HTTPStatus.CREATED
    without = api.post(
        url.format(second.token_rahasia),
        survey_scores(),
        content_type="application/json",
    )
    assert without.status_code == HTTPStatus.CREATED
    assert list(SurveiIKM.objects.order_by("pk").values_list("pendidikan", "usia")) == [
        ("s2", 52),
        ("", None),
    ]

    report = api.get("/api/portal/v1/e-kecamatan/ikm/").json()
    education = next(
        item for item in report["per_profil"] if item["kelompok"] == "pendidikan"
    )
    assert [(row["slug"], row["responden"]) for row in education["baris"]] == [
        ("s2", 1),
        ("", 1),
    ]


def test_submit_survey_ignores_unknown_profile_keys():
    permohonan = SelesaiPermohonanFactory()
    services.submit_survey(
        permohonan,
        {f"u{number}": 4 for number in range(1, 10)},
        profile={"jenis_kelamin": "L", "nama": "Rina"},
    )
    assert SurveiIKM.objects.get().jenis_kelamin == "L"
