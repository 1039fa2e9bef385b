"""Requester identity never reaches the public KIP pages, downloads or reports."""

from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from freezegun import freeze_time

from ppid import services
from ppid.choices import KeputusanPermohonan, PutusanKeberatan
from ppid.models import DokumenJawaban
from tests.factories import UserFactory
from tests.ppid.factories import create_kip_request, create_layanan_informasi_page

pytestmark = pytest.mark.django_db

#: Distinctive identities: none of these strings may appear on a public page.
REQUESTERS = [
    {
        "nama": "Zulkarnain Tambunan",
        "alamat": "Gang Kenanga Sembilan, Tanjung Pura",
        "nomor_identitas": "1205016807910003",
        "telepon": "081377700111",
        "email": "zulkarnain.rahasia@example.net",
        "pekerjaan": "Penyelam mutiara",
    },
    {
        "nama": "Ratna Simanjuntak",
        "alamat": "Dusun Melati Tujuh, Secanggang",
        "nomor_identitas": "C9876543",
        "jenis_identitas": "paspor",
        "telepon": "082155500222",
        "email": "ratna.tersembunyi@example.org",
        "pekerjaan": "Peneliti gambut",
    },
]
IDENTITY_STRINGS = [
    value
    for requester in REQUESTERS
    for key, value in requester.items()
    if key != "jenis_identitas"
]


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


@pytest.fixture
def layanan(home_page):
    return create_layanan_informasi_page(home_page)


@pytest.fixture
def requests_2026():
    """One refused request with an answered objection, one still waiting."""
    user = UserFactory()
    with freeze_time("2026-02-02 09:00:00+07:00"):
        refused = create_kip_request(
            user=user, decided=KeputusanPermohonan.DITOLAK, **REQUESTERS[0]
        )
        waiting = create_kip_request(**REQUESTERS[1])
    with freeze_time("2026-02-04 09:00:00+07:00"):
        services.file_keberatan(refused, ["a"], "Saya keberatan.")
        services.answer_keberatan(
            refused.keberatan, user, PutusanKeberatan.DITOLAK, "Tetap dikecualikan."
        )
    return refused, waiting


def assert_no_identity(text):
    for identity in IDENTITY_STRINGS:
        assert identity not in text, identity


def test_register_and_its_csv_show_no_identity(client, layanan, requests_2026):
    register = client.get(url(layanan, "register"))
    assert register.status_code == HTTPStatus.OK
    assert requests_2026[0].kode_lacak in register.content.decode()
    assert_no_identity(register.content.decode())
    csv_response = client.get(url(layanan, "register"), {"format": "csv"})
    assert requests_2026[1].kode_lacak in csv_response.content.decode()
    assert_no_identity(csv_response.content.decode())


def test_tracking_shows_no_identity(client, layanan, requests_2026):
    for permohonan in requests_2026:
        response = client.get(url(layanan, "track"), {"nomor": permohonan.kode_lacak})
        assert permohonan.kode_lacak in response.content.decode()
        assert_no_identity(response.content.decode())


def test_yearly_report_page_csv_and_pdf_show_no_identity(
    client, layanan, requests_2026
):
    report = url(layanan, "yearly_report")
    with freeze_time("2026-03-02 09:00:00+07:00"):
        page = client.get(report, {"tahun": 2026})
        csv_response = client.get(report, {"tahun": 2026, "format": "csv"})
        pdf_response = client.get(report, {"tahun": 2026, "format": "pdf"})
    assert_no_identity(page.content.decode())
    assert_no_identity(csv_response.content.decode())
    pdf = pdf_response.content.decode("latin-1")
    assert pdf.startswith("%PDF")
    assert_no_identity(pdf)


def test_secret_page_does_not_echo_identity_either(client, layanan, requests_2026):
    refused = requests_2026[0]
    response = client.get(url(layanan, "secret_page", refused.token_rahasia))
    assert response.status_code == HTTPStatus.OK
    assert_no_identity(response.content.decode())


def test_objection_mismatch_page_does_not_echo_the_stored_identity(
    client, layanan, requests_2026
):
    waiting = requests_2026[1]
    response = client.post(
        url(layanan, "objection_form"),
        {
            "nomor": waiting.kode_lacak,
            "nomor_identitas": "C0000000",
            "kontak": "salah@example.com",
        },
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_no_identity(response.content.decode())


def test_answer_documents_are_reachable_only_through_their_own_secret_link(
    client, layanan, requests_2026
):
    refused, waiting = requests_2026
    document = DokumenJawaban.objects.create(
        permohonan=refused,
        judul="Surat keputusan",
        berkas=ContentFile(b"%PDF-1.4 surat", name="surat.pdf"),
        content_type="application/pdf",
    )
    own = client.get(
        url(layanan, "secret_page", refused.token_rahasia), {"dokumen": document.pk}
    )
    assert own.status_code == HTTPStatus.OK
    assert own["Cache-Control"] == "private, no-cache, no-store, max-age=0"
    other = client.get(
        url(layanan, "secret_page", waiting.token_rahasia), {"dokumen": document.pk}
    )
    assert other.status_code == HTTPStatus.NOT_FOUND
    forged = client.get(
        url(layanan, "secret_page", "bukan-token"), {"dokumen": document.pk}
    )
    assert forged.status_code == HTTPStatus.NOT_FOUND
    for route in ("register", "track", "yearly_report", "request_form"):
        response = client.get(url(layanan, route), {"dokumen": document.pk})
        assert b"%PDF-1.4 surat" not in response.content
    assert (
        document.berkas.url
        not in client.get(
            url(layanan, "secret_page", refused.token_rahasia)
        ).content.decode()
    )
