"""Requests per second, latency and server CPU ms per request of the public pages
over HTTP: gunicorn (2 sync workers, production settings), PostgreSQL, Redis and
``wrk -t2 -c8``.

    .venv/bin/python bench/http_load.py --before /tmp/before [--duration 3] \\
        [--rounds 3] [--scale="--laporan 100000 --produk 10000 --dip 5000"]

It builds its own database (``portal_bench_http``: migrate, ``load_demo_data``, then
``generate_scale_data`` with the ``--scale`` flags), collects each tree's static files
into a temporary STATIC_ROOT and serves them with the env of a production server
(deploy/portal.env.example, local folders for files, Redis db 5 for the cache). Per URL
it measures, warmed, in rounds of one wrk run per mode, in an order rotated from round
to round so that drift on the shared machine hits every column alike: the site's
stylesheet from WhiteNoise (static), the page from the page cache (cached: the
X-Cache header read before and after the rounds), the page from a second server
with ``PAGE_CACHE_ENABLED=false`` (uncached), and, given
``--before``, the page from another checkout (e.g. a ``git worktree`` of an older
commit) served with this virtualenv on the same database.

CPU ms per request is the utime+stime of the gunicorn master and its workers (reaped
workers through the master's cutime/cstime) over the run, divided by wrk's request
count: the figure that stays stable on a shared machine (throughput is about cores x
1000 / CPU ms). Workers are not recycled during the runs (``--max-requests 0``): a
recycled worker's start-up would land on whichever URL was running. Prints figures,
asserts nothing; stops every process it started and drops its database.
"""

import argparse
import json
import os
import re
import resource
import secrets
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

DATABASE = "portal_bench_http"
REDIS_DB = 5
ADDRESS = "127.0.0.1"
PORTS = {"cached": 8101, "uncached": 8102, "before": 8103}
MODES = ["static", "cached", "uncached", "before"]
BIN = Path(sys.executable).parent
API_URLS = ["/api/v2/pages/", "/api/portal/v1/pasar/produk"]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
WARM_SECONDS = 1


def _psql(sql):
    subprocess.run(
        ["psql", "-h", ADDRESS, "-U", "postgres", "-q", "-c", sql],
        check=True,
        env={**os.environ, "PGOPTIONS": "-c client_min_messages=warning"},
    )


def _flush_redis():
    subprocess.run(
        ["redis-cli", "-h", ADDRESS, "-n", str(REDIS_DB), "flushdb"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _environment(work, tree_name, page_cache, port):
    """A production server's settings (deploy/portal.env.example) for this run."""
    return {
        **{name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ},
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": work.secret_key,
        "PORTAL_BASE_URL": f"http://{ADDRESS}:{PORTS['cached']}",
        "ALLOWED_HOSTS": ADDRESS,
        "DATABASE_URL": f"postgres://postgres@{ADDRESS}:5432/{DATABASE}",
        "REDIS_URL": f"redis://{ADDRESS}:6379/{REDIS_DB}",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MEDIA_ROOT": str(work.path / "media"),
        "PRIVATE_MEDIA_ROOT": str(work.path / "private_media"),
        "STATIC_ROOT": str(work.path / f"static-{tree_name}"),
        "PAGE_CACHE_ENABLED": "true" if page_cache else "false",
        "GUNICORN_BIND": f"{ADDRESS}:{port}",
        "WEB_CONCURRENCY": "2",
    }


class Work:
    """The temporary folder, the secret key and every process started."""

    def __init__(self):
        self.directory = tempfile.TemporaryDirectory(prefix="portal-http-load-")
        self.path = Path(self.directory.name)
        self.secret_key = secrets.token_urlsafe(50)
        self.servers = []

    def manage(self, tree, *arguments, env):
        result = subprocess.run(
            [BIN / "python", "manage.py", *arguments],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            sys.exit(f"manage.py {' '.join(arguments)} failed:\n{result.stderr}")
        return result.stdout

    def close(self):
        for server in self.servers:
            server.stop()
        _flush_redis()
        _psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        self.directory.cleanup()


class Server:
    """gunicorn from one tree with ``gunicorn.conf.py``, stopped by its PID."""

    def __init__(self, work, name, tree, env):
        self.name = name
        self.port = int(env["GUNICORN_BIND"].rsplit(":", 1)[1])
        log = open(work.path / f"{name}.log", "wb")
        self.process = subprocess.Popen(
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "--max-requests", "0"],
            cwd=tree,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        work.servers.append(self)

    def url(self, path):
        return f"http://{ADDRESS}:{self.port}{path}"

    def wait(self):
        for _ in range(300):
            if self.process.poll() is not None:
                sys.exit(f"gunicorn {self.name} stopped ({self.process.returncode})")
            try:
                # The first request loads the application into the worker.
                urllib.request.urlopen(self.url("/healthz"), timeout=60).close()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        sys.exit(f"gunicorn {self.name} does not answer on port {self.port}")

    def cpu_ticks(self):
        """utime+stime of the master, its reaped workers and its live workers."""
        master = self.process.pid
        total = sum(_stat(master)[11:15])
        for pid in _children(master):
            total += sum(_stat(pid)[11:13])
        return total

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _stat(pid):
    """The fields of /proc/<pid>/stat after the command (state first), as ints
    where numeric; zeros when the process has gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return [0] * 20
    return [
        int(field) if field.lstrip("-").isdigit() else 0
        for field in text[text.rindex(")") + 2 :].split()
    ]


def _children(parent):
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and _stat(entry)[1] == parent:
            children.append(int(entry))
    return children


def _get(url):
    """Status and X-Cache of one GET (no cookie, like a first-time reader)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.status, response.headers.get("X-Cache", "-")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache", "-")


_DURATION = re.compile(r"([\d.]+)(us|ms|s|m)$")
_SCALE = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_BYTES = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


def _ms(text):
    value, unit = _DURATION.match(text).groups()
    return float(value) * _SCALE[unit]


def _children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wrk(url, seconds):
    """wrk's figures for ``url``: requests, seconds, bytes read, p50 and p99 ms,
    errors, and the CPU seconds wrk itself used."""
    started = _children_cpu_seconds()
    output = subprocess.run(
        # A longer timeout than wrk's 2 s: slow pages are measured, not dropped.
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "30s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    errors = sum(
        int(count)
        for count in re.findall(
            r"(?:Non-2xx or 3xx responses:|connect|read|write|timeout) (\d+)", output
        )
    )
    done = re.search(r"(\d+) requests in (\S+), ([\d.]+)([KMG]?B) read", output)
    return {
        "requests": int(done.group(1)),
        "seconds": _ms(done.group(2)) / 1000,
        "bytes": float(done.group(3)) * _BYTES[done.group(4)],
        "wrk_seconds": _children_cpu_seconds() - started,
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "errors": errors,
    }


def measure(server, path, seconds):
    """One wrk run with the server CPU ticks it cost."""
    ticks = server.cpu_ticks()
    figures = wrk(server.url(path), seconds)
    figures["ticks"] = server.cpu_ticks() - ticks
    return figures


def combine(runs, status, x_cache):
    """The rounds of one mode: req/s and CPU ms over all of them, the median p50
    and the highest p99 of the rounds."""
    requests = sum(run["requests"] for run in runs)
    p50s = sorted(run["p50"] for run in runs)
    return {
        "status": status,
        "x_cache": x_cache,
        "requests": requests,
        "errors": sum(run["errors"] for run in runs),
        "rps": requests / sum(run["seconds"] for run in runs),
        "p50": p50s[len(p50s) // 2],
        "p99": max(run["p99"] for run in runs),
        "cpu_ms": sum(run["ticks"] for run in runs)
        * 1000
        / CLOCK_TICKS
        / max(requests, 1),
        "wrk_ms": sum(run["wrk_seconds"] for run in runs) * 1000 / max(requests, 1),
        "kb": sum(run["bytes"] for run in runs) / 1024 / max(requests, 1),
    }


def describe():
    """In a tree's settings: each public URL with its SQL queries (JSON on stdout)."""
    from django.db import connection
    from django.test import Client, override_settings
    from public_pages import HOST, _public_urls

    client = Client()
    described = []
    with override_settings(PAGE_CACHE_ENABLED=False):
        for url in [*_public_urls(), *API_URLS]:
            client.get(url, **HOST)  # renditions are made on the first visit
            queries = []
            with connection.execute_wrapper(
                lambda execute, sql, *args, seen=queries: (
                    seen.append(sql) or execute(sql, *args)
                )
            ):
                status = client.get(url, **HOST).status_code
            described.append({"url": url, "status": status, "queries": len(queries)})
    print(json.dumps(described))


def prepare(work, tree, before, scale):
    print(f"Database {DATABASE}, Redis db {REDIS_DB}, files in {work.path}", flush=True)
    _psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    _psql(f"CREATE DATABASE {DATABASE}")
    _flush_redis()
    env = _environment(work, "after", True, PORTS["cached"])
    work.manage(tree, "migrate", "--noinput", env=env)
    work.manage(tree, "load_demo_data", env=env)
    if scale:
        print(f"generate_scale_data {' '.join(scale)}", flush=True)
        work.manage(tree, "generate_scale_data", *scale, env=env)
    work.manage(tree, "collectstatic", "--noinput", env=env)
    if before:
        work.manage(
            before,
            "collectstatic",
            "--noinput",
            env=_environment(work, "before", False, PORTS["before"]),
        )
    described = subprocess.run(
        [BIN / "python", Path(tree) / "bench" / "http_load.py", "--describe"],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(described.splitlines()[-1])


def start_servers(work, tree, before):
    servers = {
        "cached": Server(
            work, "cached", tree, _environment(work, "after", True, PORTS["cached"])
        ),
        "uncached": Server(
            work,
            "uncached",
            tree,
            _environment(work, "after", False, PORTS["uncached"]),
        ),
    }
    if before:
        servers["before"] = Server(
            work,
            "before",
            before,
            _environment(work, "before", False, PORTS["before"]),
        )
    for server in servers.values():
        server.wait()
    return servers


def stylesheet(server):
    """The site's stylesheet (hashed name), from the home page."""
    with urllib.request.urlopen(server.url("/"), timeout=60) as response:
        html = response.read().decode()
    return re.search(r'href="(/static/[^"]+\.css)"', html).group(1)


def run(pages, servers, seconds, rounds):
    """Per page, every mode warmed, then ``rounds`` rounds of one wrk run per mode
    in an order rotated from round to round and page to page."""
    css = stylesheet(servers["cached"])
    modes = [mode for mode in MODES if mode in servers or mode == "static"]
    results = []
    for index, page in enumerate(pages):
        targets = {
            mode: (
                servers["cached" if mode == "static" else mode],
                css if mode == "static" else page["url"],
            )
            for mode in modes
        }
        first = {}
        for mode, (server, path) in targets.items():
            wrk(server.url(path), WARM_SECONDS)
            first[mode] = _get(server.url(path))
        runs = {mode: [] for mode in modes}
        for number in range(rounds):
            shift = (index + number) % len(modes)
            for mode in modes[shift:] + modes[:shift]:
                runs[mode].append(measure(*targets[mode], seconds))
        row = {"page": page}
        for mode, (server, path) in targets.items():
            status, x_cache = first[mode]
            if _get(server.url(path))[1] != x_cache:
                x_cache = "changed"
            row[mode] = combine(runs[mode], status, x_cache)
        print(_progress(row), flush=True)
        results.append(row)
    return css, results


def _progress(row):
    parts = [
        f"{mode} {figures['cpu_ms']:.2f} ms {figures['rps']:.0f}/s"
        for mode, figures in row.items()
        if mode != "page"
    ]
    return f"  {row['page']['url']}: " + ", ".join(parts)


def _cell(row, mode, key, pattern):
    return pattern.format(row[mode][key]) if mode in row else "-"


def report(css, results, seconds, rounds):
    print(
        f"\n{rounds} rounds of wrk -t2 -c8 -d{seconds}s per page and mode; CPU ms = "
        f"gunicorn master + 2 workers per request; static = {css}\n"
    )
    print(
        "| page | before uncached CPU ms | after uncached CPU ms | after cached CPU ms "
        "| cached req/s | static req/s | cached/static % | by CPU % | queries "
        "| X-Cache |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for row in results:
        cached, static = row["cached"], row["static"]
        print(
            f"| `{row['page']['url']}` | {_cell(row, 'before', 'cpu_ms', '{:.1f}')} "
            f"| {row['uncached']['cpu_ms']:.1f} | {cached['cpu_ms']:.2f} "
            f"| {cached['rps']:.0f} | {static['rps']:.0f} "
            f"| {100 * cached['rps'] / static['rps']:.0f} "
            f"| {100 * static['cpu_ms'] / cached['cpu_ms']:.0f} "
            f"| {row['page']['queries']} | {cached['x_cache']} |"
        )
    print(
        "\nby CPU % = static CPU ms / cached CPU ms. Every mode (static is the "
        "stylesheet, measured beside each page; p50 the rounds' median, p99 their "
        "highest; wrk CPU ms and KB per response):\n"
    )
    print(
        "| page | mode | status | requests | errors | req/s | p50 ms | p99 ms "
        "| CPU ms | wrk CPU ms | KB | X-Cache |"
    )
    print(
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| --- |"
    )
    for row in results:
        for mode in MODES:
            if mode in row:
                figures = row[mode]
                print(
                    f"| `{row['page']['url']}` | {mode} | {figures['status']} "
                    f"| {figures['requests']} | {figures['errors']} "
                    f"| {figures['rps']:.0f} | {figures['p50']:.2f} "
                    f"| {figures['p99']:.2f} | {figures['cpu_ms']:.2f} "
                    f"| {figures['wrk_ms']:.2f} | {figures['kb']:.1f} "
                    f"| {figures['x_cache']} |"
                )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--tree",
        default=str(Path(__file__).resolve().parent.parent),
        help="The checkout measured as 'after' (default: this one).",
    )
    parser.add_argument(
        "--before", help="A checkout measured as 'before', uncached (same database)."
    )
    parser.add_argument(
        "--duration", type=int, default=3, help="Seconds per wrk run (default 3)."
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="wrk runs per page and mode (default 3)."
    )
    parser.add_argument(
        "--scale",
        default="",
        help='generate_scale_data flags, e.g. --scale="--laporan 100000 --dip 5000".',
    )
    parser.add_argument("--describe", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.describe:
        describe()
        return
    busy = [port for port in PORTS.values() if _listening(port)]
    if busy:
        sys.exit(f"Ports in use: {busy}")
    # A stop request (SIGTERM) unwinds through the cleanup below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    work = Work()
    try:
        pages = prepare(work, options.tree, options.before, shlex.split(options.scale))
        for page in pages:
            if page["status"] != 200:
                print(f"  note: {page['url']} answers {page['status']}")
        servers = start_servers(work, options.tree, options.before)
        css, results = run(pages, servers, options.duration, options.rounds)
        report(css, results, options.duration, options.rounds)
    finally:
        work.close()


def _listening(port):
    try:
        urllib.request.urlopen(f"http://{ADDRESS}:{port}/", timeout=2).close()
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
    return True


if __name__ == "__main__":
    main()
