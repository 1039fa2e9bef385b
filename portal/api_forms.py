"""Pieces every service-API router uses to accept form submissions.

Routers validate submissions with the same Django forms as the public site; these
helpers read the multipart body safely, turn form errors into the API's error
format (:mod:`portal.api_errors`) and limit requests per client address with the
site's shared limiter (:mod:`portal.ratelimit`).
"""

import threading

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja.throttling import BaseThrottle

from portal.api_errors import error_response
from portal.ratelimit import RateLimit

FORM_CONTENT_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


class ClientAddressThrottle(BaseThrottle):
    """The shared rate limiter (:mod:`portal.ratelimit`) as a django-ninja throttle.

    ``scope`` names the counter, which the public site's forms of the same scope
    share (``submit_limit``/``read_limit``); the rate (``"10/hour"``) is read from
    the Django setting named ``setting`` on every request, so deployments and tests
    can change it. The counter lives only in the cache (Redis when ``REDIS_URL`` is
    set), counts atomically, and app servers share it.
    """

    def __init__(self, scope, setting):
        self.limit = RateLimit(scope, setting)
        self._local = threading.local()

    def allow_request(self, request):
        decision = self.limit.hit(request)
        self._local.wait = decision.wait
        return decision.allowed

    def wait(self):
        return max(getattr(self._local, "wait", 1), 1)


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
