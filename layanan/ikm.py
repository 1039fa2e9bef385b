"""Indeks Kepuasan Masyarakat (PermenPANRB 14/2017) as DESIGN §4.4 defines it.

IKM = the mean of the nine element averages x 25, on a 25-100 scale, graded
A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99. Figures are computed
in the database, one query per table however many answers there are.

The database returns integer sums, never averages: the IKM of ``n`` respondents
whose answers add up to ``total`` is exactly ``25 * total / (9 * n)``, rounded half
up from that fraction in integers, so a tie is never lost to a float (24
respondents with a total of 567 give 65.625, shown 65.63).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, Count, F, Sum, Value, When
from django.utils.translation import gettext_lazy as _

from layanan.choices import KELOMPOK_USIA, UNSUR_IKM

ELEMENT_FIELDS = [field for field, _label in UNSUR_IKM]
#: The respondent profile of the questionnaire (each optional).
PROFILE_FIELDS = ["jenis_kelamin", "usia", "pendidikan", "pekerjaan"]
AGE_GROUP = "kelompok_usia"
TWO_PLACES = Decimal("0.01")

#: (lowest IKM of the grade, grade, quality label), best first.
GRADES = [
    (Decimal("88.31"), "A", _("Sangat baik")),
    (Decimal("76.61"), "B", _("Baik")),
    (Decimal("65.00"), "C", _("Kurang baik")),
    (Decimal("25.00"), "D", _("Tidak baik")),
]


def _round(value):
    return Decimal(str(value)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def round_ratio(numerator, denominator):
    """``numerator / denominator`` (integers) rounded half up to two decimals,
    computed in integers so no tie is lost."""
    hundredths, remainder = divmod(int(numerator) * 100, int(denominator))
    if remainder * 2 >= denominator:
        hundredths += 1
    return Decimal(hundredths).scaleb(-2).quantize(TWO_PLACES)


def ikm_from_sums(total, respondents):
    """IKM of ``respondents`` whose answers to the nine elements add up to ``total``."""
    return round_ratio(25 * total, len(ELEMENT_FIELDS) * respondents)


def ikm_value(element_averages):
    """IKM from the nine element averages (each 1-4), rounded to two decimals."""
    averages = [Decimal(str(value)) for value in element_averages]
    return _round(sum(averages) / len(averages) * 25)


def grade_for(ikm):
    """``(grade, label)`` of an IKM value already rounded to two decimals."""
    ikm = _round(ikm)
    for lowest, grade, label in GRADES:
        if ikm >= lowest:
            return grade, label
    return GRADES[-1][1], GRADES[-1][2]


@dataclass(frozen=True)
class IKMSummary:
    """IKM of one group of answers (a kecamatan, a service, a period, or all)."""

    respondents: int
    element_averages: tuple
    ikm: Decimal | None
    grade: str
    label: str

    @property
    def elements(self):
        """(code, label, average) per element, for tables and charts."""
        return [
            (f"U{number}", label, average)
            for number, ((_field, label), average) in enumerate(
                zip(UNSUR_IKM, self.element_averages, strict=True), start=1
            )
        ]


EMPTY = IKMSummary(0, (None,) * len(ELEMENT_FIELDS), None, "", "")


def _aggregates():
    return {
        "respondents": Count("pk"),
        **{f"sum_{field}": Sum(field) for field in ELEMENT_FIELDS},
    }


def _summary(row):
    respondents = row["respondents"]
    if not respondents:
        return EMPTY
    sums = [row[f"sum_{field}"] for field in ELEMENT_FIELDS]
    averages = tuple(round_ratio(total, respondents) for total in sums)
    ikm = ikm_from_sums(sum(sums), respondents)
    grade, label = grade_for(ikm)
    return IKMSummary(respondents, averages, ikm, grade, label)


def summarise(surveys):
    """IKM over a queryset of :class:`~layanan.models.SurveiIKM` (one query)."""
    return _summary(surveys.aggregate(**_aggregates()))


def summarise_by(surveys, field):
    """``{value of field: IKMSummary}`` grouped in one query, e.g. ``"kecamatan"``."""
    rows = surveys.order_by().values(field).annotate(**_aggregates())
    return {row[field]: _summary(row) for row in rows}


def summarise_groupings(surveys, fields):
    """The overall summary and ``{field: {value: IKMSummary}}`` for several
    groupings by text fields (profile items), in one query (a UNION ALL).

    Every answer falls in exactly one group of each grouping (an empty item makes
    a group of its own), so the groups of the first add up to the overall figures.
    """
    parts = [
        surveys.order_by()
        .annotate(grouping=Value(field), key=F(field))
        .values_list("grouping", "key")
        .annotate(**_aggregates())
        for field in fields
    ]
    names = list(_aggregates())
    grouped = {field: {} for field in fields}
    overall = dict.fromkeys(names, 0)
    for grouping, key, *values in parts[0].union(*parts[1:], all=True):
        row = dict(zip(names, values, strict=True))
        grouped[grouping][key] = _summary(row)
        if grouping == fields[0]:
            for name, value in row.items():
                overall[name] += value or 0
    return _summary(overall), grouped


def with_age_group(surveys):
    """``surveys`` annotated with ``kelompok_usia``, the code of the age group of
    :data:`~layanan.choices.KELOMPOK_USIA` ("" when the age was not given)."""
    return surveys.annotate(
        **{
            AGE_GROUP: Case(
                *(
                    When(usia__gte=lowest, usia__lte=highest, then=Value(code))
                    for code, _label, lowest, highest in KELOMPOK_USIA
                ),
                default=Value(""),
            )
        }
    )
