"""The shared rate limiter: atomic counts, site forms, tracking pages, and the API."""

import threading
import uuid
from http import HTTPStatus

import pytest
from django.test import Client

from pengaduan.models import Laporan
from portal.models import Desa
from portal.ratelimit import hit
from tests.pengaduan.factories import KategoriLaporanFactory, create_elaga_page

API = "/api/portal/v1/pengaduan"


def client_address():
    """A documentation-range address of its own, so no test shares a counter."""
    number = uuid.uuid4().int
    return f"2001:db8::{number % 65536:x}:{(number >> 16) % 65536:x}"


@pytest.fixture
def elaga(home_page):
    return create_elaga_page(home_page)


@pytest.fixture
def form_data(db):
    kategori = KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    return {
        "jenis": "pengaduan",
        "kategori": kategori.slug,
        "judul": "Jalan berlubang di depan SD",
        "isi": "Lubang besar membahayakan anak sekolah di Brandan Barat.",
        "kecamatan": "babalan",
        "desa": str(Desa.objects.get(nama="Brandan Barat").pk),
        "nama_pelapor": "Siti Rahmawati",
        "email": "siti@example.com",
        "telepon": "0812-3456-7890",
        "nik": "1205015203850002",
        "setuju": "on",
    }


def test_thirty_concurrent_hits_with_a_limit_of_ten_let_exactly_ten_through():
    scope = f"test_atomic_{uuid.uuid4().hex}"
    start = threading.Barrier(30)
    results = []
    lock = threading.Lock()

    def worker():
        start.wait()
        decision = hit(scope, "2001:db8::1", "10/hour")
        with lock:
            results.append(decision.allowed)

    threads = [threading.Thread(target=worker) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == 30
    assert results.count(True) == 10


def test_a_refused_hit_says_how_long_to_wait_within_the_window():
    scope = f"test_wait_{uuid.uuid4().hex}"
    assert hit(scope, "2001:db8::2", "1/min").allowed
    refused = hit(scope, "2001:db8::2", "1/min")
    assert not refused.allowed
    assert 1 <= refused.wait <= 60
    assert hit(scope, "2001:db8::3", "1/min").allowed


def test_a_site_form_over_the_limit_answers_429_keeping_what_was_typed(
    elaga, form_data, settings
):
    settings.PENGADUAN_API_SUBMIT_RATE = "1/hour"
    client = Client(REMOTE_ADDR=client_address())
    form_url = elaga.url
    assert client.post(form_url, form_data).status_code == HTTPStatus.FOUND

    response = client.post(form_url, {**form_data, "judul": "Lampu jalan mati"})

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert 1 <= int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "Terlalu banyak permintaan dari jaringan Anda" in html
    assert "Lampu jalan mati" in html
    assert "Lubang besar membahayakan anak sekolah di Brandan Barat." in html
    assert Laporan.objects.count() == 1


def test_the_site_and_the_api_share_one_submit_counter(elaga, form_data, settings):
    settings.PENGADUAN_API_SUBMIT_RATE = "2/hour"
    client = Client(REMOTE_ADDR=client_address())

    assert client.post(elaga.url, form_data).status_code == HTTPStatus.FOUND
    assert client.post(f"{API}/laporan", form_data).status_code == HTTPStatus.CREATED
    api_refused = client.post(f"{API}/laporan", form_data)
    site_refused = client.post(elaga.url, form_data)

    assert api_refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert api_refused.json()["errors"] == []
    assert site_refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert Laporan.objects.count() == 2


def test_tracking_lookups_over_the_read_limit_get_a_short_429_page(elaga, settings):
    settings.PENGADUAN_API_READ_RATE = "2/hour"
    client = Client(REMOTE_ADDR=client_address())
    track_url = elaga.url + elaga.reverse_subpage("track")

    statuses = [
        client.get(track_url, {"kode": "LGT-2026-000000"}).status_code for _ in range(3)
    ]

    assert statuses == [HTTPStatus.OK, HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS]
    refused = client.get(track_url, {"kode": "LGT-2026-000000"})
    assert "Terlalu banyak permintaan" in refused.content.decode()
    # The empty form is not a lookup and is never refused.
    assert client.get(track_url).status_code == HTTPStatus.OK
