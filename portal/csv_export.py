"""CSV that a spreadsheet cannot turn into formulas (OWASP "CSV injection").

Every CSV the portal produces goes through this module: hand-written reports with
:func:`write_csv` and :func:`csv_response`, Wagtail's admin listing exports and the
public DIP export with :class:`SafeSpreadsheetExportMixin`. A text cell that a
spreadsheet would read as a formula (``=HYPERLINK(...)``, ``+1``, ``@SUM(...)``) gets
a leading apostrophe, so it opens as the text the citizen or editor typed; real
numbers stay numbers. Yes/no values read "Ya"/"Tidak" and dates with a time are in
WIB to the minute (:mod:`portal.admin_display`), in CSV and XLSX alike.

Every CSV starts with a UTF-8 byte order mark and is sent as
``text/csv; charset=utf-8``, so Excel reads non-ASCII text (dashes, names) as UTF-8;
every XLSX has a named sheet, a bold header row that stays in view and columns as wide
as their content.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.encoding import force_str
from django.utils.text import capfirst
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from portal.admin_display import export_datetime, local_datetime, yes_no

#: The first characters that make a spreadsheet read a text cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Tells Excel the file is UTF-8; other readers skip it.
UTF8_BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
#: Excel's limits for a sheet name and a column width (in characters).
SHEET_TITLE_MAX_LENGTH = 31
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
MIN_COLUMN_WIDTH = 8
MAX_COLUMN_WIDTH = 60


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
    """A UTF-8 CSV download of ``text`` (from :func:`write_csv`) named ``filename``,
    with the byte order mark Excel needs to read it as UTF-8."""
    if not text.startswith(UTF8_BOM):
        text = UTF8_BOM + text
    response = HttpResponse(text, content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def sheet_title(title):
    """``title`` as an Excel sheet name: no ``[]:*?/\\``, at most 31 characters."""
    cleaned = " ".join(force_str(title).translate(SHEET_TITLE_FORBIDDEN).split())
    return cleaned[:SHEET_TITLE_MAX_LENGTH].strip() or "Data"


def column_width(values):
    """A column width that fits the longest line of ``values``, within bounds."""
    longest = max(
        (
            len(line)
            for value in values
            if value is not None
            for line in force_str(value).splitlines() or [""]
        ),
        default=0,
    )
    return min(max(longest + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH)


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

    def get_sheet_title(self, queryset):
        """The worksheet's name: ``sheet_title`` if set, else the model's plural name."""
        title = getattr(self, "sheet_title", None)
        if not title:
            title = capfirst(queryset.model._meta.verbose_name_plural)
        return sheet_title(title)

    def stream_csv(self, queryset):
        yield UTF8_BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset), content_type=CSV_CONTENT_TYPE
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.get_filename()}.csv"'
        )
        return response

    def write_xlsx(self, queryset, output):
        """Wagtail's workbook, with a named sheet, a bold header row frozen at the
        top and each column as wide as its content (so rows are read first)."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
        from wagtail.admin.views.mixins import ExcelDateFormatter

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=self.get_sheet_title(queryset))
        date_format = ExcelDateFormatter().get()
        header = []
        for field in self.list_export:
            cell = WriteOnlyCell(worksheet, self.get_heading(queryset, field))
            cell.font = Font(bold=True)
            header.append(cell)
        rows = [
            list(
                self.generate_xlsx_row(
                    worksheet, self.to_row_dict(item), date_format=date_format
                )
            )
            for item in queryset
        ]
        for index, cells in enumerate(zip(header, *rows, strict=True), start=1):
            letter = get_column_letter(index)
            worksheet.column_dimensions[letter].width = column_width(
                _display_value(cell.value) for cell in cells
            )
        worksheet.freeze_panes = "A2"
        worksheet.append(header)
        for row in rows:
            worksheet.append(row)
        workbook.save(output)


def _display_value(value):
    """Roughly what a spreadsheet shows for ``value`` (a date as 2026-12-02 14:05)."""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value
