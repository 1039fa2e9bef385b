"""Test runs: fast hashing, throw-away media, in-memory email, immediate tasks."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Parallel runs (pytest-xdist) give each worker its own files and Redis database, so
# one worker's cache.clear() or stale site cache never reaches another.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
# Uploads go to a throw-away folder so documents are served as in production.
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"portal-langkat-test-media{XDIST_WORKER}"
PRIVATE_MEDIA_ROOT = MEDIA_ROOT.parent / f"portal-langkat-test-private{XDIST_WORKER}"
if REDIS_URL and XDIST_WORKER:
    _redis = urlsplit(REDIS_URL)
    _database = 1 + int(XDIST_WORKER.removeprefix("gw")) % 15
    CACHES["default"]["LOCATION"] = urlunsplit(_redis._replace(path=f"/{_database}"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/berkas-privat/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PORTAL_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = PORTAL_BASE_URL
# Login lockout and form rate limits stay out of the way of other tests; the tests
# of login protection and rate limiting switch them on (tests/portal/test_ratelimit.py,
# tests/portal/test_login_lockout.py). client.login() has no request, which axes needs.
AXES_ENABLED = False
PENGADUAN_API_SUBMIT_RATE = "10000/hour"
PENGADUAN_API_READ_RATE = "10000/hour"

# Concrete models for abstract core machinery (tracking codes); no migrations.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]

# The CSP middleware is loaded but sends nothing until a test sets
# CONTENT_SECURITY_POLICY: the browser tests (tests/e2e/conftest.py) enforce the
# production policy, whose middleware must be in place before the live server starts.
MIDDLEWARE = [*MIDDLEWARE, "portal.csp.PortalCSPMiddleware"]
