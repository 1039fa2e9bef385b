"""Test runs: fast hashing, throw-away media, in-memory email, immediate tasks."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Uploads go to a throw-away folder so documents are served as in production.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "portal-langkat-test-media"
PRIVATE_MEDIA_ROOT = MEDIA_ROOT.parent / "portal-langkat-test-private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/berkas-privat/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Concrete models for abstract core machinery (tracking codes); no migrations.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]
