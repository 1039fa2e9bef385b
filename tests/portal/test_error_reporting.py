"""Error reports sent to Sentry carry no personal data and no secret token."""

import json

from portal.error_reporting import before_breadcrumb, before_send
from portal.request_log import REDACTED

TOKEN = "aB3_kd92-LmQpR7sTuVwXyZ01234567890abcDEF"


def error_event():
    """An event shaped as sentry-sdk's Django integration builds it."""
    return {
        "level": "error",
        "transaction": f"/e-laga/laporan-saya/{TOKEN}/",
        "request": {
            "url": f"https://portal.langkatkab.go.id/e-laga/laporan-saya/{TOKEN}/",
            "method": "POST",
            "query_string": "berkas=3",
            "data": {"nama_pelapor": "Siti Rahmawati", "nik": "1205015203850002"},
            "cookies": {"sessionid": "abc", "csrftoken": "def"},
            "headers": {
                "Cookie": "sessionid=abc",
                "User-Agent": "Mozilla/5.0",
                "X-Forwarded-For": "10.1.2.3",
                "Content-Type": "multipart/form-data",
            },
            "env": {"REMOTE_ADDR": "10.1.2.3"},
        },
        "user": {"ip_address": "10.1.2.3", "email": "siti.rahmawati@example.com"},
        "exception": {
            "values": [
                {
                    "type": "SMTPRecipientsRefused",
                    "value": "{'siti.rahmawati@example.com': (550, b'no')}",
                }
            ]
        },
        "logentry": {
            "message": "Not Found: %s",
            "params": [f"/ppid/permohonan-informasi/permohonan-saya/{TOKEN}/"],
        },
        "breadcrumbs": {
            "values": [{"category": "django.request", "message": f"GET /x/{TOKEN}/"}]
        },
    }


def test_the_event_keeps_no_body_cookie_address_identity_or_token():
    event = before_send(error_event(), hint={})

    sent = json.dumps(event)
    for secret in (
        TOKEN,
        "Siti",
        "siti.rahmawati@example.com",
        "1205015203850002",
        "10.1.2.3",
        "sessionid",
        "berkas",
    ):
        assert secret not in sent
    assert event["request"]["url"] == (
        f"https://portal.langkatkab.go.id/e-laga/laporan-saya/{REDACTED}/"
    )
    assert event["request"]["headers"] == {"Content-Type": "multipart/form-data"}
    assert event["request"]["method"] == "POST"
    assert event["exception"]["values"][0]["type"] == "SMTPRecipientsRefused"


def test_breadcrumbs_lose_their_tokens():
    crumb = before_breadcrumb(
        {"category": "httplib", "data": {"url": f"http://x/laporan-saya/{TOKEN}/"}},
        hint={},
    )
    assert TOKEN not in json.dumps(crumb)
