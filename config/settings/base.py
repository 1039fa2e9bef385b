"""Settings shared by every environment; secrets and hosts come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from config.search_backend import search_backends
from config.storage_settings import media_origins, storages_from_environ
from portal.base_url import validated_base_url

BASE_DIR = Path(__file__).resolve().parents[2]


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty items."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_bool(name, default=False):
    """An environment variable read as a boolean ("1", "true", "yes", "on")."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "home",
    "ppid",
    "layanan",
    "pengaduan",
    "pasar",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "ninja",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # For its Indonesian catalogue: Wagtail's admin uses its naturaltime
    # ("10 detik yang lalu"), which is untranslated unless the app is installed.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: times the whole request and logs it as one line (portal.request_log).
    "portal.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and auth: it must see the cookies and headers they add
    # (README "Cache").
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    # PostgreSQL cannot store NUL: such input answers 400, never 500.
    "portal.null_characters.RejectNullCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a refused login into the lockout page (see "Login protection").
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "ppid.context_processors.serta_merta",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite file by default; PostgreSQL (any dj-database-url) via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Kept open between requests: a new PostgreSQL connection per request cost
        # the server a backend process and the worker its set-up queries. Checked
        # before reuse, so a restarted database costs no failed request.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRESQL = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASE_IS_POSTGRESQL:
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis when REDIS_URL is set (shared by app servers).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail writes every image rendition a page shows to this cache, found or not
# (a Redis round trip, or a pickling in memory, per image). Listings prefetch their
# renditions and anonymous readers get cached pages, so renditions are looked up
# in the prefetched lists or the database instead, and never served stale.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# The anonymous page cache (portal.page_cache, README "Cache"): public pages for
# readers without a session, kept in the default cache until a change retires them.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
PAGE_CACHE_EXCLUDED_PATHS = [
    "/healthz",
    "/readyz",
    "/admin/",
    "/akun/",
    "/api/",
    "/open311/",
    "/dokumen/",
]
# Date-time fields whose passing changes public pages (the serta-merta banner).
PAGE_CACHE_SCHEDULE_FIELDS = {"ppid.PengumumanPage": ["mulai", "berakhir"]}
# CDN purges on publish (wagtail.contrib.frontend_cache), only when configured:
# Cloudflare (zone and API token) or any HTTP cache that takes PURGE requests.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# UMKM owners log in on the public site (e-pasar); Wagtail admin keeps its own login.
LOGIN_URL = "pasar:login"
LOGIN_REDIRECT_URL = "pasar:dashboard"
LOGOUT_REDIRECT_URL = "/"

# Language and time: Bahasa Indonesia, WIB.
# "id-id" rather than "id": Wagtail ships its Indonesian catalogue as id_ID, Django as
# id; this code loads both (gettext falls back from id_ID to id).
LANGUAGE_CODE = "id-id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("Inggris"))]
# locale/id/ holds the project's own translations of the Wagtail and Django admin
# strings that Wagtail's id_ID catalogue lacks or words differently, compiled (.mo
# committed: no msgfmt needed at install). Django merges LOCALE_PATHS after every
# app's catalogue, so these win. The project's own strings are Indonesian already
# and have no entries there.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id-id", "Bahasa Indonesia"), ("en", "English")]

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = []
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Citizens' files (report attachments, answer documents) never go under MEDIA_ROOT:
# they are served only by views that check permissions (portal.storage).
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media")
)
# Folders here by default; S3-compatible buckets when S3_MEDIA_BUCKET and
# S3_PRIVATE_BUCKET are set (config/storage_settings.py, README "Scaling out").
STORAGES = storages_from_environ(os.environ, private_media_root=PRIVATE_MEDIA_ROOT)
# Images in a media bucket load from its address (CSP img-src below).
MEDIA_ORIGINS = media_origins(os.environ)

# Upload limits (DESIGN §4.2: attachments of at most 5 MB; documents up to 10 MB).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]

# Email: console in development; SMTP from the environment in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# For the file-based backend (the production smoke test reads the emails there).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or None
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Portal Langkat <noreply@langkatkab.go.id>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (django-tasks): run at once unless production picks a queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# /readyz fails while the oldest task ready to run has waited longer than this
# (no worker keeps up; portal.health).
READYZ_MAX_TASK_LAG_SECONDS = int(os.environ.get("READYZ_MAX_TASK_LAG_SECONDS", "300"))

# Cross-origin access to the APIs for headless front ends.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/(api|open311)/.*$"

# Service API rate limits per client address ("count/period", period s, min, hour or
# day), kept in the default cache (Redis when REDIS_URL is set). The client is
# REMOTE_ADDR; behind trusted proxies set NINJA_NUM_PROXIES to read X-Forwarded-For.
PENGADUAN_API_SUBMIT_RATE = os.environ.get("PENGADUAN_API_SUBMIT_RATE", "10/hour")
PENGADUAN_API_READ_RATE = os.environ.get("PENGADUAN_API_READ_RATE", "600/hour")
# The public site's forms count with the same limiter (portal.ratelimit): each app's
# form and secret-page submissions share the API's SUBMIT counter, its tracking pages
# the READ counter. Owners' sign-ups and confirmation resends, and password resets
# (per address and per email typed) have their own rates.
PASAR_SIGNUP_RATE = os.environ.get("PASAR_SIGNUP_RATE", "10/hour")
PASAR_PASSWORD_RESET_RATE = os.environ.get("PASAR_PASSWORD_RESET_RATE", "3/hour")

# Login protection (django-axes) on /admin/login/ and /akun/masuk/: after
# LOGIN_FAILURE_LIMIT wrong passwords for one username (the owners' email) from one
# address, that pair is refused for LOGIN_COOLOFF_MINUTES even with the right
# password. Attempts are kept in the database; the Admin Portal clears them in the
# admin ("Pengaturan > Login terkunci"). The client address follows NINJA_NUM_PROXIES.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "30"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "portal.lockout.login_username"
AXES_CLIENT_IP_CALLABLE = "portal.lockout.login_address"
AXES_LOCKOUT_CALLABLE = "portal.lockout.lockout_response"
# django-axes masks the username (an owner's email) and the address in its log lines
# (AXES_SENSITIVE_PARAMETERS, its default); a test keeps it so.
AXES_ENABLE_ADMIN = False
AXES_HTTP_RESPONSE_CODE = 429
# Wrong passwords during the lockout do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False

# Wagtail.
WAGTAIL_SITE_NAME = "Portal Langkat"
# No Gravatar: officers' email hashes would go to a third party, and offline
# installations would show broken images. Wagtail falls back to its own avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The one public address in every link (emails, feed, sitemap, API, the default
# Wagtail Site): scheme, host and optional port, no path (portal/base_url.py).
PORTAL_BASE_URL = validated_base_url(
    os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
)
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
# The database (PostgreSQL full text, Indonesian) unless SEARCH_URL names an
# OpenSearch/Elasticsearch cluster (config/search_backend.py).
WAGTAILSEARCH_BACKENDS = search_backends(os.environ)
WAGTAILAPI_BASE_URL = PORTAL_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Documents go through Django so that access rules (e.g. Pasal 17 exemptions) apply.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Its file lies in the private storage while it belongs to dikecualikan information.
WAGTAILDOCS_DOCUMENT_MODEL = "ppid.Dokumen"

# Content-Security-Policy (django-csp, README "Keamanan"). The policies are defined
# here; production enforces them, development sends them report-only (see
# config/settings/{production,dev}.py, which add portal.csp.PortalCSPMiddleware).
# The public site: its own scripts (a template that needs an inline one gives it
# nonce="{{ CSP_NONCE }}"), no inline script or style. CSP_MAP_TILE_HOSTS lists
# the map-tile image hosts of the e-laga maps: OpenStreetMap's, the default tile URL
# of the site settings (PengaturanPortal.peta_tile_url); a changed tile URL needs its
# host here. CSP_FRAME_HOSTS the video hosts that embed blocks may show.
CSP_MAP_TILE_HOSTS = env_list("CSP_MAP_TILE_HOSTS", "https://tile.openstreetmap.org")
CSP_FRAME_HOSTS = env_list(
    "CSP_FRAME_HOSTS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF, "data:", *MEDIA_ORIGINS, *CSP_MAP_TILE_HOSTS],
    "frame-src": [SELF, *CSP_FRAME_HOSTS],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
# The Wagtail admin (and its page previews) uses inline scripts and style
# attributes, blob: previews of chosen images and Wagtail's release check; it may
# frame itself (previews). Everything else stays as strict.
CSP_ADMIN_PATH_PREFIXES = ["/admin/"]
CSP_ADMIN_DIRECTIVES = {
    **CSP_DIRECTIVES,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [
        SELF,
        "data:",
        "blob:",
        *MEDIA_ORIGINS,
        *CSP_MAP_TILE_HOSTS,
    ],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF, "https://releases.wagtail.org"],
    "frame-ancestors": [SELF],
}
