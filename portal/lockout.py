"""Login protection (django-axes) for the Wagtail admin and the owners' login.

Axes counts wrong passwords per username and client address; these functions tell
it which username (the owners' email, in lower case) and which address (the same
rule as :mod:`portal.ratelimit`), and render the Indonesian lockout page.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

from portal.ratelimit import Decision, client_address, mark_limited, wait_in_minutes

LOCKOUT_TEMPLATE = "portal/login_locked.html"


def login_username(request, credentials=None):
    """The username an attempt counts under: as typed, trimmed, in lower case."""
    if credentials:
        username = credentials.get("username")
    else:
        username = getattr(request, "POST", {}).get("username")
    return (username or "").strip().lower() or None


def login_address(request):
    """The client address an attempt counts under."""
    return client_address(request) or None


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page (status 429): how long to wait and whom to contact."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = wait_in_minutes(cool_off.total_seconds()) if cool_off else None
    is_admin_login = request.path.startswith(reverse("wagtailadmin_home"))
    # A rendered response: the middleware that calls this runs after the view.
    response = render(
        request,
        LOCKOUT_TEMPLATE,
        {"wait_minutes": minutes, "is_admin_login": is_admin_login},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if cool_off:
        mark_limited(
            response, Decision(allowed=False, wait=int(cool_off.total_seconds()))
        )
        response.status_code = settings.AXES_HTTP_RESPONSE_CODE
    response["Cache-Control"] = "no-store"
    return response
