"""The public verification of letters, on the site and in the API: genuine, revoked,
unknown; initials only; rate-limited; noindex."""

import uuid
from http import HTTPStatus

import pytest
from django.test import Client
from django.utils import timezone

from layanan import services
from layanan.choices import StatusPermohonan
from tests.layanan.factories import (
    PermohonanFactory,
    StandarLayananFactory,
    TemplateSuratFactory,
    kecamatan_officer,
)

pytestmark = pytest.mark.django_db

API = "/api/portal/v1/e-kecamatan/verifikasi"
#: The applicant's identity, none of which a verification may show.
IDENTITY = ("Rina Sembiring", "1205015203850002", "081234567890", "Pelabuhan")


def fresh_client():
    """A client from an address of its own, so no test shares a rate limit."""
    number = uuid.uuid4().int
    return Client(
        REMOTE_ADDR=f"2001:db8::{number % 65536:x}:{(number >> 16) % 65536:x}"
    )


@pytest.fixture
def letter():
    officer = kecamatan_officer("babalan")
    template = TemplateSuratFactory(standar=StandarLayananFactory(nama="Domisili"))
    permohonan = PermohonanFactory(
        layanan=template.standar,
        status=StatusPermohonan.DIPROSES,
        jawaban=[
            {"kunci": "a", "label": "Keperluan", "jenis": "teks", "nilai": "Kerja"}
        ],
    )
    services.complete(permohonan, officer, "Terbit.", letter_template=template)
    return permohonan.surat.get()


def page(client, code):
    return client.get(f"/verifikasi/{code}/")


def test_a_genuine_letter_is_asli_with_its_facts_and_initials_only(letter):
    response = page(fresh_client(), letter.kode_verifikasi)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Surat ini asli" in html
    for fact in (
        letter.nomor_surat,
        "Domisili",
        "Kantor Camat Babalan",
        letter.sha256,
        "R. S.",
    ):
        assert fact in html
    for identity in IDENTITY:
        assert identity not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_a_code_is_read_however_it_is_typed(letter):
    typed = letter.kode_verifikasi.replace("-", " ").lower()
    response = page(fresh_client(), typed)
    assert "Surat ini asli" in response.content.decode()


def test_a_revoked_letter_says_dicabut(letter):
    services.revoke_letter(letter.permohonan, None, "Nama salah ketik.")
    response = page(fresh_client(), letter.kode_verifikasi)
    html = response.content.decode()
    assert "Surat ini dicabut" in html
    assert "Dicabut" in html
    # The reason may name the applicant: it is not public.
    assert "Nama salah ketik" not in html


def test_an_unknown_code_is_said_to_be_unknown():
    response = page(fresh_client(), "ABCDE-FGHJK")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Kode tidak dikenal" in response.content.decode()


def test_the_api_answers_the_same_without_identity(letter):
    client = fresh_client()
    response = client.get(f"{API}/{letter.kode_verifikasi.lower()}")
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body == {
        "kode": letter.kode_verifikasi,
        "status": "asli",
        "nomor_surat": letter.nomor_surat,
        "judul": "Surat Keterangan Domisili",
        "layanan": "Domisili",
        "kecamatan": "Babalan",
        "tanggal_terbit": timezone.localdate(letter.diterbitkan_pada).isoformat(),
        "inisial_pemohon": "R. S.",
        "sha256": letter.sha256,
        "dicabut_pada": None,
    }
    for identity in IDENTITY:
        assert identity not in response.content.decode()

    services.revoke_letter(letter.permohonan, None, "Salah.")
    assert client.get(f"{API}/{letter.kode_verifikasi}").json()["status"] == "dicabut"

    unknown = client.get(f"{API}/ABCDE-FGHJK")
    assert unknown.status_code == HTTPStatus.NOT_FOUND
    assert unknown.json()["detail"] == "Kode verifikasi tidak dikenal."


def test_lookups_are_rate_limited_on_the_page_and_the_api_together(settings, letter):
    settings.PENGADUAN_API_READ_RATE = "3/hour"
    client = fresh_client()
    assert page(client, letter.kode_verifikasi).status_code == HTTPStatus.OK
    assert page(client, "ABCDE-FGHJK").status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"{API}/{letter.kode_verifikasi}").status_code == HTTPStatus.OK

    refused = page(client, letter.kode_verifikasi)
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert refused["Retry-After"]
    assert letter.nomor_surat not in refused.content.decode()
    api_refused = client.get(f"{API}/{letter.kode_verifikasi}")
    assert api_refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Terlalu banyak permintaan" in api_refused.json()["detail"]
    # Another address is served.
    assert page(fresh_client(), letter.kode_verifikasi).status_code == HTTPStatus.OK


def test_the_verification_endpoint_is_in_the_openapi_schema(letter):
    schema = fresh_client().get("/api/portal/v1/openapi.json").json()
    operation = schema["paths"][f"{API}/{{kode}}"]["get"]
    assert {"200", "404", "429"} <= set(operation["responses"])
    assert operation["tags"] == ["e-kecamatan"]
