"""The anonymous page cache: repeated anonymous GETs of public pages from the cache.

Why not a package: wagtail-cache (CodeRed), the maintained Wagtail page cache, pins
``wagtail<8.0`` in its latest release (3.0.0) and clears the whole cache on publish
without covering non-page changes (a report's status, a setting, an announcement's
start). This middleware keeps to Django's cache framework (the ``default`` cache:
Redis when ``REDIS_URL`` is set, local memory otherwise) and Wagtail's signals.

What is cached: the 200 answer to a GET without a session cookie or credentials, on a
path outside ``PAGE_CACHE_EXCLUDED_PATHS``, that declares itself
``Cache-Control: public`` (``BasePage.serve`` does so for anonymous readers), sets no
cookie (a form's CSRF token sets one), varies on nothing but ``Cookie``, and used no
CSP nonce. Secret pages, tracking results and files are ``private``/``no-store``
(``portal.http``) and never qualify.

The key is the scheme, host, path and sorted query string, hashed: never a cookie,
never anything about the reader. Invalidation is exact through a site-wide
generation token: every entry records the token current when its request began, and
any change that can alter a public page (a model saved or deleted, outside
``NEVER_PUBLIC_MODELS``; a page published, unpublished or moved) replaces the token,
at once and again after the transaction commits, so a page rendered from data read
before the commit is never served afterwards. Time-based changes are covered by
capping each entry's life at the next local midnight (deadlines, overdue counts) and
at the next boundary listed in ``PAGE_CACHE_SCHEDULE_FIELDS`` (a serta-merta
announcement starting or ending). The expiry is also checked on read, so it holds
on Redis as on local memory.
"""

import datetime
import hashlib
import time
import uuid

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.http import urlencode
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "page-cache:generation"
ENTRY_KEY_PREFIX = "page-cache:page:"
SCHEDULE_KEY_PREFIX = "page-cache:schedule:"
VALUE_KEY_PREFIX = "page-cache:value:"
CACHE_HEADER = "X-Cache"

#: Models whose rows never show on a public page: saving them (a login, a rendition
#: made while rendering, an audit-log line, a draft revision) keeps the cache.
NEVER_PUBLIC_MODELS = {
    "admin.logentry",
    "auth.group_permissions",
    "auth.permission",
    "auth.user",
    "auth.user_groups",
    "auth.user_user_permissions",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    "contenttypes.contenttype",
    "django_tasks_db.dbtaskresult",
    "portal.scopedlogentry",
    "sessions.session",
    "wagtailadmin.admin",
    "wagtailadmin.editingsession",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtailembeds.embed",
    "wagtailimages.rendition",
    "wagtailsearch.indexentry",
    "wagtailusers.userprofile",
}


def _setting(name, default):
    return getattr(settings, name, default)


# Reading the cache ---------------------------------------------------------------


def cache_key(request):
    """The entry's key: scheme, host, path and sorted query string, hashed."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    address = f"{request.scheme}://{host}{request.path}?{query}"
    return ENTRY_KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _request_is_cacheable(request):
    if request.method != "GET" or not _setting("PAGE_CACHE_ENABLED", True):
        return False
    if request.path.startswith(tuple(_setting("PAGE_CACHE_EXCLUDED_PATHS", ()))):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    # A message waiting in its cookie (after a form's redirect) shows on this page.
    if CookieStorage.cookie_name in request.COOKIES:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):
        return False
    control = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if "public" not in control or control & {"private", "no-store", "no-cache"}:
        return False
    varies = {
        header.strip().lower()
        for header in cc_delim_re.split(response.get("Vary", ""))
        if header.strip()
    }
    if varies - {"cookie"}:
        return False
    # A nonce is for one response only: a page that used it is rendered every time.
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _lifetime(generation, now):
    """Seconds the entry may live: the setting, capped by every known boundary."""
    limits = [_setting("PAGE_CACHE_TIMEOUT", 3600)]
    local_now = timezone.localtime(now)
    midnight = datetime.datetime.combine(
        local_now.date() + datetime.timedelta(days=1),
        datetime.time.min,
        tzinfo=local_now.tzinfo,
    )
    boundaries = [midnight, *filter(None, [_scheduled_change(generation, now)])]
    limits.extend((boundary - now).total_seconds() for boundary in boundaries)
    return int(min(limits))


def _scheduled_change(generation, now):
    """:func:`next_scheduled_change`, read once per generation and boundary.

    Every change to the scheduled items replaces the generation, so the answer
    holds for the generation until the moment it names has passed.
    """
    key = f"{SCHEDULE_KEY_PREFIX}{generation}"
    known = cache.get(key)
    if known is not None and (known[0] is None or known[0] > now):
        return known[0]
    moment = next_scheduled_change(now)
    cache.set(key, (moment,), _setting("PAGE_CACHE_TIMEOUT", 3600))
    return moment


def next_scheduled_change(now=None):
    """The earliest future value of the ``PAGE_CACHE_SCHEDULE_FIELDS`` (or None).

    Each entry maps a model label to date-time fields (an announcement's start and
    end); a page that shows such an item changes when one of them passes.
    """
    now = now or timezone.now()
    moments = []
    for label, fields in _setting("PAGE_CACHE_SCHEDULE_FIELDS", {}).items():
        model = apps.get_model(label)
        found = model._default_manager.aggregate(
            **{name: Min(name, filter=Q(**{f"{name}__gt": now})) for name in fields}
        )
        moments.extend(moment for moment in found.values() if moment)
    return min(moments, default=None)


def _rebuild(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    response[CACHE_HEADER] = "HIT"
    return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache; store what qualifies.

    Placed after WhiteNoise and before the session, CSRF and authentication
    middleware, so it sees the cookies and headers they add.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request) if _request_is_cacheable(request) else None
        if key is None:
            return self.get_response(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or _start_generation()
        entry = found.get(key)
        if (
            entry
            and entry["generation"] == generation
            and entry["expires"] > time.time()
        ):
            return _rebuild(entry)
        response = self.get_response(request)
        if _response_is_cacheable(request, response):
            self._store(key, generation, response)
        return response

    def _store(self, key, generation, response):
        now = timezone.now()
        lifetime = _lifetime(generation, now)
        response[CACHE_HEADER] = "MISS"
        if lifetime < 1:
            return
        entry = {
            "generation": generation,
            "expires": time.time() + lifetime,
            "status": response.status_code,
            "headers": list(response.items()),
            "content": response.content,
        }
        cache.set(key, entry, lifetime)


# Shared values ---------------------------------------------------------------------


def shared_value(name, compute):
    """``compute()``, kept in the cache for as long as a cached page would be.

    For what every page shows to every reader alike (the main menu, the serta-merta
    announcements): a page rendered outside the page cache (a logged-in reader, a
    form) still reads it without a query. The value is retired with the pages, by
    the same generation token and the same boundaries; it must hold nothing about
    the reader, and ``name`` must say everything it depends on (the site).
    """
    key = f"{VALUE_KEY_PREFIX}{name}"
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY) or _start_generation()
    entry = found.get(key)
    if entry and entry[0] == generation and entry[1] > time.time():
        return entry[2]
    value = compute()
    lifetime = _lifetime(generation, timezone.now())
    if lifetime >= 1:
        cache.set(key, (generation, time.time() + lifetime, value), lifetime)
    return value


# Invalidation --------------------------------------------------------------------


def _start_generation():
    token = uuid.uuid4().hex
    if cache.add(GENERATION_KEY, token, None):
        return token
    return cache.get(GENERATION_KEY) or token


def new_generation():
    """Retire every cached page now and again once the transaction commits."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(
        lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, None), robust=True
    )


def _model_changed(sender, created=False, instance=None, **kwargs):
    if sender._meta.label_lower in NEVER_PUBLIC_MODELS:
        return
    # Settings are created with their defaults on first read, while a page renders
    # them: that page already shows the defaults.
    if created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        return
    new_generation()


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        _model_changed(sender)


def _page_changed(sender, **kwargs):
    new_generation()


def connect_signals():
    """Replace the generation on every change that can alter a public page."""
    for signal in (post_save, post_delete):
        signal.connect(_model_changed, dispatch_uid=f"page-cache-{id(signal)}")
    m2m_changed.connect(_m2m_changed, dispatch_uid="page-cache-m2m")
    # Moves update the tree with raw queries; publishing and unpublishing save
    # the page too, and are listed for clarity and for pages saved elsewhere.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_changed, dispatch_uid=f"page-cache-{id(signal)}")
