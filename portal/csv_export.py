"""CSV that a spreadsheet cannot turn into formulas (OWASP "CSV injection").

Every CSV the portal produces goes through this module: hand-written reports with
:func:`write_csv` and :func:`csv_response`, Wagtail's admin listing exports and the
public DIP export with :class:`SafeSpreadsheetExportMixin`. A text cell that a
spreadsheet would read as a formula (``=HYPERLINK(...)``, ``+1``, ``@SUM(...)``) gets
a leading apostrophe, so it opens as the text the citizen or editor typed; real
numbers stay numbers. Yes/no values read "Ya"/"Tidak" and dates with a time are in
WIB to the minute (:mod:`portal.admin_display`), in CSV and XLSX alike.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils.encoding import force_str
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from portal.admin_display import export_datetime, local_datetime, yes_no

#: The first characters that make a spreadsheet read a text cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """``value`` as a CSV cell no spreadsheet evaluates.

    ``None`` becomes an empty cell; ``True``/``False`` become "Ya"/"Tidak"; a date
    and time becomes WIB to the minute ("2026-12-02 14:05"); numbers (``int``,
    ``float``, ``Decimal``, also negative ones) stay numbers; anything else (text,
    lazy translations, dates) becomes text, with an apostrophe in front when it starts
    with a formula character.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime.datetime):
        return export_datetime(value)
    if isinstance(value, int | float | Decimal):
        return value
    text = force_str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def write_csv(rows, header=None):
    """The ``rows`` (and the ``header`` row first, if given) as CSV text, every cell
    through :func:`csv_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header is not None:
        writer.writerow([csv_cell(value) for value in header])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()


def csv_response(text, filename):
    """A UTF-8 CSV download of ``text`` (from :func:`write_csv`) named ``filename``."""
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV and XLSX export with every CSV cell passed through :func:`csv_cell`.

    In XLSX, Wagtail already stores a value that openpyxl would take for a formula as
    a text cell; yes/no values become "Ya"/"Tidak" and dates with a time stay dates,
    in WIB (Wagtail would write them in UTC). A field's own
    ``custom_field_preprocess`` still wins.
    """

    def preprocess_field_value(self, field, value, export_format):
        own = export_format in self.custom_field_preprocess.get(field, {})
        if export_format == self.FORMAT_XLSX and not own:
            if isinstance(value, bool):
                return yes_no(value)
            if isinstance(value, datetime.datetime):
                return local_datetime(value)
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return csv_cell(value)
        return value
