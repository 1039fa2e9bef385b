"""Production: every secret and host from the environment, HTTPS enforced."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY wajib diisi di lingkungan produksi.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# Load balancers probe app servers over plain HTTP on their own network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy, enforced (policies in base.py; admin paths get the admin's).
MIDDLEWARE = [*MIDDLEWARE, "portal.csp.PortalCSPMiddleware"]
CONTENT_SECURITY_POLICY = {"DIRECTIVES": CSP_DIRECTIVES}

# Behind the reverse proxy every request comes from the proxy's address: the rate
# limits and the login lockout then read the client from X-Forwarded-For, skipping
# this many proxies (1 for the README's setup; unset when clients connect directly).
if os.environ.get("NINJA_NUM_PROXIES"):
    NINJA_NUM_PROXIES = int(os.environ["NINJA_NUM_PROXIES"])

# Emails and reminders run in a worker (`manage.py db_worker`), not in the request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Logs: one JSON object per line on stdout (the service manager or container keeps
# them): a line per request from portal.request_log (redacted path, status, duration,
# size, request id; no address, user or form data), and every other record with
# secret tokens, email addresses and NIK removed. gunicorn's access log is off.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_secrets": {"()": "portal.request_log.RedactSecretsFilter"}},
    "formatters": {"json": {"()": "portal.request_log.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        "portal.request": {"level": "INFO"},
    },
}

# Error reporting (optional): Sentry when SENTRY_DSN is set, without personal data.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from portal.error_reporting import init_sentry

    init_sentry(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE", ""),
    )
