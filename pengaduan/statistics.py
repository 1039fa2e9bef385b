"""Public e-laga statistics: received, resolved, on time and time to first answer.

The figures come from the rollup (``StatistikLaporan``, kept exact by
``pengaduan.statistics_rollup`` as reports change), so a request reads a few hundred
counts instead of every report: one query for the period's counts, one for the open
reports past their deadline today (which depends on the day, so it is not rolled
up), and one per grouping for the names. Confidential reports count in the figures,
which reveal nothing about any report.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django import forms
from django.db.models import Count, F, Min, Q, Sum, Value
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pengaduan.models import (
    OPEN_STATUSES,
    DimensiStatistik,
    KategoriLaporan,
    Laporan,
    StatistikLaporan,
)
from pengaduan.statistics_rollup import RESOLVED_STATUSES
from portal.csv_export import write_csv
from portal.forms import OptionsSelect
from portal.models import Kecamatan, PerangkatDaerah

FIRST_YEAR = 2020


def _median(counts):
    """The median of values given as ``{value: how many}`` (or None)."""
    size = sum(counts.values())
    if not size:
        return None
    ordered = sorted(counts.items())

    def nth(index):
        for value, amount in ordered:
            if index < amount:
                return value
            index -= amount
        raise IndexError(index)

    if size % 2:
        return nth(size // 2)
    return (nth(size // 2 - 1) + nth(size // 2)) / 2


@dataclass
class Figures:
    """The figures of one group (a month, category, kecamatan or OPD)."""

    label: str
    received: int = 0
    resolved: int = 0
    on_time: int = 0
    overdue: int = 0
    #: Working days from receipt to the first answer: {days: number of reports}.
    first_answer_counts: Counter = field(default_factory=Counter)
    #: Received, relative to the largest group of the same table (0-100), for charts.
    share: float = 0.0
    resolved_share: float = 0.0

    @property
    def on_time_percent(self):
        """Resolved on or before the resolution deadline, among resolved (or None)."""
        if not self.resolved:
            return None
        return round(100 * self.on_time / self.resolved, 1)

    @property
    def median_first_answer(self):
        """Median working days from receipt to the first answer (or None)."""
        return _median(self.first_answer_counts)

    def add(self, count):
        self.received += count.received
        self.resolved += count.resolved
        self.on_time += count.on_time
        if count.answered:
            self.first_answer_counts[count.answer_days] += count.received


class _Count(NamedTuple):
    """Summed rollup rows: reports of one group with one time to first answer.

    A tuple, as the database row is: a period reads a thousand of them.
    """

    group: object
    answered: bool
    answer_days: int
    received: int
    resolved: int
    on_time: int


@dataclass
class Statistics:
    """All figures of one period."""

    year: int
    month: int | None
    total: Figures
    by_month: list
    by_kategori: list
    by_kecamatan: list
    by_opd: list

    @property
    def period_label(self):
        if self.month:
            return f"{MONTHS[self.month]} {self.year}"
        return str(self.year)

    @property
    def period_slug(self):
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)

    def tables(self):
        """(key, heading, rows) of every grouping, in display order."""
        return [
            ("bulan", _("Per bulan"), self.by_month),
            ("kategori", _("Per kategori"), self.by_kategori),
            ("kecamatan", _("Per kecamatan"), self.by_kecamatan),
            ("opd", _("Per perangkat daerah (OPD)"), self.by_opd),
        ]


def _period_months(year, month):
    if month:
        start = datetime.date(year, month, 1)
        return start, (start + datetime.timedelta(days=32)).replace(day=1)
    return datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)


def _counts(start, end, by, **filters):
    """Rollup sums of the period per ``by`` columns and time to first answer.

    Summed in the database, so the rows read stay a few per group however many
    reports there are.
    """
    rows = (
        StatistikLaporan.objects.filter(bulan__gte=start, bulan__lt=end, **filters)
        .order_by()
        .values_list(*by, "ada_tanggapan", "hari_tanggapan")
        .annotate(
            received=Sum("jumlah"),
            resolved=Sum("jumlah", filter=Q(status__in=RESOLVED_STATUSES)),
            on_time=Sum("jumlah", filter=Q(tepat_waktu=True)),
        )
    )
    return [
        _Count(tuple(group), answered, days, received, resolved or 0, on_time or 0)
        for *group, answered, days, received, resolved, on_time in rows
    ]


#: The groupings of the open reports past their deadline: (name, key expression).
OVERDUE_GROUPINGS = (
    ("month", ExtractMonth("diterima_pada")),
    (DimensiStatistik.KATEGORI, F("kategori_id")),
    (DimensiStatistik.KECAMATAN, F("kecamatan_id")),
    (DimensiStatistik.OPD, F("perangkat_daerah_id")),
)


def _overdue(start, end, today):
    """Open reports of the period past their current deadline on ``today``:
    ``{grouping: {key: number}}`` for the ``OVERDUE_GROUPINGS``.

    Four narrow groupings read far fewer rows than one grouping by all four; they
    go to the database as one query (a UNION ALL).
    """
    tz = timezone.get_current_timezone()
    reports = Laporan.objects.filter(
        diterima_pada__gte=datetime.datetime.combine(start, datetime.time.min, tz),
        diterima_pada__lt=datetime.datetime.combine(end, datetime.time.min, tz),
        status__in=OPEN_STATUSES,
        batas_waktu__lt=today,
    ).order_by()
    parts = [
        reports.annotate(grouping=Value(name), key=key)
        .values_list("grouping", "key")
        .annotate(amount=Count("pk"))
        for name, key in OVERDUE_GROUPINGS
    ]
    found = {name: {} for name, _key in OVERDUE_GROUPINGS}
    for name, key, amount in parts[0].union(*parts[1:], all=True):
        found[name][key] = amount
    return found


def _names(model, keys):
    return dict(model.objects.filter(pk__in=keys).values_list("pk", "nama"))


def _with_shares(groups):
    largest = max((group.received for group in groups), default=0)
    for group in groups:
        if largest:
            group.share = round(100 * group.received / largest, 1)
            group.resolved_share = round(100 * group.resolved / largest, 1)
    return groups


def _sorted(groups):
    return _with_shares(
        sorted(groups.values(), key=lambda group: (-group.received, group.label))
    )


def period_total(year, month=None):
    """The total of ``year`` (and ``month``): received, resolved, on time and time
    to first answer, in one query; without the groupings and the overdue count
    (the home page's figures)."""
    start, end = _period_months(year, month)
    total = Figures(label=gettext("Jumlah"))
    # Every report has exactly one kategori: those rows make the total.
    for count in _counts(start, end, (), dimensi=DimensiStatistik.KATEGORI):
        total.add(count)
    return total


def compute_statistics(year, month=None, today=None):
    """The figures of ``year`` (and ``month``, if given), grouped four ways."""
    today = today or timezone.localdate()
    start, end = _period_months(year, month)
    counts = _counts(start, end, ("dimensi", "kunci"))
    keys = {dimension: set() for dimension in DimensiStatistik.values}
    for count in counts:
        dimension, key = count.group
        keys[dimension].add(key)
    names = {
        DimensiStatistik.KATEGORI: _names(KategoriLaporan, keys["kategori"]),
        DimensiStatistik.KECAMATAN: _names(Kecamatan, keys["kecamatan"]),
        DimensiStatistik.OPD: {
            0: gettext("Belum didisposisikan"),
            **_names(PerangkatDaerah, keys["opd"] - {0}),
        },
    }
    total = Figures(label=gettext("Jumlah"))
    groups = {dimension: {} for dimension in DimensiStatistik.values}
    for count in counts:
        dimension, key = count.group
        label = names[dimension].get(key, "")
        groups[dimension].setdefault(key, Figures(label=label)).add(count)
        # Every report has exactly one kategori: those rows make the total.
        if dimension == DimensiStatistik.KATEGORI:
            total.add(count)
    months = {number: Figures(label=str(MONTHS[number])) for number in range(1, 13)}
    if counts:
        kategori_rows = {"dimensi": DimensiStatistik.KATEGORI}
        for count in _counts(start, end, ("bulan",), **kategori_rows):
            months[count.group[0].month].add(count)
        overdue = _overdue(start, end, today)
        for number, amount in overdue["month"].items():
            total.overdue += amount
            months[number].overdue += amount
        for dimension in DimensiStatistik.values:
            for key, amount in overdue[dimension].items():
                if (key or 0) in groups[dimension]:
                    groups[dimension][key or 0].overdue += amount
    by_month = [months[month]] if month else list(months.values())
    return Statistics(
        year=year,
        month=month,
        total=total,
        by_month=_with_shares(by_month),
        by_kategori=_sorted(groups[DimensiStatistik.KATEGORI]),
        by_kecamatan=_sorted(groups[DimensiStatistik.KECAMATAN]),
        by_opd=_sorted(groups[DimensiStatistik.OPD]),
    )


#: Geometry of the month chart (SVG user units: percent across, pixels down).
CHART_HEIGHT = 160
COLUMN_WIDTH_PERCENT = round(100 / 12 * 0.36, 2)


@dataclass(frozen=True)
class Column:
    """One month in the column chart: two bars and a label, positioned in percent."""

    label: str
    figures: Figures
    label_x: float
    received_x: float
    resolved_x: float
    received_height: float
    resolved_height: float
    received_y: float
    resolved_y: float


def month_columns(stats):
    """Positions of the month chart's bars; empty when a single month is shown."""
    if stats.month:
        return []
    slot = 100 / 12
    largest = max((figures.received for figures in stats.by_month), default=0) or 1
    columns = []
    for index, figures in enumerate(stats.by_month):
        received = CHART_HEIGHT * figures.received / largest
        resolved = CHART_HEIGHT * figures.resolved / largest
        columns.append(
            Column(
                label=str(MONTHS_3[index + 1]).capitalize(),
                figures=figures,
                label_x=round(slot * index + slot / 2, 2),
                received_x=round(slot * index + slot * 0.12, 2),
                resolved_x=round(slot * index + slot * 0.5, 2),
                received_height=round(received, 1),
                resolved_height=round(resolved, 1),
                received_y=round(CHART_HEIGHT - received, 1),
                resolved_y=round(CHART_HEIGHT - resolved, 1),
            )
        )
    return columns


def statistics_csv(stats):
    """The same numbers as the tables, one row per group, as CSV text."""
    header = [
        gettext("Periode"),
        gettext("Kelompok"),
        gettext("Nama"),
        gettext("Diterima"),
        gettext("Selesai"),
        gettext("Tepat waktu (%)"),
        gettext("Median hari kerja sampai tanggapan pertama"),
        gettext("Terlambat (masih terbuka)"),
    ]
    groups = [("jumlah", [stats.total])] + [
        (key, rows) for key, _heading, rows in stats.tables()
    ]
    figure_rows = [
        [
            stats.period_slug,
            key,
            figures.label,
            figures.received,
            figures.resolved,
            figures.on_time_percent,
            figures.median_first_answer,
            figures.overdue,
        ]
        for key, rows in groups
        for figures in rows
    ]
    return write_csv(figure_rows, header=header)


class PeriodForm(forms.Form):
    """The period of the statistics page: a year and optionally a month."""

    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int, widget=OptionsSelect)
    bulan = forms.TypedChoiceField(
        label=_("Bulan"),
        required=False,
        widget=OptionsSelect,
        coerce=int,
        empty_value=None,
        choices=[("", _("Sepanjang tahun")), *MONTHS.items()],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        first = StatistikLaporan.objects.aggregate(first=Min("bulan"))["first"]
        first_year = first.year if first else this_year
        years = range(this_year, max(min(first_year, this_year), FIRST_YEAR) - 1, -1)
        self.fields["tahun"].choices = [(year, str(year)) for year in years]
        self.fields["tahun"].initial = this_year

    def period(self):
        """``{"year": …, "month": …}``: the valid choice, else the current year."""
        if self.is_bound and self.is_valid():
            return {
                "year": self.cleaned_data["tahun"],
                "month": self.cleaned_data["bulan"],
            }
        return {"year": timezone.localdate().year, "month": None}
