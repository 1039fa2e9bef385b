"""A backup taken while citizens submit loses no submission that got a success answer.

The README's procedure ("Cadangan dan pemulihan") dumps PostgreSQL with
``pg_dump --format=custom`` while the portal runs and restores with ``pg_restore``
into a new database. Here submitters keep posting reports through the service API
while the dump runs; every report whose success answer came before the dump began
must be in the restored database exactly once, and the restored database must need
no migration and pass Django's checks.
"""

import os
import shutil
import subprocess
import sys
import threading
import time
from http import HTTPStatus

import psycopg
import pytest
from django.conf import settings
from django.db import close_old_connections, connection
from django.test import Client

from tests.pengaduan.factories import KategoriLaporanFactory

pytestmark = pytest.mark.skipif(
    not settings.DATABASE_IS_POSTGRESQL,
    reason="pg_dump and pg_restore need PostgreSQL: set DATABASE_URL to a "
    "PostgreSQL database (CI runs the suite there too)",
)

SUBMITTERS = 4
ANSWERED_BEFORE_DUMP = 12


def connection_url(name):
    """A libpq URL of the test server's database ``name``."""
    params = connection.settings_dict
    user = params["USER"] or "postgres"
    password = f":{params['PASSWORD']}" if params["PASSWORD"] else ""
    host = params["HOST"] or "localhost"
    port = params["PORT"] or 5432
    return f"postgresql://{user}{password}@{host}:{port}/{name}"


@pytest.fixture
def restored_database():
    """The name of a new, empty database, dropped after the test."""
    name = f"{connection.settings_dict['NAME']}_restored"
    admin_url = connection_url("postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Submitters:
    """Threads posting reports through the service API until stopped; each
    success answer is recorded with the moment it arrived."""

    def __init__(self):
        self.answered = []  # (time the answer arrived, tracking code)
        self.errors = []
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self.submit, args=(number,))
            for number in range(SUBMITTERS)
        ]

    def submit(self, number):
        client = Client(REMOTE_ADDR=f"2001:db8::{number + 1}")
        sent = 0
        try:
            while not self.stopping.is_set():
                sent += 1
                response = client.post(
                    "/api/portal/v1/pengaduan/laporan",
                    {
                        "jenis": "pengaduan",
                        "kategori": "jalan-rusak",
                        "judul": f"Laporan {number}-{sent}",
                        "isi": "Jalan berlubang di depan sekolah.",
                        "kecamatan": "babalan",
                        "nama_pelapor": "Pelapor Uji",
                        "email": "pelapor@example.com",
                        "setuju": "on",
                    },
                )
                if response.status_code == HTTPStatus.CREATED:
                    self.answered.append(
                        (time.monotonic(), response.json()["kode_lacak"])
                    )
                else:
                    self.errors.append(response.content)
        except Exception as error:  # noqa: BLE001 - reported to the main thread
            self.errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def answered_before(self, moment):
        return {
            code for answered_at, code in list(self.answered) if answered_at < moment
        }


def run_manage(*args, database_url):
    """``manage.py`` in a new process against ``database_url``."""
    environment = {**os.environ, "DATABASE_URL": database_url}
    environment.pop("PYTEST_XDIST_WORKER", None)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_dump_taken_mid_run_restores_every_answered_submission(
    settings, restored_database, tmp_path
):
    settings.PENGADUAN_API_SUBMIT_RATE = "100000/hour"
    KategoriLaporanFactory(slug="jalan-rusak")
    dump = tmp_path / "portal.dump"
    source_url = connection_url(connection.settings_dict["NAME"])

    with Submitters() as submitters:
        while len(submitters.answered) < ANSWERED_BEFORE_DUMP:
            assert not submitters.errors, submitters.errors[:1]
            time.sleep(0.05)
        dump_started = time.monotonic()
        subprocess.run(  # noqa: S603
            [
                shutil.which("pg_dump"),
                "--format=custom",
                "--no-owner",
                f"--file={dump}",
                f"--dbname={source_url}",
            ],
            check=True,
        )
        answered_during_dump = len(submitters.answered)
        time.sleep(0.2)
    must_be_kept = submitters.answered_before(dump_started)

    assert not submitters.errors, submitters.errors[:1]
    assert len(must_be_kept) >= ANSWERED_BEFORE_DUMP
    assert len(submitters.answered) > len(must_be_kept), "submitters ran on"
    assert answered_during_dump >= len(must_be_kept)

    restored_url = connection_url(restored_database)
    subprocess.run(  # noqa: S603
        [
            shutil.which("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            f"--dbname={restored_url}",
            str(dump),
        ],
        check=True,
    )
    with psycopg.connect(restored_url) as restored:
        rows = restored.execute(
            "SELECT kode_lacak, count(*) FROM pengaduan_laporan "
            "WHERE kode_lacak = ANY(%s) GROUP BY kode_lacak",
            [sorted(must_be_kept)],
        ).fetchall()
    assert dict(rows) == dict.fromkeys(must_be_kept, 1)

    migrations = run_manage("migrate", "--check", "--plan", database_url=restored_url)
    assert migrations.returncode == 0, migrations.stdout + migrations.stderr
    checks = run_manage("check", "--database", "default", database_url=restored_url)
    assert checks.returncode == 0, checks.stdout + checks.stderr
