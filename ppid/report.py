"""The yearly report of public information service (Perki 1/2021 Pasal 56).

For one year: requests received and decided, the time to fulfil them in hari kerja,
decisions by kind, refusals by Pasal 17 ground, extensions, late answers, and the
objections with their outcomes and Pasal 35 grounds.

The year's requests and objections are read in one query each, with only the
columns the figures need, and the extra closures (``HariLibur``) in a third; the
rest is computed in Python, so the number of queries does not grow with the data.
No requester identity is read, so none can reach the CSV or the PDF.
"""

import datetime
import functools
import io
import statistics as pystatistics
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from portal.choices import DasarPengecualian
from portal.csv_export import write_csv
from portal.working_days import WorkingDayCalendar, to_local_date
from ppid.choices import (
    AlasanKeberatan,
    KeputusanPermohonan,
    PutusanKeberatan,
    StatusPermohonan,
)
from ppid.deadlines import kip_deadlines
from ppid.models import (
    Keberatan,
    PermohonanInformasi,
)

FIRST_YEAR = 2020
#: Calendar days past the year (or today) in which deadlines and decisions may fall.
_DEADLINE_WINDOW_DAYS = 400
OPEN_STATUSES = (StatusPermohonan.DITERIMA, StatusPermohonan.DIPERPANJANG)

#: Bands of the time to fulfil, in hari kerja: (label, lowest, highest or None).
DURATION_BANDS = [
    (_("0 s.d. 5 hari kerja"), 0, 5),
    (_("6 s.d. 10 hari kerja"), 6, 10),
    (_("11 s.d. 17 hari kerja (dengan perpanjangan)"), 11, 17),
    (_("Lebih dari 17 hari kerja"), 18, None),
]


@dataclass(frozen=True)
class ReportSection:
    """One table of the report: a key, a heading and (label, value) rows."""

    key: str
    title: str
    rows: list


@dataclass
class KIPYearlyReport:
    """The figures of one year's public information service, without identities."""

    year: int
    generated_on: datetime.date
    received: int = 0
    decided: int = 0
    undecided: int = 0
    delivered: int = 0
    extended: int = 0
    late_decided: int = 0
    late_open: int = 0
    average_days: float | None = None
    median_days: float | None = None
    #: (label, count) pairs, in display order; every choice appears, zeros included.
    duration_bands: list = field(default_factory=list)
    by_decision: list = field(default_factory=list)
    refusals_by_ground: list = field(default_factory=list)
    objections_filed: int = 0
    objections_answered: int = 0
    objections_pending: int = 0
    objections_late: int = 0
    objections_by_outcome: list = field(default_factory=list)
    objections_by_ground: list = field(default_factory=list)

    @property
    def late(self):
        """Decided after their deadline, or still open past it."""
        return self.late_decided + self.late_open

    @property
    def title(self):
        return gettext(
            "Laporan Layanan Informasi Publik Tahun %(year)s — PPID Kabupaten Langkat"
        ) % {"year": self.year}

    def sections(self):
        """The report's tables, in the order of Perki 1/2021 Pasal 56."""
        return [
            ReportSection(
                "ringkasan",
                gettext("Ringkasan permohonan"),
                [
                    (gettext("Permohonan diterima"), self.received),
                    (gettext("Permohonan diputuskan"), self.decided),
                    (gettext("Belum diputuskan"), self.undecided),
                    (gettext("Informasi telah disampaikan"), self.delivered),
                    (gettext("Jangka waktu diperpanjang"), self.extended),
                    (
                        gettext("Diputuskan melewati batas waktu"),
                        self.late_decided,
                    ),
                    (
                        gettext("Belum diputuskan dan melewati batas waktu"),
                        self.late_open,
                    ),
                ],
            ),
            ReportSection(
                "waktu",
                gettext("Waktu pemenuhan (hari kerja)"),
                [
                    (gettext("Rata-rata"), _number(self.average_days)),
                    (gettext("Median"), _number(self.median_days)),
                    *self.duration_bands,
                ],
            ),
            ReportSection(
                "keputusan", gettext("Keputusan PPID"), list(self.by_decision)
            ),
            ReportSection(
                "pengecualian",
                gettext("Penolakan menurut dasar pengecualian Pasal 17"),
                list(self.refusals_by_ground),
            ),
            ReportSection(
                "keberatan",
                gettext("Keberatan"),
                [
                    (gettext("Keberatan diajukan"), self.objections_filed),
                    (gettext("Keberatan dijawab"), self.objections_answered),
                    (gettext("Keberatan belum dijawab"), self.objections_pending),
                    (
                        gettext("Dijawab atau belum dijawab melewati batas waktu"),
                        self.objections_late,
                    ),
                    *self.objections_by_outcome,
                ],
            ),
            ReportSection(
                "alasan_keberatan",
                gettext("Keberatan menurut alasan Pasal 35 ayat (1)"),
                list(self.objections_by_ground),
            ),
        ]


def _number(value):
    return "-" if value is None else value


def year_bounds(year):
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=tz),
        datetime.datetime(year + 1, 1, 1, tzinfo=tz),
    )


def _counted(choices, counter):
    return [(str(label), counter.get(value, 0)) for value, label in choices]


def yearly_report(year, today=None):
    """The Pasal 56 figures of the requests and objections received in ``year``."""
    today = today or timezone.localdate()
    start, end = year_bounds(year)
    requests = list(
        PermohonanInformasi.objects.filter(
            diterima_pada__gte=start, diterima_pada__lt=end
        )
        .order_by()
        .values_list(
            "diterima_pada",
            "status",
            "diperpanjang_pada",
            "keputusan",
            "dasar_penolakan",
            "diputuskan_pada",
            "disampaikan_pada",
        )
    )
    objections = list(
        Keberatan.objects.filter(diajukan_pada__gte=start, diajukan_pada__lt=end)
        .order_by()
        .values_list(
            "alasan",
            "putusan",
            "dijawab_pada",
            "diajukan_pada",
            "permohonan__diterima_pada",
        )
    )
    report = KIPYearlyReport(year=year, generated_on=today)
    calendar = WorkingDayCalendar(
        start.date(),
        max(end.date(), today) + datetime.timedelta(days=_DEADLINE_WINDOW_DAYS),
    )

    # Requests share their dates: each deadline and duration is counted once per
    # distinct date (at most a year's worth), not once per request.
    answer_deadline = functools.cache(
        lambda received_on, extended: (
            kip_deadlines(received_on, extended=extended, calendar=calendar).answer
        )
    )
    working_days = functools.cache(calendar.between)

    durations = []
    decisions, grounds = Counter(), Counter()
    for (
        received,
        status,
        extended_at,
        decision,
        ground,
        decided_at,
        delivered,
    ) in requests:
        received_on = to_local_date(received)
        deadline = answer_deadline(received_on, bool(extended_at))
        report.received += 1
        report.extended += bool(extended_at)
        report.delivered += bool(delivered)
        if decided_at:
            decided_on = to_local_date(decided_at)
            report.decided += 1
            durations.append(working_days(received_on, decided_on))
            decisions[decision] += 1
            if ground:
                grounds[ground] += 1
            report.late_decided += decided_on > deadline
        else:
            report.undecided += 1
            report.late_open += status in OPEN_STATUSES and today > deadline

    if durations:
        report.average_days = round(sum(durations) / len(durations), 1)
        report.median_days = pystatistics.median(durations)
    report.duration_bands = [
        (
            str(label),
            sum(
                1
                for days in durations
                if days >= lowest and (highest is None or days <= highest)
            ),
        )
        for label, lowest, highest in DURATION_BANDS
    ]
    report.duration_bands.append((gettext("Belum diputuskan"), report.undecided))
    report.by_decision = _counted(KeputusanPermohonan.choices, decisions)
    report.refusals_by_ground = _counted(DasarPengecualian.choices, grounds)

    outcomes, objection_grounds = Counter(), Counter()
    for letters, outcome, answered_at, filed_at, received in objections:
        report.objections_filed += 1
        objection_grounds.update(set(letters or []))
        answer_deadline = kip_deadlines(
            received, objection_filed=filed_at, calendar=calendar
        ).objection_answer
        if answered_at:
            report.objections_answered += 1
            outcomes[outcome] += 1
            report.objections_late += to_local_date(answered_at) > answer_deadline
        else:
            report.objections_pending += 1
            report.objections_late += today > answer_deadline
    report.objections_by_outcome = _counted(PutusanKeberatan.choices, outcomes)
    report.objections_by_ground = _counted(AlasanKeberatan.choices, objection_grounds)
    return report


def report_csv(report):
    """The report as CSV text: one row per figure, ``bagian, uraian, jumlah``."""
    rows = [[gettext("tahun"), gettext("Tahun laporan"), report.year]]
    for section in report.sections():
        rows.extend([section.title, label, value] for label, value in section.rows)
    return write_csv(
        rows, header=[gettext("bagian"), gettext("uraian"), gettext("jumlah")]
    )


def report_pdf(report):
    """The report as a PDF document (reportlab platypus), the sections as tables."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=report.title,
        author="PPID Kabupaten Langkat",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    story = [
        Paragraph(_escape(report.title), styles["Title"]),
        Paragraph(
            _escape(
                gettext("Disusun menurut Perki Nomor 1 Tahun 2021 Pasal 56. Dibuat %s.")
                % date_format(report.generated_on, "j F Y")
            ),
            styles["Normal"],
        ),
        Spacer(1, 0.5 * cm),
    ]
    table_style = TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    for section in report.sections():
        story.append(Paragraph(_escape(section.title), styles["Heading2"]))
        data = [[gettext("Uraian"), gettext("Jumlah")]] + [
            [Paragraph(_escape(str(label)), cell), str(value)]
            for label, value in section.rows
        ]
        table = Table(data, colWidths=[13 * cm, 4 * cm], repeatRows=1)
        table.setStyle(table_style)
        story += [table, Spacer(1, 0.4 * cm)]
    document.build(story)
    return buffer.getvalue()


def _escape(text):
    """Paragraph text is mini-HTML; escape the characters it reads as markup."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def report_years(today=None):
    """The years a report can be asked for, newest first."""
    this_year = (today or timezone.localdate()).year
    first = PermohonanInformasi.objects.aggregate(first=Min("diterima_pada"))["first"]
    first_year = to_local_date(first).year if first else this_year
    return list(range(this_year, max(min(first_year, this_year), FIRST_YEAR) - 1, -1))


class YearForm(forms.Form):
    """The year of the report; an invalid or missing choice means this year."""

    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = report_years()
        self.fields["tahun"].choices = [(year, str(year)) for year in years]
        self.fields["tahun"].initial = years[0]

    def year(self):
        if self.is_bound and self.is_valid():
            return self.cleaned_data["tahun"]
        return self.fields["tahun"].initial
