"""IKM figures of a period: overall, per kecamatan and per service, and their CSV.

A period is a year, a quarter or semester of it, or a custom range of dates, all
in WIB. The kecamatan and service tables take one query each
(:func:`layanan.ikm.summarise_by`) plus one for the names of their rows; the
profile tables and the overall figures one query together
(:func:`layanan.ikm.summarise_groupings`), whatever the number of answers.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from layanan.choices import KELOMPOK_USIA, JenisKelamin, Pekerjaan, Pendidikan
from layanan.ikm import (
    AGE_GROUP,
    ELEMENT_FIELDS,
    summarise_by,
    summarise_groupings,
    with_age_group,
)
from layanan.models import StandarLayanan, SurveiIKM
from portal.csv_export import write_csv
from portal.forms import OptionsSelect
from portal.models import Kecamatan

FIRST_YEAR = 2020
#: The longest custom range, in days (about five years).
MAX_RANGE_DAYS = 5 * 366
#: The dates a range may start and end on: beyond them the day after the range, or
#: its conversion to UTC, would leave the calendar.
RANGE_DATE_VALIDATORS = [
    MinValueValidator(datetime.date(1900, 1, 1)),
    MaxValueValidator(datetime.date(9000, 12, 31)),
]

#: Parts of a year: (code, label, first month, number of months).
PARTS = [
    ("tw1", _("Triwulan I (Januari-Maret)"), 1, 3),
    ("tw2", _("Triwulan II (April-Juni)"), 4, 3),
    ("tw3", _("Triwulan III (Juli-September)"), 7, 3),
    ("tw4", _("Triwulan IV (Oktober-Desember)"), 10, 3),
    ("sm1", _("Semester I (Januari-Juni)"), 1, 6),
    ("sm2", _("Semester II (Juli-Desember)"), 7, 6),
]
_PART_NAMES = {
    "tw1": _("Triwulan I"),
    "tw2": _("Triwulan II"),
    "tw3": _("Triwulan III"),
    "tw4": _("Triwulan IV"),
    "sm1": _("Semester I"),
    "sm2": _("Semester II"),
}


@dataclass(frozen=True)
class Period:
    """Dates from ``start`` to ``end`` (both included), in WIB."""

    start: datetime.date
    end: datetime.date
    label: str
    slug: str

    def bounds(self):
        """Aware datetimes: the start of ``start`` and of the day after ``end``."""
        tz = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(self.start, datetime.time.min, tzinfo=tz),
            datetime.datetime.combine(
                self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
            ),
        )


def _month_end(year, month):
    first_of_next = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


def year_period(year, part=""):
    """The whole ``year`` or one of its quarters/semesters (``part`` as in PARTS)."""
    for code, _label, first_month, months in PARTS:
        if code == part:
            start = datetime.date(year, first_month, 1)
            end = _month_end(year, first_month + months - 1)
            return Period(start, end, f"{_PART_NAMES[code]} {year}", f"{year}-{code}")
    return Period(
        datetime.date(year, 1, 1),
        datetime.date(year, 12, 31),
        gettext("Tahun %(year)s") % {"year": year},
        str(year),
    )


def range_period(start, end):
    """A custom range of dates."""
    return Period(
        start,
        end,
        f"{date_format(start, 'j F Y')} - {date_format(end, 'j F Y')}",
        f"{start.isoformat()}_{end.isoformat()}",
    )


class PeriodForm(forms.Form):
    """The period of IKM figures: a year (and part of it), or a range of dates.

    A range (``dari`` and ``sampai``) wins over the year. Unbound or invalid, the
    period is the current year.
    """

    tahun = forms.TypedChoiceField(
        label=_("Tahun"), coerce=int, required=False, widget=OptionsSelect
    )
    periode = forms.ChoiceField(
        label=_("Bagian tahun"),
        required=False,
        widget=OptionsSelect,
        choices=[("", _("Sepanjang tahun"))]
        + [(code, label) for code, label, _first, _count in PARTS],
    )
    dari = forms.DateField(
        label=_("Dari tanggal"),
        required=False,
        validators=RANGE_DATE_VALIDATORS,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Isi bersama 'sampai tanggal' untuk rentang sendiri."),
    )
    sampai = forms.DateField(
        label=_("Sampai tanggal"),
        required=False,
        validators=RANGE_DATE_VALIDATORS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        required=False,
        queryset=Kecamatan.objects.order_by("nama"),
        to_field_name="slug",
        empty_label=_("Semua kecamatan"),
        help_text=_("Profil responden dan angka per layanan di kecamatan ini saja."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["tahun"].choices = [
            (year, str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ]
        self.fields["tahun"].initial = this_year

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("dari"), cleaned.get("sampai")
        if bool(start) != bool(end) and not self.errors:
            missing = "sampai" if start else "dari"
            self.add_error(
                missing, _("Isi kedua tanggal untuk memakai rentang tanggal.")
            )
        elif start and end:
            if end < start:
                self.add_error(
                    "sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal.")
                )
            elif (end - start).days > MAX_RANGE_DAYS:
                raise ValidationError(_("Rentang tanggal paling panjang lima tahun."))
        return cleaned

    def period(self):
        """The chosen period; the current year when unbound or invalid."""
        if self.is_bound and self.is_valid():
            data = self.cleaned_data
            if data.get("dari") and data.get("sampai"):
                return range_period(data["dari"], data["sampai"])
            year = data.get("tahun") or timezone.localdate().year
            return year_period(year, data.get("periode") or "")
        return year_period(timezone.localdate().year)

    def chosen_kecamatan(self):
        """The kecamatan the figures are limited to, or ``None`` (all)."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("kecamatan")
        return None


def period_form(query):
    """A :class:`PeriodForm` bound to ``query`` only when it names a period."""
    names = {"tahun", "periode", "dari", "sampai", "kecamatan"}
    return PeriodForm(query if names & set(query) else None)


@dataclass(frozen=True)
class Row:
    """IKM of one kecamatan or service."""

    slug: str
    nama: str
    summary: object


@dataclass(frozen=True)
class Table:
    """One grouping of the report: its rows and what its first column names."""

    key: str
    heading: str
    column: str
    rows: list


#: The respondent profile's groupings: (key, heading, column, field, categories).
PROFILE_TABLES = [
    (
        "jenis_kelamin",
        _("IKM menurut jenis kelamin"),
        _("Jenis kelamin"),
        "jenis_kelamin",
        JenisKelamin.choices,
    ),
    (
        "usia",
        _("IKM menurut usia"),
        _("Usia"),
        AGE_GROUP,
        [(code, label) for code, label, _low, _high in KELOMPOK_USIA],
    ),
    (
        "pendidikan",
        _("IKM menurut pendidikan"),
        _("Pendidikan"),
        "pendidikan",
        Pendidikan.choices,
    ),
    (
        "pekerjaan",
        _("IKM menurut pekerjaan"),
        _("Pekerjaan"),
        "pekerjaan",
        Pekerjaan.choices,
    ),
]
NOT_GIVEN = _("Tidak diisi")


@dataclass(frozen=True)
class Report:
    """All IKM figures of a period (and kecamatan, when one is chosen)."""

    period: Period
    overall: object
    by_kecamatan: list
    by_layanan: list
    by_profile: list = ()
    kecamatan: object = None

    def tables(self):
        """A :class:`Table` per grouping, in display order."""
        return [
            Table(
                "kecamatan", _("IKM per kecamatan"), _("Kecamatan"), self.by_kecamatan
            ),
            Table("layanan", _("IKM per layanan"), _("Layanan"), self.by_layanan),
            *self.by_profile,
        ]


def _rows(surveys, field, model):
    summaries = summarise_by(surveys, field)
    if not summaries:
        return []
    names = model.objects.filter(pk__in=list(summaries)).values_list(
        "pk", "slug", "nama"
    )
    return sorted(
        (Row(slug, nama, summaries[pk]) for pk, slug, nama in names),
        key=lambda row: row.nama,
    )


def surveys_in(period, kecamatan=None):
    start, end = period.bounds()
    surveys = SurveiIKM.objects.filter(dibuat_pada__gte=start, dibuat_pada__lt=end)
    if kecamatan is not None:
        surveys = surveys.filter(kecamatan=kecamatan)
    return surveys


def _profile_rows(summaries, categories):
    """A row per category with answers, in the questionnaire's order, then "Tidak
    diisi" for respondents who left the item empty."""
    rows = [
        Row(code, str(label), summaries[code])
        for code, label in categories
        if code in summaries
    ]
    missing = summaries.get("") or summaries.get(None)
    if missing is not None:
        rows.append(Row("", str(NOT_GIVEN), missing))
    return rows


def compute_report(period, kecamatan=None):
    """IKM overall, per kecamatan, per service and per profile item for ``period``
    (and ``kecamatan``): one query per table (one for all the profile tables, which
    also give the overall figures), plus one for each table's names."""
    surveys = surveys_in(period, kecamatan)
    overall, profiles = summarise_groupings(
        with_age_group(surveys), [field for *_, field, _categories in PROFILE_TABLES]
    )
    return Report(
        period=period,
        overall=overall,
        by_kecamatan=_rows(surveys, "kecamatan", Kecamatan),
        by_layanan=_rows(surveys, "layanan", StandarLayanan),
        by_profile=[
            Table(key, heading, column, _profile_rows(profiles[field], categories))
            for key, heading, column, field, categories in PROFILE_TABLES
        ],
        kecamatan=kecamatan,
    )


def report_for(form):
    """The report of a bound :class:`PeriodForm` (period and kecamatan)."""
    return compute_report(form.period(), form.chosen_kecamatan())


#: Geometry of the element chart (SVG units: percent across, pixels down).
BAR_ROW_HEIGHT = 44


@dataclass(frozen=True)
class Bar:
    """One element in the bar chart."""

    code: str
    label: str
    average: object
    width: float
    y: int


def element_bars(summary):
    """Bars of the nine element averages, as a share of the best score (4)."""
    bars = []
    for index, (code, label, average) in enumerate(summary.elements):
        if average is None:
            return []
        bars.append(
            Bar(
                code=code,
                label=str(label),
                average=average,
                width=round(float(average) / 4 * 100, 1),
                y=index * BAR_ROW_HEIGHT,
            )
        )
    return bars


def _figures(summary):
    return [
        summary.respondents,
        *[
            "" if average is None else f"{average:.2f}"
            for average in summary.element_averages
        ],
        "" if summary.ikm is None else f"{summary.ikm:.2f}",
        summary.grade,
        str(summary.label),
    ]


def report_csv(report):
    """The figures of the page as CSV text: one row overall, then per group."""
    header = [
        gettext("Periode"),
        gettext("Kelompok"),
        gettext("Slug"),
        gettext("Nama"),
        gettext("Responden"),
        *[field.upper() for field in ELEMENT_FIELDS],
        gettext("IKM"),
        gettext("Mutu"),
        gettext("Kinerja"),
    ]
    overall_name = (
        gettext("Kecamatan %(nama)s") % {"nama": report.kecamatan.nama}
        if report.kecamatan is not None
        else gettext("Semua kecamatan dan layanan")
    )
    rows = [
        [
            report.period.slug,
            "keseluruhan",
            report.kecamatan.slug if report.kecamatan is not None else "",
            overall_name,
            *_figures(report.overall),
        ]
    ]
    rows.extend(
        [report.period.slug, table.key, row.slug, row.nama, *_figures(row.summary)]
        for table in report.tables()
        for row in table.rows
    )
    return write_csv(rows, header=header)
