"""One rate limiter for the public site and the service API.

A fixed-window counter per (scope, client address) in the default cache: the first
request of a window creates the counter with ``cache.add`` and every request counts
with ``cache.incr``, both atomic in Redis and in local memory, so concurrent
requests can never let more than the limit through. A scope names what is counted
(``"pengaduan_submit"``); the site's forms and the API's endpoints that use the same
scope share one counter. Rates are read from a Django setting on every request
(``"10/hour"``: count, then ``s``/``sec``, ``m``/``min``, ``h``/``hour`` or
``d``/``day``), so deployments and tests can change them.

The client is ``REMOTE_ADDR``; behind trusted proxies set ``NINJA_NUM_PROXIES`` to
read ``X-Forwarded-For`` (the same rule as the API and the login lockout).
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from ninja.conf import settings as ninja_settings
from ninja.throttling import BaseThrottle

#: The status of a refused request, and the page shown for a refused GET.
TOO_MANY_REQUESTS = 429
TOO_MANY_REQUESTS_TEMPLATE = "portal/too_many_requests.html"
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """``"10/hour"`` as ``(10, 3600)``."""
    try:
        count, period = rate.split("/")
        seconds = PERIODS[period.strip()[0]]
        return int(count), seconds
    except (AttributeError, ValueError, IndexError, KeyError) as error:
        message = f"Invalid rate {rate!r}: write count/period, e.g. 10/hour."
        raise ImproperlyConfigured(message) from error


def client_address(request):
    """The address a request is counted under (see the module docstring)."""
    if ninja_settings.NUM_PROXIES is None:
        return request.META.get("REMOTE_ADDR", "")
    return BaseThrottle().get_ident(request) or ""


@dataclass(frozen=True)
class Decision:
    """Whether one request may go on, and the seconds until its window ends."""

    allowed: bool
    wait: int


def hit(scope, ident, rate):
    """Count one request of ``ident`` in ``scope`` against ``rate``."""
    limit, period = parse_rate(rate)
    now = time.time()
    window = int(now // period)
    wait = max(1, math.ceil((window + 1) * period - now))
    digest = hashlib.sha256(str(ident).encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}:{window}"
    for _attempt in range(3):
        cache.add(key, 0, wait + 5)
        try:
            count = cache.incr(key)
            break
        except ValueError:
            # The counter expired between add and incr: create it again.
            continue
    else:
        count = 1
    return Decision(allowed=count <= limit, wait=wait)


@dataclass(frozen=True)
class RateLimit:
    """A scope and the name of the setting holding its rate."""

    scope: str
    setting: str

    def hit(self, request, ident=None):
        """Count ``request`` (under ``ident``, by default its client address)."""
        if ident is None:
            ident = client_address(request)
        return hit(self.scope, ident, getattr(settings, self.setting))


def submit_limit(app_label):
    """Submissions of an app (site forms, secret-page actions and API writes)."""
    return RateLimit(f"{app_label}_submit", "PENGADUAN_API_SUBMIT_RATE")


def read_limit(app_label):
    """Reads of an app (tracking pages and API reads)."""
    return RateLimit(f"{app_label}_read", "PENGADUAN_API_READ_RATE")


def wait_in_minutes(seconds):
    """Whole minutes to wait, at least one (for messages)."""
    return max(1, math.ceil(seconds / 60))


def limited_message(decision):
    """The Indonesian reason shown on a refused form or page."""
    minutes = wait_in_minutes(decision.wait)
    return ngettext(
        "Terlalu banyak permintaan dari jaringan Anda. Silakan coba lagi dalam "
        "%(minutes)s menit; isian Anda tetap tersimpan di formulir ini.",
        "Terlalu banyak permintaan dari jaringan Anda. Silakan coba lagi dalam "
        "%(minutes)s menit; isian Anda tetap tersimpan di formulir ini.",
        minutes,
    ) % {"minutes": minutes}


def refuse_form(form, decision):
    """Keep a bound form's data and put the reason of the refusal on top."""
    form.add_error(
        None, ValidationError(limited_message(decision), code="rate_limited")
    )


def mark_limited(response, decision):
    """Give ``response`` the 429 status and the ``Retry-After`` header."""
    response.status_code = TOO_MANY_REQUESTS
    response["Retry-After"] = str(decision.wait)
    return response


def too_many_requests_page(request, decision, context=None):
    """The short 429 page for a refused GET."""
    context = {
        **(context or {}),
        "wait_minutes": wait_in_minutes(decision.wait),
        "message": gettext(
            "Terlalu banyak permintaan dari jaringan Anda dalam waktu singkat."
        ),
    }
    response = TemplateResponse(request, TOO_MANY_REQUESTS_TEMPLATE, context)
    return mark_limited(response, decision)
