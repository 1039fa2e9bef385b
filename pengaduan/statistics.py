"""Public e-laga statistics: received, resolved, on time and time to first answer.

The reports of a period are read in one query with only the columns the figures need,
and the extra closures (``HariLibur``) in another; everything else is computed in
Python, so the number of queries does not grow with the number of reports.
Confidential reports count in the figures, which reveal nothing about any report.
"""

import datetime
import statistics as pystatistics
from dataclasses import dataclass, field

from django import forms
from django.db.models import Min
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pengaduan.choices import StatusLaporan
from pengaduan.models import OPEN_STATUSES, Laporan
from portal.csv_export import write_csv
from portal.working_days import WorkingDayCalendar, to_local_date

RESOLVED_STATUSES = (StatusLaporan.SELESAI, StatusLaporan.DITUTUP)
#: Calendar days past the last receipt in which resolution deadlines may fall.
_DEADLINE_WINDOW_DAYS = 400
FIRST_YEAR = 2020


@dataclass
class Figures:
    """The figures of one group (a month, category, kecamatan or OPD)."""

    label: str
    received: int = 0
    resolved: int = 0
    on_time: int = 0
    overdue: int = 0
    first_answer_days: list = field(default_factory=list)
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
        if not self.first_answer_days:
            return None
        return pystatistics.median(self.first_answer_days)

    def add(self, row):
        self.received += 1
        self.resolved += row.resolved
        self.on_time += row.on_time
        self.overdue += row.overdue
        if row.first_answer_days is not None:
            self.first_answer_days.append(row.first_answer_days)


@dataclass(frozen=True)
class _Row:
    month: int
    kategori: str
    kecamatan: str
    opd: str
    resolved: bool
    on_time: bool
    overdue: bool
    first_answer_days: int | None


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


def _period_bounds(year, month):
    tz = timezone.get_current_timezone()
    if month:
        start = datetime.date(year, month, 1)
        end = (start + datetime.timedelta(days=32)).replace(day=1)
    else:
        start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    return (
        datetime.datetime.combine(start, datetime.time.min, tzinfo=tz),
        datetime.datetime.combine(end, datetime.time.min, tzinfo=tz),
    )


def _rows(year, month, today):
    start, end = _period_bounds(year, month)
    records = list(
        Laporan.objects.filter(diterima_pada__gte=start, diterima_pada__lt=end)
        .order_by()
        .values_list(
            "diterima_pada",
            "status",
            "selesai_pada",
            "ditutup_pada",
            "tindak_lanjut_pertama_pada",
            "batas_waktu",
            "kategori__nama",
            "kategori__target_hari_kerja",
            "kecamatan__nama",
            "perangkat_daerah__nama",
        )
    )
    if not records:
        return []
    calendar = WorkingDayCalendar(
        to_local_date(start),
        max(to_local_date(end), today) + datetime.timedelta(days=_DEADLINE_WINDOW_DAYS),
    )
    rows = []
    for (
        received,
        status,
        resolved_at,
        closed_at,
        first_followup_at,
        current_deadline,
        kategori,
        target_days,
        kecamatan,
        opd,
    ) in records:
        received_on = to_local_date(received)
        resolved = status in RESOLVED_STATUSES
        resolved_on = to_local_date(resolved_at or closed_at) if resolved else None
        on_time = bool(
            resolved_on and resolved_on <= calendar.add(received_on, target_days)
        )
        first_answer = first_followup_at or (resolved_at if resolved else None)
        rows.append(
            _Row(
                month=received_on.month,
                kategori=kategori,
                kecamatan=kecamatan,
                opd=opd or gettext("Belum didisposisikan"),
                resolved=resolved,
                on_time=on_time,
                overdue=bool(
                    status in OPEN_STATUSES
                    and current_deadline
                    and current_deadline < today
                ),
                first_answer_days=(
                    calendar.between(received_on, to_local_date(first_answer))
                    if first_answer
                    else None
                ),
            )
        )
    return rows


def _with_shares(groups):
    largest = max((group.received for group in groups), default=0)
    for group in groups:
        if largest:
            group.share = round(100 * group.received / largest, 1)
            group.resolved_share = round(100 * group.resolved / largest, 1)
    return groups


def _group(rows, key):
    groups = {}
    for row in rows:
        label = getattr(row, key)
        groups.setdefault(label, Figures(label=label)).add(row)
    return _with_shares(
        sorted(groups.values(), key=lambda group: (-group.received, group.label))
    )


def compute_statistics(year, month=None, today=None):
    """The figures of ``year`` (and ``month``, if given), grouped four ways."""
    today = today or timezone.localdate()
    rows = _rows(year, month, today)
    total = Figures(label=gettext("Jumlah"))
    months = {number: Figures(label=str(MONTHS[number])) for number in range(1, 13)}
    for row in rows:
        total.add(row)
        months[row.month].add(row)
    by_month = [months[month]] if month else list(months.values())
    return Statistics(
        year=year,
        month=month,
        total=total,
        by_month=_with_shares(by_month),
        by_kategori=_group(rows, "kategori"),
        by_kecamatan=_group(rows, "kecamatan"),
        by_opd=_group(rows, "opd"),
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

    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int)
    bulan = forms.TypedChoiceField(
        label=_("Bulan"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Sepanjang tahun")), *MONTHS.items()],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        first = Laporan.objects.aggregate(first=Min("diterima_pada"))["first"]
        first_year = to_local_date(first).year if first else this_year
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
