"""Submissions under load over HTTP: gunicorn (4 sync workers), production settings,
PostgreSQL, Redis and the task worker, as deployed.

For each tree given (a checkout of the portal; ``--tree before=/tmp/before-submit
--tree after=.``), alternating for ``--rounds`` rounds: database
``portal_bench_submit`` is dropped, created, migrated and filled with the demo
(``load_demo_data``); gunicorn and ``manage.py db_worker`` start from the tree; then

1. a burst of simultaneous submissions, one thread each (default 50 e-laga complaints
   with a 12-megapixel JPEG photo of about 3.5 MB carrying GPS EXIF, 50 KIP information
   requests, 50 kecamatan applications with a PDF file), each like a browser: GET the
   form (CSRF cookie and token), POST, follow the redirect to the confirmation page;
2. text-only complaints (default 300, 50 at a time);
3. text-only complaints through the service API (default 600, 50 at a time): one
   multipart POST each, answered 201 with the tracking code;

and prints submissions per second, p50/p95 latency of a whole submission (the three
requests), errors, and the CPU ms per submission of the gunicorn workers, the
task worker, the PostgreSQL backends, Redis and this client itself (process time
from /proc, stable on a shared machine; on one machine their sum is what limits
submissions per second: 2 cores give about 2000 / sum). Afterwards it
checks that nothing was lost: every submission answered with a confirmation page is
in the database exactly once (a unique marker in its text), with its tracking code
and, for a complaint with a photo, one attachment; once the task worker has drained
the queue, no task failed.

    .venv/bin/python bench/submissions.py --tree before=/tmp/before-submit --tree after=.

Not a test and not part of ``make bench`` (it needs PostgreSQL and Redis on
127.0.0.1, drops a database and takes minutes): ``make bench-submissions``.
"""

import argparse
import json
import os
import re
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import psycopg
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "smoke"))

from drive import (
    ELAGA_PATH,
    KECAMATAN_PATH,
    KIP_PATH,
    Browser,
    fill,
    minimal_pdf,
    parse,
    the_form,
)

DATABASE = "portal_bench_submit"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/6"
PORTS = range(8201, 8211)
WORKERS = 4
CLIENT_TIMEOUT_SECONDS = 300
VENV_BIN = Path(sys.executable).parent
NIK = "1205015203850002"
API_COMPLAINT_PATH = "/api/portal/v1/pengaduan/laporan"
CODE = re.compile(r"\b(LGK|KIP|KCM)-[A-Z0-9]{4}-[A-Z0-9]{4}\b")
#: (table, text column holding the marker) of each kind of submission.
TABLES = {
    "complaint": ("pengaduan_laporan", "isi"),
    "api": ("pengaduan_laporan", "isi"),
    "kip": ("ppid_permohonaninformasi", "informasi_diminta"),
    "application": ("layanan_permohonan", "alamat"),
}


def say(message):
    print(message, flush=True)


def photo_jpeg():
    """A 4000x3000 camera-like JPEG of about 3.5 MB with GPS EXIF."""
    width, height = 4000, 3000
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    gradient = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    image = Image.blend(gradient, noise, 0.35)
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (3.0, 45.0, 12.0), 3: "E", 4: (98.0, 27.0, 8.0)})
    output = BytesIO()
    image.save(output, "JPEG", quality=80, exif=exif)
    return output.getvalue()


class Server:
    """Database, gunicorn and the task worker of one tree, with production settings."""

    def __init__(self, name, tree, port, work):
        self.name, self.tree, self.port = name, Path(tree).resolve(), port
        self.work = Path(work) / name
        self.base_url = f"http://127.0.0.1:{port}"
        self.processes = {}
        self.logs = []
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "PORTAL_BASE_URL": self.base_url,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
            "REDIS_URL": REDIS_URL,
            "SECURE_SSL_REDIRECT": "false",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.work / "mail"),
            "MEDIA_ROOT": str(self.work / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.work / "private"),
            "STATIC_ROOT": str(self.work / "static"),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(WORKERS),
            "LOG_LEVEL": "WARNING",
            # One client address sends everything: the bench lifts the per-address
            # limits through their documented settings (config/settings/base.py).
            "PENGADUAN_API_SUBMIT_RATE": "1000000/hour",
            "PENGADUAN_API_READ_RATE": "1000000/hour",
        }
        for name in ("S3_MEDIA_BUCKET", "S3_PRIVATE_BUCKET", "PORTAL_ENV_FILE"):
            self.env.pop(name, None)

    def manage(self, *args):
        subprocess.run(
            [VENV_BIN / "python", "manage.py", *args],
            cwd=self.tree,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def prepare(self):
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {DATABASE}")
        subprocess.run(
            ["redis-cli", "-n", "6", "flushdb"], check=True, stdout=subprocess.DEVNULL
        )
        self.manage("migrate", "--noinput", "-v0")
        self.manage("configure_site")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("load_demo_data")

    def start(self):
        for name, command in (
            ("web", [VENV_BIN / "gunicorn", "-c", "gunicorn.conf.py"]),
            ("worker", [VENV_BIN / "python", "manage.py", "db_worker", "--no-reload"]),
        ):
            log = open(self.work / f"{name}.log", "w")
            self.logs.append(log)
            self.processes[name] = subprocess.Popen(
                command, cwd=self.tree, env=self.env, stdout=log, stderr=log
            )
        browser = Browser(self.base_url)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if browser.get("/healthz").status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise SystemExit(f"{self.name}: gunicorn did not answer on {self.port}")
        # Every worker answers once before the clock runs (imports, first queries).
        with ThreadPoolExecutor(WORKERS * 2) as pool:
            list(pool.map(lambda _: Browser(self.base_url).get(ELAGA_PATH), range(16)))

    def stop(self):
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            process.wait(timeout=60)
        for log in self.logs:
            log.close()
        self.processes, self.logs = {}, []

    def cpu_seconds(self, name):
        """Process time of the named process and of its children, living or reaped."""
        pid = self.processes[name].pid
        return _cpu(pid, reaped=True) + sum(_cpu(child) for child in _children(pid))


def _cpu(pid, reaped=False):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if reaped:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


class _PatientOpener:
    """``drive.Browser``'s opener with a longer timeout: a burst on a busy machine
    queues longer than the smoke test's 30 s, and a timeout must not end a
    submission the server is still working on."""

    def __init__(self, opener):
        self.opener = opener

    def open(self, request, timeout=None):
        return self.opener.open(request, timeout=CLIENT_TIMEOUT_SECONDS)


class PatientBrowser(Browser):
    def __init__(self, base_url):
        super().__init__(base_url)
        self.opener = _PatientOpener(self.opener)


def _cpu_of_programs(*names):
    """Process time of every running process of these programs (e.g. the
    PostgreSQL backends serving the workers), by /proc."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            name = (entry / "comm").read_text().strip()
        except OSError:
            continue
        if name in names:
            # Reaped children too: a backend that served one connection and exited.
            total += _cpu(int(entry.name), reaped=True)
    return total


def _around(server):
    """The process time so far of each part of the machine a submission uses."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "web": server.cpu_seconds("web"),
        "worker": server.cpu_seconds("worker"),
        "postgres": _cpu_of_programs("postgres"),
        "redis": _cpu_of_programs("redis-server"),
        "client": own.ru_utime + own.ru_stime,
    }


def _children(pid):
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(c) for c in (task / "children").read_text().split()]
    return children


def _kecamatan_form_url(base_url):
    """The first kecamatan service whose application form takes a file."""
    browser = Browser(base_url)
    listing = browser.get(KECAMATAN_PATH)
    for link in sorted(set(parse(listing).links)):
        if not re.search(r"/layanan/[\w-]+/$", urlsplit(link).path):
            continue
        url = urljoin(listing.url, link) + "ajukan/"
        page = browser.get(url)
        if page.status == 200 and any(
            field.get("type") == "file" for field in the_form(page, "nik")["fields"]
        ):
            return url
    raise SystemExit("no kecamatan service form takes a file")


class Submitter:
    """One browser-like submission of each kind, timed."""

    def __init__(self, base_url, run):
        self.base_url, self.run = base_url, run
        self.photo = ("foto-jalan.jpg", "image/jpeg", photo_jpeg())
        self.pdf = ("surat-pengantar.pdf", "application/pdf", minimal_pdf(run))
        self.application_url = _kecamatan_form_url(base_url)
        self.api_fields = _api_complaint_fields(base_url)

    def submit(self, kind, number, upload):
        """``(marker, seconds, tracking code or None, error or None)``."""
        marker = f"bench{self.run}{kind[:3]}{number:05d}"
        if kind == "api":
            return self._submit_to_api(marker)
        url, field, values, route = {
            "complaint": (
                ELAGA_PATH,
                "judul",
                {
                    "judul": "Jalan berlubang di depan sekolah",
                    "isi": f"Lubang besar membahayakan pengendara. {marker}",
                    "nama_pelapor": "Warga Uji",
                    "email": "warga.uji@example.com",
                },
                "/terkirim/",
            ),
            "kip": (
                KIP_PATH,
                "informasi_diminta",
                {
                    "nama": "Warga Uji",
                    "alamat": "Jalan Proklamasi 1, Stabat",
                    "nomor_identitas": NIK,
                    "pekerjaan": "Wiraswasta",
                    "email": "warga.uji@example.com",
                    "informasi_diminta": f"Daftar proyek jalan 2026. {marker}",
                    "tujuan": "Pemantauan warga.",
                },
                "/terdaftar/",
            ),
            "application": (
                self.application_url,
                "nik",
                {
                    "nik": NIK,
                    "nama": "Warga Uji",
                    "email": "warga.uji@example.com",
                    "alamat": f"Jalan Proklamasi 1, Stabat {marker}",
                },
                "/terkirim/",
            ),
        }[kind]
        browser = PatientBrowser(self.base_url)
        started = time.perf_counter()
        try:
            page = browser.get(url)
            if page.status != 200:
                return marker, time.perf_counter() - started, None, f"GET {page.status}"
            form = the_form(page, field)
            fields, files = fill(form, values, ("", b""))
            if upload:
                filename, content_type, content = upload
                files = [(name, filename, content_type, content) for name, *_ in files]
            else:
                files = []
            action = urljoin(page.url, form["action"] or page.url)
            answer = browser.request("POST", action, fields=fields, files=files)
        except Exception as error:  # noqa: BLE001 - any failure is counted as one
            return marker, time.perf_counter() - started, None, type(error).__name__
        elapsed = time.perf_counter() - started
        code = CODE.search(answer.text)
        if answer.status != 200 or route not in answer.url or not code:
            return marker, elapsed, None, f"POST answered {answer.status}"
        return marker, elapsed, code.group(0), None

    def _submit_to_api(self, marker):
        """A text-only complaint through the service API, as an app sends it: one
        multipart POST, answered 201 with the tracking code."""
        fields = [*self.api_fields, ("isi", f"Lubang besar di jalan desa. {marker}")]
        started = time.perf_counter()
        try:
            answer = PatientBrowser(self.base_url).request(
                "POST", API_COMPLAINT_PATH, fields=fields, files=[], follow=False
            )
        except Exception as error:  # noqa: BLE001 - any failure is counted as one
            return marker, time.perf_counter() - started, None, type(error).__name__
        elapsed = time.perf_counter() - started
        if answer.status != 201:
            return marker, elapsed, None, f"POST answered {answer.status}"
        return marker, elapsed, json.loads(answer.text)["kode_lacak"], None


def _api_complaint_fields(base_url):
    """The fields of a text-only API complaint but its text, with the first active
    category and kecamatan the reference API lists."""
    browser = PatientBrowser(base_url)
    kategori = json.loads(
        browser.get(API_COMPLAINT_PATH.replace("laporan", "kategori")).text
    )
    kecamatan = json.loads(browser.get("/api/portal/v1/wilayah/kecamatan").text)
    return [
        ("jenis", "pengaduan"),
        ("kategori", kategori[0]["slug"]),
        ("judul", "Jalan berlubang di depan sekolah"),
        ("kecamatan", kecamatan[0]["slug"]),
        ("nama_pelapor", "Warga Uji"),
        ("email", "warga.uji@example.com"),
        ("setuju", "true"),
    ]


def fire(server, submitter, jobs, concurrency):
    """Run ``jobs`` (kind, upload) at ``concurrency``; print and return the results."""
    cpu_before = _around(server)
    barrier = threading.Barrier(min(concurrency, len(jobs)))

    def one(numbered):
        number, (kind, upload) = numbered
        if number < concurrency:
            barrier.wait()
        return kind, *submitter.submit(kind, number, upload)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, enumerate(jobs)))
    wall = time.perf_counter() - started
    cpu = {part: used - cpu_before[part] for part, used in _around(server).items()}
    return results, wall, cpu


def report(label, results, wall, cpu):
    ok = [r for r in results if r[3]]
    errors = sorted({r[4] for r in results if not r[3]})
    line = f"  {label:<34} {len(ok):>4}/{len(results):<4} {len(ok) / wall:6.1f} /s"
    for kind in sorted({r[0] for r in results}):
        times = sorted(r[2] for r in results if r[0] == kind)
        p50 = statistics.median(times)
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        line += f"  {kind} p50 {p50:5.2f} s p95 {p95:5.2f} s"
    per_submission = {
        part: seconds * 1000 / len(results) for part, seconds in cpu.items()
    }
    line += (
        "  | CPU ms/submission: web {web:5.0f}, task worker {worker:4.0f},"
        " PostgreSQL {postgres:4.0f}, Redis {redis:3.0f}, this client {client:4.0f}"
    ).format(**per_submission)
    say(line + (f"  errors: {errors}" if errors else ""))


def check_nothing_lost(server, results):
    """Every confirmed submission is stored once, with its code; photos attached."""
    problems, unanswered = [], []
    with psycopg.connect(f"{POSTGRES}/{DATABASE}") as connection:
        for kind, (table, column) in TABLES.items():
            rows = connection.execute(
                f"SELECT {column}, kode_lacak FROM {table} WHERE {column} LIKE %s",  # noqa: S608
                (f"%bench{server.run}%",),
            ).fetchall()
            stored = {}
            for text, code in rows:
                marker = re.search(r"bench\w+", text).group(0)
                stored.setdefault(marker, []).append(code)
            for result in (r for r in results if r[0] == kind):
                _, marker, _, code, _ = result
                if code and stored.get(marker) != [code]:
                    problems.append(
                        f"{marker}: confirmed {code}, stored {stored.get(marker)}"
                    )
                if not code and marker in stored:
                    unanswered.append(marker)
        photos = connection.execute(
            "SELECT count(*) FROM pengaduan_laporan l WHERE l.isi LIKE %s AND "
            "(SELECT count(*) FROM pengaduan_lampiranlaporan a WHERE a.laporan_id = l.id)"
            " <> 1",
            (f"%bench{server.run}com1%",),
        ).fetchone()[0]
        if photos:
            problems.append(
                f"{photos} complaints with a photo lack their one attachment"
            )
        deadline = time.monotonic() + 600
        while (
            connection.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                "WHERE status IN ('READY', 'RUNNING')"
            ).fetchone()[0]
            and time.monotonic() < deadline
        ):
            time.sleep(1)
        failed = connection.execute(
            "SELECT status, count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE status <> 'SUCCESSFUL' GROUP BY status"
        ).fetchall()
        if failed:
            problems.append(f"tasks not done: {failed}")
    confirmed = sum(1 for r in results if r[3])
    if problems:
        say(f"  NOTHING LOST: FAILED ({len(problems)} problems)")
        for problem in problems[:20]:
            say(f"    {problem}")
    else:
        say(f"  nothing lost: {confirmed} confirmed submissions stored once each")
    if unanswered:
        say(f"  {len(unanswered)} submissions stored but not confirmed (client error)")
    return not problems


def run_tree(server, args):
    server.prepare()
    server.start()
    try:
        server.run = uuid.uuid4().hex[:6]
        submitter = Submitter(server.base_url, server.run)
        say(f"{server.name} ({server.tree}), gunicorn {WORKERS} sync workers:")
        burst = (
            [("complaint", submitter.photo)] * args.per_kind
            + [("kip", None)] * args.per_kind
            + [("application", submitter.pdf)] * args.per_kind
        )
        # Kinds interleaved, so each thread's neighbours send other kinds; the photo
        # complaints are numbered from 10000 (marker "com1…") for the attachment check.
        burst = [
            burst[i + k * args.per_kind] for i in range(args.per_kind) for k in range(3)
        ]
        results = []
        outcome = fire(server, _Numbered(submitter, 10000), burst, len(burst))
        report(f"burst of {len(burst)} (photo/KIP/file)", *outcome)
        results += outcome[0]
        text = [("complaint", None)] * args.text
        outcome = fire(server, submitter, text, args.text_concurrency)
        report(f"{args.text} text-only complaints", *outcome)
        results += outcome[0]
        api = [("api", None)] * args.api
        outcome = fire(server, submitter, api, args.text_concurrency)
        report(f"{args.api} text-only complaints, API", *outcome)
        results += outcome[0]
        return check_nothing_lost(server, results)
    finally:
        server.stop()


class _Numbered:
    """A submitter whose markers start at ``offset``."""

    def __init__(self, submitter, offset):
        self.submitter, self.offset = submitter, offset

    def submit(self, kind, number, upload):
        return self.submitter.submit(kind, number + self.offset, upload)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--tree",
        action="append",
        metavar="NAME=PATH",
        help="a checkout to measure (repeatable); default: this one",
    )
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--per-kind", type=int, default=50)
    parser.add_argument("--text", type=int, default=300)
    parser.add_argument("--api", type=int, default=600)
    parser.add_argument("--text-concurrency", type=int, default=50)
    args = parser.parse_args()
    trees = [tree.split("=", 1) for tree in args.tree or [f"this={Path.cwd()}"]]
    if len(trees) > len(PORTS):
        parser.error(f"at most {len(PORTS)} trees")
    work = tempfile.mkdtemp(prefix="bench-submissions-")
    servers = [
        Server(name, tree, port, work)
        for (name, tree), port in zip(trees, PORTS, strict=False)
    ]
    passed = True
    try:
        for round_number in range(1, args.rounds + 1):
            say(f"round {round_number}")
            for server in servers:
                passed = run_tree(server, args) and passed
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        shutil.rmtree(work, ignore_errors=True)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
