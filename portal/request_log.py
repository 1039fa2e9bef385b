"""One JSON line per request, with secret tokens kept out of every log line.

Citizens' secret pages carry their token in the URL path (``laporan-saya/<token>/``,
``permohonan-saya/<token>/``, the confirmation pages, the owners' email-confirmation
and password-reset links). :func:`redact_text` removes such tokens and query strings
from any text; :class:`RequestLogMiddleware` writes the request line (method,
redacted path, status, duration, size, request id; never an address, user or form
data); :class:`RedactSecretsFilter` cleans Django's own request warnings ("Not
Found: /…"); :class:`JsonFormatter` writes every record as one JSON object, its
traceback cleaned the same way.
"""

import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from portal.masking import EMAIL_PATTERN, NIK_PATTERN

logger = logging.getLogger("portal.request")

REDACTED = "[disamarkan]"

# A path segment after one of these words is a secret token; the words with two
# segments take an encoded user id and a token (Django's password-reset shape).
_ONE_SEGMENT_SECRET = re.compile(
    r"/(terkirim|terdaftar|laporan-saya|permohonan-saya|tokens)/[^/?#\s\"']+"
)
_TWO_SEGMENT_SECRET = re.compile(
    r"/(konfirmasi|atur|confirm)/[^/?#\s\"']+/[^/?#\s\"']+"
)
# Anything else shaped like a random token: long, URL-safe, with a digit and a
# capital letter or an underscore (slugs and tracking codes are lower case or short).
_TOKEN_LIKE = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Z_])[\w-]{32,}(?![\w-])")
_QUERY_STRING = re.compile(r"\?[^\s\"'#]*")
_REQUEST_ID = re.compile(r"^[\w.-]{1,64}$")


def redact_text(text):
    """``text`` (a path, URL or message) without secret tokens, query strings,
    email addresses or NIK."""
    text = _QUERY_STRING.sub("", str(text))
    text = EMAIL_PATTERN.sub("[email]", text)
    text = NIK_PATTERN.sub("[NIK]", text)
    text = _TWO_SEGMENT_SECRET.sub(rf"/\1/{REDACTED}/{REDACTED}", text)
    text = _ONE_SEGMENT_SECRET.sub(rf"/\1/{REDACTED}", text)
    return _TOKEN_LIKE.sub(REDACTED, text)


def redacted_path(request):
    """The request's path with every secret token removed.

    Besides the patterns of :func:`redact_text`, the URL arguments that the view
    resolved as a token (Django's URL resolver and Wagtail's routable pages) are
    replaced, so a new secret route is covered by naming its argument ``token``.
    """
    secrets = set()
    for match in (
        getattr(request, "resolver_match", None),
        getattr(request, "routable_resolver_match", None),
    ):
        for name, value in getattr(match, "kwargs", {}).items():
            if "token" in name or name == "uidb64":
                secrets.add(str(value))
    segments = request.path.split("/")
    path = "/".join(REDACTED if part in secrets else part for part in segments)
    return redact_text(path)


def _request_id(request):
    """The proxy's ``X-Request-ID`` when it is a plain identifier, else a new one."""
    given = request.headers.get("X-Request-ID", "")
    return given if _REQUEST_ID.match(given) else uuid.uuid4().hex


def _response_size(response):
    if response.streaming:
        length = response.headers.get("Content-Length")
        return int(length) if length and length.isdigit() else None
    return len(response.content)


class RequestLogMiddleware:
    """Log each request as one ``portal.request`` record and echo its request id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request_id = _request_id(request)
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response.headers["X-Request-ID"] = request_id
        logger.info(
            "request",
            extra={
                "fields": {
                    "request_id": request_id,
                    "method": request.method,
                    "path": redacted_path(request),
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "size": _response_size(response),
                }
            },
        )
        return response


class RedactSecretsFilter(logging.Filter):
    """Remove secret tokens from a record's message and arguments.

    Attached to the handlers that write logs, so Django's "Not Found: <path>" and
    CSRF warnings, and any message quoting a secret link, lose the token.
    """

    def filter(self, record):
        request = getattr(record, "request", None)
        clean_path = redacted_path(request) if hasattr(request, "path") else None
        if isinstance(record.msg, str):
            record.msg = redact_text(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                self._clean(arg, request, clean_path) for arg in record.args
            )
        return True

    @staticmethod
    def _clean(arg, request, clean_path):
        if clean_path is not None and arg == request.path:
            return clean_path
        return redact_text(arg) if isinstance(arg, str) else arg


class JsonFormatter(logging.Formatter):
    """Each record as one JSON object: time, level, logger, message, its fields."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            entry["exception"] = redact_text(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)
