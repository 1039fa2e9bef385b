"""The KIP register and the answers open to anyone with the number are masked.

Issue 12: the PPID writes the register's summary and the answers without personal
data, but a slip (the requester's name, NIK, phone or email copied from the request)
must not reach the public: the personal-data masker is the safety net.
"""

import uuid
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import config.api  # noqa: F401  (build the API schemas outside freeze_time)
from portal.roles import EDITOR_PPID
from ppid import services
from ppid.choices import KeputusanPermohonan, PutusanKeberatan
from tests.pengaduan.factories import PetugasFactory
from tests.ppid.factories import create_kip_request, create_layanan_informasi_page

pytestmark = pytest.mark.django_db

REQUESTER = "Rahmat Hidayat Siregar"
SUMMARY = (
    "Data bansos 2025 diminta Rahmat Hidayat (NIK 1205011203850009, "
    "HP 0812-7777-8888, rahmat@contoh-pribadi.id)."
)
MASKED_SUMMARY = (
    "Data bansos 2025 diminta [nama disamarkan] (NIK [NIK disamarkan], "
    "HP [nomor telepon disamarkan], [email disamarkan])."
)
ANSWER = (
    "Yth. Bapak Rahmat Hidayat Siregar, data kami kirim ke rahmat@contoh-pribadi.id."
)
MASKED_ANSWER = "Yth. Bapak [nama disamarkan], data kami kirim ke [email disamarkan]."
OBJECTION_ANSWER = "Keberatan Sdr. Siregar (HP 081277778888) diterima."
MASKED_OBJECTION_ANSWER = (
    "Keberatan Sdr. [nama disamarkan] (HP [nomor telepon disamarkan]) diterima."
)
SECRETS = (
    "Rahmat",
    "Siregar",
    "1205011203850009",
    "0812-7777-8888",
    "081277778888",
    "rahmat@contoh-pribadi.id",
)
API = "/api/portal/v1/informasi-publik"


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


@pytest.fixture
def layanan(home_page):
    return create_layanan_informasi_page(home_page)


@pytest.fixture
def editor():
    return PetugasFactory(username="ppid-masking", role=EDITOR_PPID)


@pytest.fixture
def api_client(settings):
    settings.PENGADUAN_API_READ_RATE = "1000/hour"
    return Client(REMOTE_ADDR=f"2001:db8::{uuid.uuid4().int % 65536:x}:2")


@pytest.fixture
def permohonan(editor):
    permohonan = create_kip_request(nama=REQUESTER)
    services.set_public_summary(permohonan, editor, SUMMARY, "Diringkas.")
    return permohonan


@pytest.fixture
def answered(editor):
    """A refused request whose written answers name and reach the requester."""
    permohonan = create_kip_request(nama=REQUESTER)
    services.decide(
        permohonan,
        editor,
        KeputusanPermohonan.DITOLAK,
        ANSWER,
        dasar_penolakan="h",
        uji_konsekuensi="Memuat data pribadi Rahmat Hidayat.",
    )
    services.file_keberatan(permohonan, ["a"], "Saya keberatan.")
    permohonan.refresh_from_db()
    services.answer_keberatan(
        permohonan.keberatan, editor, PutusanKeberatan.values[0], OBJECTION_ANSWER
    )
    permohonan.refresh_from_db()
    return permohonan


def assert_masked(text, where, expected):
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked on {where}"
    assert expected in text, where


def test_the_register_page_masks_the_summary(client, layanan, permohonan):
    response = client.get(url(layanan, "register"))
    assert response.status_code == HTTPStatus.OK
    assert_masked(response.content.decode(), "register", MASKED_SUMMARY)


def test_the_register_csv_masks_the_summary(client, layanan, permohonan):
    response = client.get(url(layanan, "register"), {"format": "csv"})
    assert response.status_code == HTTPStatus.OK
    assert_masked(response.content.decode(), "CSV", MASKED_SUMMARY)


def test_the_register_api_masks_the_summary(api_client, permohonan):
    response = api_client.get(f"{API}/register")
    assert response.status_code == HTTPStatus.OK
    [row] = response.json()["items"]
    assert row["ringkasan_publik"] == MASKED_SUMMARY
    assert_masked(response.content.decode(), "API register", MASKED_SUMMARY)


def test_the_register_reads_the_name_in_its_one_query_and_never_the_raw_text(
    client, layanan, permohonan
):
    client.get(url(layanan, "register"))  # warm caches
    with CaptureQueriesContext(connection) as queries:
        client.get(url(layanan, "register"), {"format": "csv"})
    rows = [query["sql"] for query in queries if "ringkasan_publik" in query["sql"]]
    assert len(rows) == 1
    table = '"ppid_permohonaninformasi".'
    assert f'{table}"nama"' in rows[0]
    for column in ("informasi_diminta", "nomor_identitas", "telepon", "email"):
        assert f'{table}"{column}"' not in rows[0]


def test_tracking_by_number_masks_the_written_answers(client, layanan, answered):
    response = client.get(url(layanan, "track"), {"nomor": answered.kode_lacak})
    html = response.content.decode()
    assert answered.kode_lacak in html
    assert_masked(html, "track", MASKED_ANSWER)
    assert MASKED_OBJECTION_ANSWER in html
    assert "Memuat data pribadi [nama disamarkan]." in html


def test_the_tracking_api_masks_the_written_answers(api_client, answered):
    response = api_client.get(f"{API}/permohonan/{answered.kode_lacak}")
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["jawaban"] == MASKED_ANSWER
    assert body["uji_konsekuensi"] == "Memuat data pribadi [nama disamarkan]."
    assert body["keberatan"]["tanggapan"] == MASKED_OBJECTION_ANSWER
    assert_masked(response.content.decode(), "API tracking", MASKED_ANSWER)


def test_the_requesters_secret_page_shows_the_answers_unmasked(
    client, layanan, answered
):
    html = client.get(
        url(layanan, "secret_page", answered.token_rahasia)
    ).content.decode()
    assert "Yth. Bapak Rahmat Hidayat Siregar" in html
    assert OBJECTION_ANSWER in html
    assert "[nama disamarkan]" not in html
