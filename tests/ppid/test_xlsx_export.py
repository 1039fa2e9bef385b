"""The XLSX downloads open in a spreadsheet ready to read: a named sheet, a bold header
row that stays in view while scrolling, and columns as wide as their content."""

import io
from http import HTTPStatus

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import PerangkatDaerahFactory
from tests.ppid.factories import InformasiPublikPageFactory

pytestmark = pytest.mark.django_db

LONG_TITLE = "Realisasi Anggaran Pendapatan dan Belanja 2026"


def _workbook(response):
    assert response.status_code == HTTPStatus.OK
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


@pytest.fixture
def dip_workbook(client, dip_index):
    InformasiPublikPageFactory(
        parent=dip_index, title=LONG_TITLE, nomor="DIP-1", tahun=2026
    )
    InformasiPublikPageFactory(parent=dip_index, title="SOP", nomor="DIP-2")
    return _workbook(client.get(f"{dip_index.url}unduh/xlsx/"))


def test_dip_sheet_is_named_after_the_register(dip_workbook):
    assert dip_workbook.sheetnames == ["Daftar Informasi Publik"]


def test_dip_header_row_is_bold_and_frozen(dip_workbook):
    sheet = dip_workbook.active
    assert sheet["A1"].value == "Nomor"
    assert all(cell.font.bold for cell in sheet[1])
    assert not any(cell.font.bold for cell in sheet[2])
    assert sheet.freeze_panes == "A2"


def test_dip_columns_fit_their_longest_cell(dip_workbook):
    sheet = dip_workbook.active
    headings = [cell.value for cell in sheet[1]]
    title_column = sheet.cell(row=1, column=headings.index("Judul Informasi") + 1)
    year_column = sheet.cell(row=1, column=headings.index("Tahun") + 1)
    title_width = sheet.column_dimensions[title_column.column_letter].width
    year_width = sheet.column_dimensions[year_column.column_letter].width
    # The long title is wider than its heading; "Tahun" and 2026 are short.
    assert title_width >= len(LONG_TITLE)
    assert year_width < len("Judul Informasi")
    assert year_width >= len("Tahun")


def test_admin_listing_xlsx_is_named_after_its_records(admin_client):
    PerangkatDaerahFactory(nama="Badan Uji Lebar Kolom Kabupaten Langkat")
    workbook = _workbook(
        admin_client.get(reverse("perangkatdaerah:index"), {"export": "xlsx"})
    )
    sheet = workbook.active
    assert workbook.sheetnames == ["Perangkat daerah"]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= len(
        "Badan Uji Lebar Kolom Kabupaten Langkat"
    )
