"""A report that got a success answer exists exactly once, also under concurrency."""

import threading
from http import HTTPStatus

import pytest
from django.db import close_old_connections, connection
from django.test import Client

from pengaduan.models import Laporan
from tests.pengaduan.factories import KategoriLaporanFactory

SUBMISSIONS = 50


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_parallel_submissions_each_exist_exactly_once(settings):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises writes)")
    settings.PENGADUAN_API_SUBMIT_RATE = f"{SUBMISSIONS * 2}/hour"
    KategoriLaporanFactory(slug="jalan-rusak")
    barrier = threading.Barrier(SUBMISSIONS)
    answers, errors = {}, []

    def submit(number):
        try:
            client = Client(REMOTE_ADDR="2001:db8::50:50")
            data = {
                "jenis": "pengaduan",
                "kategori": "jalan-rusak",
                "judul": f"Laporan paralel {number}",
                "isi": f"Isi laporan paralel nomor {number}.",
                "kecamatan": "babalan",
                "nama_pelapor": f"Pelapor {number}",
                "email": f"pelapor{number}@example.com",
                "setuju": "on",
            }
            barrier.wait()
            response = client.post("/api/portal/v1/pengaduan/laporan", data)
            answers[number] = (response.status_code, response.json())
        except Exception as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(number,)) for number in range(SUBMISSIONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert {status for status, _ in answers.values()} == {HTTPStatus.CREATED}
    codes = {number: body["kode_lacak"] for number, (_, body) in answers.items()}
    assert len(set(codes.values())) == SUBMISSIONS
    saved = dict(Laporan.objects.values_list("kode_lacak", "judul"))
    assert len(saved) == Laporan.objects.count() == SUBMISSIONS
    for number, code in codes.items():
        assert saved[code] == f"Laporan paralel {number}"
