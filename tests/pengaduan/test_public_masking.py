"""Published complaints pass through the personal-data masker on every public output.

Issue 12: a reporter who typed their NIK, phone number, email or own name into the
title or text of a report saw them published verbatim on the site, in the service
API and in Open311.
"""

import json
import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest
from django.test import Client

from pengaduan import services
from pengaduan.choices import StatusLaporan
from tests.factories import UserFactory
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    advance_laporan,
    create_elaga_page,
)

pytestmark = pytest.mark.django_db

REPORTER = "Rahmat Hidayat Siregar"
TITLE = "Rahmat Hidayat Siregar (0812-7777-8888) melapor jalan rusak"
TEXT = (
    "Saya rahmat hidayat siregar, NIK 1205 0112 0385 0009, HP +62 813 1234 5678, "
    "email rahmat.siregar@contoh-pribadi.id. Jalan di RT 03/RW 05 rusak sejak "
    "12-03-2026; perbaikan Rp 1.500.000 tidak jelas."
)
ADDRESS = "Depan rumah Pak Rahmat, telp (0620) 21234"
FOLLOWUP = "Kami sudah menghubungi Sdr. Rahmat Hidayat di 081277778888."
#: None of these may reach a public output.
SECRETS = (
    "Rahmat",
    "rahmat",
    "Siregar",
    "0812-7777-8888",
    "1205 0112 0385 0009",
    "813 1234 5678",
    "rahmat.siregar@contoh-pribadi.id",
    "21234",
    "081277778888",
)
MARKERS = (
    "[nama disamarkan]",
    "[NIK disamarkan]",
    "[nomor telepon disamarkan]",
    "[email disamarkan]",
)
#: What must survive the masker: the complaint itself.
KEPT = ("RT 03/RW 05", "12-03-2026", "Rp 1.500.000", "melapor jalan rusak")
API = "/api/portal/v1/pengaduan"
OPEN311 = "/open311/v2"


@pytest.fixture
def elaga(home_page):
    return create_elaga_page(home_page)


@pytest.fixture
def laporan():
    kategori = KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    laporan = LaporanFactory(
        kategori=kategori,
        nama_pelapor=REPORTER,
        judul=TITLE,
        isi=TEXT,
        alamat=ADDRESS,
    )
    moderator = UserFactory(username="moderator-masking")
    advance_laporan(laporan, StatusLaporan.DIDISPOSISIKAN, user=moderator)
    services.add_followup(laporan, moderator, FOLLOWUP)
    laporan.refresh_from_db()
    return laporan


@pytest.fixture
def api_client(settings):
    settings.PENGADUAN_API_READ_RATE = "1000/hour"
    return Client(REMOTE_ADDR="2001:db8::12:1")


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def assert_masked(text, where, kept=KEPT, markers=MARKERS):
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked on {where}"
    for marker in markers:
        assert marker in text, f"{marker!r} missing on {where}"
    for phrase in kept:
        assert phrase in text, f"{phrase!r} lost on {where}"


def test_the_public_detail_page_masks_title_text_and_answers(client, elaga, laporan):
    response = client.get(url(elaga, "published_detail", laporan.kode_lacak))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert_masked(html, "detail")
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("[nama disamarkan] ([nomor telepon disamarkan])")
    heading = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert heading == (
        "[nama disamarkan] ([nomor telepon disamarkan]) melapor jalan rusak"
    )
    description = html.split('<meta name="description" content="', 1)[1]
    assert description.startswith("Saya [nama disamarkan], NIK [NIK disamarkan]")
    assert "menghubungi Sdr. [nama disamarkan] di [nomor telepon disamarkan]" in html


def test_the_public_list_masks_titles(client, elaga, laporan):
    html = client.get(url(elaga, "published_list")).content.decode()
    assert_masked(
        html,
        "list",
        kept=("melapor jalan rusak",),
        markers=("[nama disamarkan]", "[nomor telepon disamarkan]"),
    )


def test_tracking_by_code_masks_the_public_answers(client, elaga, laporan):
    html = client.get(
        url(elaga, "track"), {"kode": laporan.kode_lacak}
    ).content.decode()
    assert laporan.kode_lacak in html
    assert "menghubungi Sdr. [nama disamarkan] di [nomor telepon disamarkan]" in html
    for secret in SECRETS:
        assert secret not in html


def test_the_reporters_secret_page_shows_their_own_words_unmasked(
    client, elaga, laporan
):
    html = client.get(url(elaga, "secret_page", laporan.token_rahasia)).content.decode()
    assert "1205 0112 0385 0009" in html
    assert "rahmat.siregar@contoh-pribadi.id" in html
    assert "[NIK disamarkan]" not in html


def test_the_published_list_api_masks_title_text_and_address(api_client, laporan):
    response = api_client.get(f"{API}/laporan")
    assert response.status_code == HTTPStatus.OK
    [item] = response.json()["items"]
    assert item["judul"] == (
        "[nama disamarkan] ([nomor telepon disamarkan]) melapor jalan rusak"
    )
    assert item["alamat"] == (
        "Depan rumah Pak [nama disamarkan], telp [nomor telepon disamarkan]"
    )
    assert_masked(response.content.decode(), "API list")


def test_the_tracking_api_masks_the_public_answers(api_client, laporan):
    response = api_client.get(f"{API}/laporan/{laporan.kode_lacak}")
    assert response.status_code == HTTPStatus.OK
    messages = [entry["pesan"] for entry in response.json()["linimasa"]]
    assert (
        "Kami sudah menghubungi Sdr. [nama disamarkan] di [nomor telepon disamarkan]."
        in messages
    )
    for secret in SECRETS:
        assert secret not in response.content.decode()


@pytest.mark.parametrize("response_format", ["json", "xml"])
@pytest.mark.parametrize("path", ["requests", "requests/{code}"])
def test_open311_masks_description_address_and_status_notes(
    client, laporan, response_format, path
):
    path = path.format(code=laporan.kode_lacak)
    response = client.get(f"{OPEN311}/{path}.{response_format}")
    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    if response_format == "json":
        [item] = json.loads(text)
    else:
        root = ET.fromstring(response.content)  # noqa: S314 (our own answer)
        [item] = [{child.tag: child.text or "" for child in node} for node in root]
    assert item["description"].startswith(
        "Saya [nama disamarkan], NIK [NIK disamarkan], HP [nomor telepon disamarkan]"
    )
    assert item["address"] == (
        "Depan rumah Pak [nama disamarkan], telp [nomor telepon disamarkan]"
    )
    assert item["status_notes"] == (
        "Kami sudah menghubungi Sdr. [nama disamarkan] di [nomor telepon disamarkan]."
    )
    assert_masked(text, f"Open311 {path}.{response_format}", kept=KEPT[:3])


def test_an_anonymous_report_is_masked_all_the_same(client, elaga):
    laporan = LaporanFactory(
        kategori=KategoriLaporanFactory(slug="umum", boleh_anonim=True),
        anonim=True,
        nama_pelapor="Warga Anonimus",
        judul="Pungli di kantor desa",
        isi="Saya Warga Anonimus dipungut biaya; hubungi 0852-1111-2222.",
    )
    advance_laporan(laporan, StatusLaporan.DIVERIFIKASI)
    html = client.get(
        url(elaga, "published_detail", laporan.kode_lacak)
    ).content.decode()
    assert "Saya [nama disamarkan] dipungut biaya" in html
    assert "Anonimus" not in html and "0852-1111-2222" not in html
