"""The reporter's identity never appears in the service API or Open311 (DESIGN §6)."""

from http import HTTPStatus

import pytest
from django.test import Client

from pengaduan import services
from pengaduan.models import Laporan
from pengaduan.open311.keys import create_key
from tests.factories import PerangkatDaerahFactory, UserFactory
from tests.pengaduan.factories import KategoriLaporanFactory

pytestmark = pytest.mark.django_db

API = "/api/portal/v1/pengaduan"
OPEN311 = "/open311/v2"
IDENTITY = {
    "nama": "Zulkarnain Pelaporunik",
    "email": "zulkarnain.unik@contoh-pribadi.id",
    "telepon": "081377712345",
    "nik": "1205015203850002",
}
OFFICER_NAME = ("Hartono", "Petugasunik")
INTERNAL_NOTE = "Catatan internal khusus moderator"
REPORTER_NOTE = "Informasi tambahan pribadi dari pelapor"


def private_strings():
    return [
        *IDENTITY.values(),
        "Zulkarnain",
        "Pelaporunik",
        "0813-7771-2345",
        *OFFICER_NAME,
        INTERNAL_NOTE,
        REPORTER_NOTE,
    ]


@pytest.fixture
def client(settings):
    settings.PENGADUAN_API_SUBMIT_RATE = "1000/hour"
    settings.PENGADUAN_API_READ_RATE = "1000/hour"
    return Client(REMOTE_ADDR="2001:db8::a11:a11")


@pytest.fixture
def reports(client):
    """Two reports filed through the API and the Open311 POST, then processed."""
    KategoriLaporanFactory(slug="jalan-rusak", boleh_anonim=True)
    moderator = UserFactory(first_name=OFFICER_NAME[0], last_name=OFFICER_NAME[1])
    office = PerangkatDaerahFactory(aktif=True)
    submitted = []
    for anonim in ("on", ""):
        response = client.post(
            f"{API}/laporan",
            {
                "jenis": "pengaduan",
                "kategori": "jalan-rusak",
                "judul": "Drainase tersumbat",
                "isi": "Air meluap ke jalan setiap hujan.",
                "kecamatan": "babalan",
                "alamat": "Jl. Pelabuhan",
                "nama_pelapor": IDENTITY["nama"],
                "email": IDENTITY["email"],
                "telepon": "0813-7771-2345",
                "nik": IDENTITY["nik"],
                "anonim": anonim,
                "setuju": "on",
            },
        )
        assert response.status_code == HTTPStatus.CREATED, response.content
        submitted.append(response.json()["kode_lacak"])
    _, key = create_key("Mitra")
    response = client.post(
        f"{OPEN311}/requests.json",
        {
            "api_key": key,
            "service_code": "jalan-rusak",
            "address_string": "Jl. Pelabuhan",
            "description": "Air meluap ke jalan setiap hujan.",
            "first_name": "Zulkarnain",
            "last_name": "Pelaporunik",
            "email": IDENTITY["email"],
            "phone": IDENTITY["telepon"],
            "attribute[kecamatan]": "babalan",
        },
    )
    assert response.status_code == HTTPStatus.CREATED, response.content
    submitted.append(response.json()[0]["service_request_id"])
    for laporan in Laporan.objects.filter(kode_lacak__in=submitted):
        services.add_reporter_information(laporan, REPORTER_NOTE)
        services.verify(laporan, moderator)
        services.dispatch(laporan, moderator, office)
        services.add_followup(laporan, moderator, INTERNAL_NOTE, public=False)
        services.add_followup(laporan, moderator, "Petugas sudah meninjau lokasi.")
    return submitted


def urls(kode, token=None):
    yield f"{API}/kategori"
    yield f"{API}/laporan"
    yield f"{API}/laporan/{kode}"
    for response_format in ("json", "xml"):
        yield f"{OPEN311}/services.{response_format}"
        yield f"{OPEN311}/services/jalan-rusak.{response_format}"
        yield f"{OPEN311}/requests.{response_format}"
        yield f"{OPEN311}/requests/{kode}.{response_format}"
        yield f"{OPEN311}/requests.{response_format}?service_request_id={kode}"


def test_identity_and_internal_notes_never_appear_in_any_response(client, reports):
    seen = 0
    for kode in reports:
        for url in urls(kode):
            response = client.get(url)
            assert response.status_code == HTTPStatus.OK, url
            text = response.content.decode()
            for private in private_strings():
                assert private not in text, (url, private)
            seen += kode in text
    assert seen >= len(reports) * 7, "the reports themselves must be listed"


def test_submission_answers_carry_no_identity(client):
    KategoriLaporanFactory(slug="jalan-rusak")
    response = client.post(
        f"{API}/laporan",
        {
            "jenis": "aspirasi",
            "kategori": "jalan-rusak",
            "judul": "Taman baca",
            "isi": "Mohon dibangun taman baca.",
            "kecamatan": "babalan",
            "nama_pelapor": IDENTITY["nama"],
            "email": IDENTITY["email"],
            "nik": IDENTITY["nik"],
            "setuju": "on",
        },
    )
    assert response.status_code == HTTPStatus.CREATED
    for private in private_strings():
        assert private not in response.content.decode()


def test_error_answers_do_not_echo_identity(client):
    response = client.post(
        f"{API}/laporan",
        {"nama_pelapor": IDENTITY["nama"], "nik": "12345", "email": "bukan@"},
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert IDENTITY["nama"] not in response.content.decode()
