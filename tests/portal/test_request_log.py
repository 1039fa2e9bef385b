"""Production logs: one JSON line per request, no secret token, no personal data."""

import importlib
import io
import json
import logging
import logging.config
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from portal.request_log import REDACTED, redact_text
from tests.pengaduan.factories import LaporanFactory, create_elaga_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_log(monkeypatch):
    """The production LOGGING in force, its console handler writing to a buffer; a
    function returns the JSON lines written so far."""
    monkeypatch.setenv("SECRET_KEY", "log-test-key")
    production = importlib.import_module("config.settings.production")
    logging.config.dictConfig(production.LOGGING)
    buffer = io.StringIO()
    (console,) = logging.getLogger().handlers
    console.setStream(buffer)

    def lines():
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    yield lines
    logging.config.dictConfig(settings.LOGGING)
    for name in ("portal.request", "django.request"):
        logging.getLogger(name).setLevel(logging.NOTSET)


@pytest.fixture
def laporan(home_page):
    create_elaga_page(home_page)
    return LaporanFactory()


def request_lines(lines):
    return [line for line in lines if line["logger"] == "portal.request"]


def test_each_request_is_one_json_line_with_status_duration_and_size(
    client, home_page, production_log
):
    response = client.get("/")
    client.get("/tidak-ada/")

    first, second = request_lines(production_log())
    assert first["method"] == "GET"
    assert first["path"] == "/"
    assert first["status"] == HTTPStatus.OK
    assert first["size"] == len(response.content)
    assert first["duration_ms"] >= 0
    assert first["request_id"] == response.headers["X-Request-ID"]
    assert second["path"] == "/tidak-ada/"
    assert second["status"] == HTTPStatus.NOT_FOUND


def test_a_secret_page_request_logs_the_path_without_its_token(
    client, laporan, production_log
):
    path = urlsplit(laporan.secret_url()).path
    token = laporan.token_rahasia

    assert client.get(path).status_code == HTTPStatus.OK
    client.get(f"{path}?berkas=1")

    output = production_log()
    logged = request_lines(output)
    assert [line["path"] for line in logged] == [
        f"/e-laga/laporan-saya/{REDACTED}/"
    ] * 2
    assert token not in json.dumps(output)
    assert "berkas" not in json.dumps(output)


def test_a_wrong_token_is_not_logged_by_django_s_not_found_warning(
    client, laporan, production_log
):
    wrong = "Xy7" + laporan.token_rahasia[3:]
    response = client.get(f"/e-laga/laporan-saya/{wrong}/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    output = production_log()
    assert {line["logger"] for line in output} >= {"portal.request", "django.request"}
    assert wrong not in json.dumps(output)


def test_the_request_line_holds_no_identity_of_the_submitter(
    client, home_page, production_log
):
    create_elaga_page(home_page)
    client.post(
        "/e-laga/",
        {
            "nama_pelapor": "Siti Rahmawati",
            "email": "siti.rahmawati@example.com",
            "nik": "1205015203850002",
            "telepon": "081234567890",
            "judul": "Jalan rusak",
        },
        REMOTE_ADDR="10.1.2.3",
    )

    written = json.dumps(production_log())
    for personal in ("Siti", "siti.rahmawati@example.com", "1205015203850002"):
        assert personal not in written
    assert "10.1.2.3" not in written


def test_tokens_in_every_secret_link_shape_are_redacted():
    token = "aB3_kd92-LmQpR7sTuVwXyZ01234567890abcDEF"
    for path in (
        f"/e-laga/terkirim/{token}/",
        f"/ppid/permohonan-informasi/permohonan-saya/{token}/",
        f"/e-kecamatan/permohonan-saya/{token}/hasil/",
        "/akun/konfirmasi/MTI/cf5ab8-1e4f6b2c9d0e/",
        "/akun/sandi/atur/MTI/set-password/",
        "/admin/password_reset/confirm/MTI/cf5ab8-1e4f6b2c9d0e/",
        f"/open311/v2/tokens/{token}.json",
        f"/unknown/{token}/",
    ):
        redacted = redact_text(path)
        assert token not in redacted
        assert "cf5ab8" not in redacted
        assert "MTI" not in redacted
        assert REDACTED in redacted
    assert redact_text("/e-laga/lacak/?kode=LGK-7Q4M-2KXP") == "/e-laga/lacak/"
    assert redact_text("/e-kecamatan/layanan/surat-keterangan-usaha-2026/") == (
        "/e-kecamatan/layanan/surat-keterangan-usaha-2026/"
    )
