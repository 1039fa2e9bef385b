"""Tracking codes are short, readable, random, and unique under concurrency."""

import re
import secrets
import threading

import pytest
from django.db import IntegrityError, close_old_connections, connection

from portal import tracking
from portal.tracking import (
    generate_tracking_code,
    normalise_tracking_code,
)
from tests.testapp.models import ContohPengajuan

CODE_PATTERN = re.compile(
    r"^LGK-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[2-9A-HJKMNP-Z]{4}$"
)


def test_codes_use_an_alphabet_without_look_alike_characters():
    codes = {generate_tracking_code() for _ in range(2000)}
    assert all(CODE_PATTERN.match(code) for code in codes)
    assert not set("01IOL") & set("".join(code[4:] for code in codes))


def test_codes_are_not_sequential():
    codes = [generate_tracking_code() for _ in range(500)]
    assert len(set(codes)) == 500
    assert codes != sorted(codes)


@pytest.mark.parametrize(
    "typed", ["lgk-7q4m-2kxp", "LGK 7Q4M 2KXP", " LGK7Q4M2KXP ", "lgk-7q4m2kxp"]
)
def test_codes_typed_by_citizens_are_normalised(typed):
    assert normalise_tracking_code(typed) == "LGK-7Q4M-2KXP"


@pytest.mark.django_db
def test_saving_a_submission_assigns_code_and_secret_token():
    item = ContohPengajuan.objects.create(judul="Jalan rusak")
    assert CODE_PATTERN.match(item.kode_lacak)
    assert len(item.token_rahasia) >= 40
    item.judul = "Jalan rusak parah"
    item.save()
    item.refresh_from_db()
    assert CODE_PATTERN.match(item.kode_lacak)


@pytest.mark.django_db
def test_a_colliding_code_is_retried_with_a_fresh_one(monkeypatch):
    existing = ContohPengajuan.objects.create(judul="Pertama")
    candidates = iter([existing.kode_lacak, existing.kode_lacak, "LGK-2345-6789"])
    monkeypatch.setattr(
        tracking, "generate_tracking_code", lambda prefix: next(candidates)
    )

    second = ContohPengajuan.objects.create(judul="Kedua")

    assert second.kode_lacak == "LGK-2345-6789"
    assert ContohPengajuan.objects.count() == 2


@pytest.mark.django_db
def test_gives_up_after_repeated_collisions(monkeypatch):
    existing = ContohPengajuan.objects.create(judul="Pertama")
    monkeypatch.setattr(
        tracking, "generate_tracking_code", lambda prefix: existing.kode_lacak
    )
    with pytest.raises(IntegrityError):
        ContohPengajuan.objects.create(judul="Kedua")
    assert ContohPengajuan.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_inserts_all_get_unique_codes(monkeypatch):
    """Threads insert at once from a tiny code space, so collisions really happen."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises writes)")
    # 512 possible codes for 120 rows: later inserts collide often and must retry.
    small_space = [
        f"LGK-2222-2{a}{b}{c}"
        for a in "23456789"
        for b in "23456789"
        for c in "23456789"
    ]
    drawn = []

    def draw_from_small_space(prefix):
        code = secrets.choice(small_space)
        drawn.append(code)
        return code

    monkeypatch.setattr(tracking, "generate_tracking_code", draw_from_small_space)
    threads_count, per_thread = 8, 15
    errors = []
    barrier = threading.Barrier(threads_count)

    def insert_many():
        try:
            barrier.wait()
            for number in range(per_thread):
                ContohPengajuan.objects.create(judul=f"Laporan {number}")
        except Exception as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=insert_many) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    codes = list(ContohPengajuan.objects.values_list("kode_lacak", flat=True))
    assert len(codes) == threads_count * per_thread
    assert len(set(codes)) == len(codes)
    assert len(drawn) > len(codes), "no collision happened, so no retry was tested"
