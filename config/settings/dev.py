"""Local development: debug on, an insecure key, emails printed to the console."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# Serve static files straight from the apps while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The production Content-Security-Policy, report-only: the browser console shows
# what production would block, and nothing breaks while developing.
MIDDLEWARE = [*MIDDLEWARE, "portal.csp.PortalCSPMiddleware"]
CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": CSP_DIRECTIVES}
