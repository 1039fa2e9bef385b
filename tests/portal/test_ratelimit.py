"""The shared rate limiter: atomic counts, site forms, tracking pages, and the API."""

import threading
import uuid
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from layanan.choices import StatusPermohonan
from layanan.forms import field_name
from layanan.models import EKecamatanIndexPage
from pengaduan.choices import JenisCatatan
from pengaduan.models import Laporan
from portal.models import Desa
from portal.ratelimit import hit
from ppid.choices import KeputusanPermohonan
from ppid.models import Keberatan
from tests.factories import pdf_bytes
from tests.layanan.factories import PermohonanFactory, StandarLayananFactory
from tests.pengaduan.factories import (
    DispatchedLaporanFactory,
    KategoriLaporanFactory,
    create_elaga_page,
)
from tests.ppid.factories import create_kip_request, create_layanan_informasi_page

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


# ---------- Secret pages: a refused action keeps what was typed ----------

LIMITED = "Terlalu banyak permintaan dari jaringan Anda. Silakan coba lagi dalam"


def secret_url(page, submission):
    return page.url + page.reverse_subpage(
        "secret_page", args=[submission.token_rahasia]
    )


def assert_refused_keeping(response, *typed):
    """429 with Retry-After, the reason, and each typed text back in its field."""
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert LIMITED in html
    assert "isian Anda tetap tersimpan di formulir ini" in html
    for text in typed:
        assert text in html
    return html


def test_a_reporters_addition_over_the_limit_comes_back_in_its_textarea(
    elaga, settings
):
    settings.PENGADUAN_API_SUBMIT_RATE = "1/hour"
    laporan = DispatchedLaporanFactory()
    client = Client(REMOTE_ADDR=client_address())
    secret = secret_url(elaga, laporan)
    first = client.post(
        secret, {"aksi": "informasi", "informasi-pesan": "Lubangnya makin besar."}
    )
    assert first.status_code == HTTPStatus.FOUND

    response = client.post(
        secret,
        {"aksi": "informasi", "informasi-pesan": "Sudah ada pengendara jatuh."},
    )

    assert_refused_keeping(response, "Sudah ada pengendara jatuh.</textarea>")
    additions = laporan.linimasa.filter(jenis=JenisCatatan.INFO_PELAPOR)
    assert list(additions.values_list("message", flat=True)) == [
        "Lubangnya makin besar."
    ]


def test_an_objection_over_the_limit_comes_back_with_its_grounds_and_text(
    home_page, settings
):
    settings.PENGADUAN_API_SUBMIT_RATE = "1/hour"
    layanan = create_layanan_informasi_page(home_page)
    permohonan = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    client = Client(REMOTE_ADDR=client_address())
    secret = secret_url(layanan, permohonan)
    # Without grounds: refused by the form, but counted.
    assert client.post(secret, {"uraian": "Tidak adil."}).status_code == 400

    response = client.post(
        secret, {"alasan": ["a", "d"], "uraian": "Dokumen itu bukan rahasia negara."}
    )

    html = assert_refused_keeping(
        response, "Dokumen itu bukan rahasia negara.</textarea>"
    )
    assert 'value="a" id="id_alasan_0" checked' in html
    assert 'value="d" id="id_alasan_3" checked' in html
    assert not Keberatan.objects.exists()


def test_a_fix_over_the_limit_comes_back_filled_and_asks_for_the_files_again(
    home_page, settings
):
    settings.PENGADUAN_API_SUBMIT_RATE = "1/hour"
    page = EKecamatanIndexPage(title="e-kecamatan", slug="e-kecamatan")
    home_page.add_child(instance=page)
    service = StandarLayananFactory()
    permohonan = PermohonanFactory(
        layanan=service,
        status=StatusPermohonan.PERLU_PERBAIKAN,
        catatan_perbaikan="Foto KTP buram, unggah ulang.",
    )
    entries = permohonan.linimasa.count()
    keperluan = field_name(
        next(block for block in service.isian if block.value["label"] == "Keperluan")
    )
    client = Client(REMOTE_ADDR=client_address())
    secret = secret_url(page, permohonan)
    assert client.post(secret, {}).status_code == 400

    response = client.post(
        secret,
        {
            keperluan: "Melamar pekerjaan di kantor desa",
            "pesan": "KTP sudah saya foto ulang dengan terang.",
            "surat": SimpleUploadedFile(
                "surat.pdf", pdf_bytes(), content_type="application/pdf"
            ),
        },
    )

    assert_refused_keeping(
        response,
        'value="Melamar pekerjaan di kantor desa"',
        "KTP sudah saya foto ulang dengan terang.</textarea>",
        "berkas yang sudah Anda pilih tidak disimpan",
    )
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.PERLU_PERBAIKAN
    assert permohonan.jawaban == []
    assert permohonan.linimasa.count() == entries
    assert not permohonan.berkas.exists()
