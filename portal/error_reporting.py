"""Optional error reporting through Sentry, without personal data or secret tokens.

Production settings call :func:`init_sentry` only when ``SENTRY_DSN`` is set. The
SDK then sends no default personal data, no request bodies and no local variables;
:func:`before_send` also drops cookies, query strings and headers other than a few
harmless ones, and removes secret tokens from URLs and messages.
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from portal.request_log import redact_text

#: Request headers an error report keeps; all others (cookies, authorization,
#: API keys, forwarded addresses) are dropped.
KEPT_HEADERS = {"accept", "accept-language", "content-type", "content-length"}


def _redact_strings(value):
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list | tuple):
        return [_redact_strings(item) for item in value]
    if isinstance(value, dict):
        return {key: _redact_strings(item) for key, item in value.items()}
    return value


def before_send(event, hint):
    """Strip an error event of request bodies, cookies, identity and tokens."""
    request = event.get("request")
    if request:
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        if "url" in request:
            request["url"] = redact_text(request["url"])
        request["headers"] = {
            name: value
            for name, value in (request.get("headers") or {}).items()
            if name.lower() in KEPT_HEADERS
        }
    event.pop("user", None)
    for exception in (event.get("exception") or {}).get("values", []):
        if "value" in exception:
            exception["value"] = redact_text(exception["value"])
    for key in ("transaction", "message", "logentry", "breadcrumbs", "extra"):
        if key in event:
            event[key] = _redact_strings(event[key])
    return event


def before_breadcrumb(crumb, hint):
    """Breadcrumbs (log lines, SQL, HTTP calls) without tokens in their texts."""
    return _redact_strings(crumb)


def init_sentry(dsn, environment, release):
    """Start the Sentry SDK for Django with the portal's privacy rules."""
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=before_send,
        before_breadcrumb=before_breadcrumb,
    )
