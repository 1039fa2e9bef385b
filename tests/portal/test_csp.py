"""The Content-Security-Policy: strict on public pages, looser only in the admin."""

import json
import re
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import RequestFactory

from portal.csp import PortalCSPMiddleware
from portal.roles import EDITOR_PPID
from tests.pengaduan.factories import PetugasFactory, create_elaga_page
from tests.portal.test_settings import PRODUCTION_ENV, run_python

MIDDLEWARE = "portal.csp.PortalCSPMiddleware"
HEADER = "Content-Security-Policy"


@pytest.fixture
def production_csp(settings):
    """The production policy, enforced, on top of the test settings."""
    if MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": settings.CSP_DIRECTIVES}


def directives(header):
    policy = {}
    for part in header.split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


class InlineCode(HTMLParser):
    """Collects inline ``<script>``/``<style>`` tags (with their nonce) and style
    attributes."""

    def __init__(self):
        super().__init__()
        self.inline = []
        self.style_attributes = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"script", "style"} and "src" not in attributes:
            if attributes.get("type") not in {
                "application/json",
                "application/ld+json",
            }:
                self.inline.append((tag, attributes.get("nonce")))
        if "style" in attributes:
            self.style_attributes.append(tag)


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser


@pytest.fixture
def public_urls(home_page):
    elaga = create_elaga_page(home_page)
    return [
        home_page.url,
        elaga.url,
        elaga.url + elaga.reverse_subpage("track"),
        "/cari/?q=jalan",
    ]


def test_public_pages_send_the_strict_policy(client, production_csp, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        policy = directives(response[HEADER])
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"][0] == "'self'"
        assert "'unsafe-inline'" not in policy["script-src"]
        assert policy["style-src"] == ["'self'"]
        # Images from the site itself and the e-laga maps' default tile server.
        assert policy["img-src"] == [
            "'self'",
            "data:",
            "https://tile.openstreetmap.org",
        ]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]


def test_every_inline_script_on_public_pages_carries_the_responses_nonce(
    client, production_csp, public_urls
):
    for url in public_urls:
        response = client.get(url)
        policy = directives(response[HEADER])
        nonces = {
            source.removeprefix("'nonce-").removesuffix("'")
            for source in policy["script-src"]
            if source.startswith("'nonce-")
        }
        code = inline_code(response.content.decode())
        for tag, nonce in code.inline:
            assert nonce in nonces, f"inline <{tag}> on {url} without the nonce"
        assert code.style_attributes == [], f"style attributes on {url}"


def test_a_template_that_asks_for_the_nonce_gets_it_in_the_header(production_csp):
    def view(request):
        template = Template('<script nonce="{{ CSP_NONCE }}">var siap = 1;</script>')
        return HttpResponse(template.render(RequestContext(request)))

    request = RequestFactory().get("/")
    middleware = PortalCSPMiddleware(view)
    response = middleware(request)
    [nonce] = re.findall(r'nonce="([^"]+)"', response.content.decode())
    assert f"'nonce-{nonce}'" in directives(response[HEADER])["script-src"]


def test_the_admin_gets_its_own_policy_that_still_forbids_framing_elsewhere(
    client, production_csp, home_page
):
    response = client.get("/admin/login/")
    assert response.status_code == HTTPStatus.OK
    policy = directives(response[HEADER])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]


def test_officers_avatars_never_come_from_gravatar(client, production_csp, home_page):
    client.force_login(
        PetugasFactory(
            username="moderator", email="petugas@langkatkab.go.id", role=EDITOR_PPID
        )
    )
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.OK
    assert "gravatar" not in response.content.decode()
    assert "gravatar" not in response[HEADER]
    assert "default-user-avatar" in response.content.decode()


def test_no_report_only_header_unless_configured(client, production_csp, home_page):
    response = client.get("/admin/login/")
    assert "Content-Security-Policy-Report-Only" not in response
    assert "Content-Security-Policy-Report-Only" not in client.get(home_page.url)


READ_CSP = """
import json
from django.conf import settings
print(json.dumps({
    "middleware": "portal.csp.PortalCSPMiddleware" in settings.MIDDLEWARE,
    "enforced": str(getattr(settings, "CONTENT_SECURITY_POLICY", None)),
    "report_only": str(getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)),
    "img_src": settings.CSP_DIRECTIVES["img-src"],
}))
"""


def test_production_enforces_the_policy_with_map_tiles_from_the_environment():
    env = {**PRODUCTION_ENV, "CSP_MAP_TILE_HOSTS": "https://tiles.example.org"}
    result = run_python(READ_CSP, "config.settings.production", env)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["middleware"] is True
    assert "frame-ancestors" in values["enforced"]
    assert values["report_only"] == "None"
    assert values["img_src"] == ["'self'", "data:", "https://tiles.example.org"]


def test_development_reports_the_same_policy_without_enforcing_it():
    result = run_python(READ_CSP, "config.settings.dev", {})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["middleware"] is True
    assert values["enforced"] == "None"
    assert "frame-ancestors" in values["report_only"]
    # The default tile host of the e-laga maps (PengaturanPortal.peta_tile_url).
    assert values["img_src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
