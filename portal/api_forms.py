"""Pieces every service-API router uses to accept form submissions.

Routers validate submissions with the same Django forms as the public site; these
helpers read the multipart body safely, turn form errors into the API's error
format (:mod:`portal.api_errors`) and limit requests per client address.
"""

import threading

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja.conf import settings as ninja_settings
from ninja.throttling import SimpleRateThrottle

from portal.api_errors import error_response

FORM_CONTENT_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


class ClientAddressThrottle(SimpleRateThrottle):
    """django-ninja's sliding-window throttle, per client address, in the default cache.

    The rate (``"10/hour"``) is read from the Django setting named ``setting`` on every
    request, so deployments and tests can change it. The client is ``REMOTE_ADDR``;
    behind trusted proxies set ``NINJA_NUM_PROXIES`` to use ``X-Forwarded-For``. The
    history lives only in the cache (Redis when ``REDIS_URL`` is set), so one instance
    serves concurrent requests and app servers share the count.
    """

    def __init__(self, scope, setting):
        self.scope = scope
        self.setting = setting
        self._local = threading.local()

    def get_ident(self, request):
        if ninja_settings.NUM_PROXIES is None:
            return request.META.get("REMOTE_ADDR", "")
        return super().get_ident(request)

    def get_cache_key(self, request):
        return self.cache_format % {
            "scope": self.scope,
            "ident": self.get_ident(request),
        }

    def allow_request(self, request):
        num_requests, duration = self.parse_rate(getattr(settings, self.setting))
        key = self.get_cache_key(request)
        now = self.timer()
        history = [
            moment for moment in self.cache.get(key, []) if moment > now - duration
        ]
        if len(history) >= num_requests:
            # The oldest request in the window is last; it leaves the window first.
            self._local.wait = duration - (now - history[-1])
            return False
        history.insert(0, now)
        self.cache.set(key, history, duration)
        return True

    def wait(self):
        return max(getattr(self._local, "wait", 1.0), 1.0)


def form_errors(form, *, each_message=False):
    """The form's own (Indonesian) messages in the API's error format.

    One entry per field, its messages joined; with ``each_message`` one entry per
    message, each with its own code.
    """
    if each_message:
        return [
            {"field": field, "message": message, "code": error.code or "invalid"}
            for field, errors in form.errors.as_data().items()
            for error in errors
            for message in error.messages
        ]
    return [
        {
            "field": field,
            "message": " ".join(form.errors[field]),
            "code": errors[0].code or "invalid",
        }
        for field, errors in form.errors.as_data().items()
    ]


def read_form_body(
    request, what=None, *, unsupported_message=None, malformed_message=None
):
    """``(data, files, None)`` of a form submission, or ``(None, None, response)``.

    The response is a 415 when the body is not a form, a 400 when the body cannot be
    read. ``what`` names the submission in the 415 message ("permohonan");
    ``unsupported_message`` and ``malformed_message`` replace the two messages.
    """
    if request.content_type not in FORM_CONTENT_TYPES:
        message = unsupported_message or _(
            "Kirim %(what)s sebagai multipart/form-data."
        ) % {"what": what}
        return (
            None,
            None,
            error_response(
                request,
                415,
                message,
                [{"field": "__all__", "message": message, "code": "unsupported_media"}],
            ),
        )
    try:
        return request.POST, request.FILES, None
    except (MultiPartParserError, SuspiciousOperation, BadRequest, UnreadablePostError):
        message = malformed_message or _(
            "Badan permintaan multipart tidak dapat dibaca."
        )
        return (
            None,
            None,
            error_response(
                request,
                400,
                message,
                [{"field": "__all__", "message": message, "code": "malformed"}],
            ),
        )
