"""Settings come from the environment, and production passes Django's deploy checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-key-for-tests-0123456789abcdefghij",
    "ALLOWED_HOSTS": "portal.langkatkab.go.id,www.langkatkab.go.id",
    "CSRF_TRUSTED_ORIGINS": "https://portal.langkatkab.go.id",
    "DATABASE_URL": "postgres://portal:rahasia@db.internal:5432/portal",
    "REDIS_URL": "redis://cache.internal:6379/1",
    "EMAIL_HOST": "smtp.langkatkab.go.id",
    "EMAIL_PORT": "587",
    "EMAIL_USE_TLS": "true",
    "MEDIA_ROOT": "/srv/portal/media",
    "CORS_ALLOWED_ORIGINS": "https://app.langkatkab.go.id",
}


def run_python(code, settings_module, extra_env):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV
        and key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(extra_env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


READ_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "debug": settings.DEBUG,
    "hosts": settings.ALLOWED_HOSTS,
    "csrf": settings.CSRF_TRUSTED_ORIGINS,
    "db_engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": settings.DATABASES["default"]["NAME"],
    "db_host": settings.DATABASES["default"].get("HOST"),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "email_host": settings.EMAIL_HOST,
    "email_port": settings.EMAIL_PORT,
    "email_tls": settings.EMAIL_USE_TLS,
    "media_root": str(settings.MEDIA_ROOT),
    "cors": settings.CORS_ALLOWED_ORIGINS,
    "language": settings.LANGUAGE_CODE,
    "time_zone": settings.TIME_ZONE,
    "tasks": settings.TASKS["default"]["BACKEND"],
}))
"""


def test_production_reads_every_service_from_the_environment():
    result = run_python(READ_SETTINGS, "config.settings.production", PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["hosts"] == ["portal.langkatkab.go.id", "www.langkatkab.go.id"]
    assert values["csrf"] == ["https://portal.langkatkab.go.id"]
    assert values["db_engine"] == "django.db.backends.postgresql"
    assert (values["db_name"], values["db_host"]) == ("portal", "db.internal")
    assert values["cache"] == "django_redis.cache.RedisCache"
    assert values["cache_location"] == "redis://cache.internal:6379/1"
    assert (values["email_host"], values["email_port"]) == (
        "smtp.langkatkab.go.id",
        587,
    )
    assert values["email_tls"] is True
    assert values["media_root"] == "/srv/portal/media"
    assert values["cors"] == ["https://app.langkatkab.go.id"]
    assert values["tasks"] == "django_tasks_db.DatabaseBackend"


def test_defaults_are_sqlite_local_memory_indonesian_and_wib():
    result = run_python(READ_SETTINGS, "config.settings.dev", {})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["db_engine"] == "django.db.backends.sqlite3"
    assert values["db_name"].endswith("db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["language"] == "id-id"
    assert values["time_zone"] == "Asia/Jakarta"


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = run_python(READ_SETTINGS, "config.settings.production", env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_passes_the_deploy_checks_without_warnings():
    code = (
        "import django, sys; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_python(code, "config.settings.production", PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_answers_health_probes_over_plain_http():
    """A load balancer probes over HTTP on its own network: the liveness probe is
    answered there while every other address still redirects to HTTPS."""
    code = """
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="portal.langkatkab.go.id")
print(client.get("/healthz").status_code, client.get("/e-laga/").status_code)
"""
    result = run_python(code, "config.settings.production", PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    # Production logs JSON lines to stdout; the answer is the last line.
    assert result.stdout.splitlines()[-1].split() == ["200", "301"]
