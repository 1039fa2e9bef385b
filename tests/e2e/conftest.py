"""Browser test harness: Playwright (sync API) driving Debian's Chromium.

The browser is ``/usr/bin/chromium`` from apt, never a Playwright download. When it is
missing, the tests skip with the install command, except in CI (``CI=true``) where a
missing browser fails the run.

e2e tests run against pytest-django's ``live_server``, so they are transactional: mark
them ``@pytest.mark.django_db(transaction=True, serialized_rollback=True)`` (see
``E2E_DB``) so the rows created by migrations (Wagtail's root page, groups, wilayah)
are restored before each test.

The production Content-Security-Policy is enforced for the whole e2e package (the
test settings load its middleware, since the live server loads middleware once;
``enforced_csp`` switches the policy on). Every tab records the browser's CSP
complaints and every HTML page that came without the header; either fails the test
that opened the tab.
"""

import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage
from portal.base_url import site_address
from portal.models import PengaturanPortal

# Playwright's sync API runs an asyncio event loop in this thread; Django's ORM refuses
# to run while one is running unless told it is safe (it is: nothing else uses it).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
CHROMIUM_MISSING = "Chromium tidak ditemukan: apt-get install chromium"
CSP_MIDDLEWARE = "portal.csp.PortalCSPMiddleware"
CSP_CONSOLE_MARK = "Content Security Policy"

DESKTOP_VIEWPORT = {"width": 1280, "height": 800}
MOBILE_VIEWPORT = {"width": 360, "height": 740}

#: The database marker every e2e test needs (live server + migration data restored).
E2E_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

AREAS = [
    ("Informasi Publik", "Daftar informasi publik dan layanan PPID Kabupaten Langkat."),
    ("e-laga", "Sampaikan pengaduan dan aspirasi, lalu pantau tindak lanjutnya."),
    ("e-kecamatan", "Standar pelayanan kecamatan dan pengajuan layanan secara daring."),
    ("e-pasar", "Katalog produk UMKM Langkat dari para pelaku usaha lokal."),
]
SEARCHABLE_WORD = "imunisasi"
#: The password the user factories give every account (``tests/factories.py``).
FACTORY_PASSWORD = "kata-sandi-uji-123"
HERO_HEADING = "Portal Pelayanan Publik Kabupaten Langkat"


@pytest.fixture(scope="session")
def chromium_executable():
    """The path of Debian's Chromium; skips (fails in CI) when it is not installed."""
    if Path(CHROMIUM_PATH).exists():
        return CHROMIUM_PATH
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    pytest.skip(CHROMIUM_MISSING)


@pytest.fixture(scope="package", autouse=True)
def enforced_csp():
    """The production policy, enforced while the browser tests run.

    The test settings load the CSP middleware (the live server builds its middleware
    once, possibly before this package starts); it reads the policy per response.
    """
    assert CSP_MIDDLEWARE in settings.MIDDLEWARE, "config/settings/test.py"
    with override_settings(
        CONTENT_SECURITY_POLICY={"DIRECTIVES": settings.CSP_DIRECTIVES}
    ):
        yield


#: What the tabs of the running test reported: CSP violations, pages without CSP.
_csp_problems = []


@pytest.fixture(autouse=True)
def no_csp_violations():
    """Fail the test when a tab logged a CSP violation or got a page without CSP."""
    _csp_problems.clear()
    yield
    if _csp_problems:
        problems = "\n".join(f"- {problem}" for problem in _csp_problems)
        _csp_problems.clear()
        pytest.fail(f"Content-Security-Policy:\n{problems}", pytrace=False)


def watch_csp(context):
    """Record ``context``'s CSP violations (console) and HTML pages without CSP."""

    def on_console(message):
        if CSP_CONSOLE_MARK in message.text:
            where = message.page.url if message.page else "?"
            _csp_problems.append(f"{where}: {message.text}")

    def on_response(response):
        if response.request.resource_type != "document":
            return
        headers = response.headers
        if "text/html" in headers.get("content-type", "") and (
            "content-security-policy" not in headers
        ):
            _csp_problems.append(f"{response.url}: no Content-Security-Policy header")

    context.on("console", on_console)
    context.on("response", on_response)
    return context


@pytest.fixture
def browser(chromium_executable):
    """A headless Chromium, started after the database is ready and stopped before
    it is flushed.

    Playwright's sync API keeps an asyncio loop running in this thread; while it runs,
    Django hands out separate (async-context) connection objects, which lack the
    serialized migration data that ``serialized_rollback`` restores from. Keeping the
    browser per test confines that loop to the test body, so the restore and the flush
    around each test happen on the connection that holds the data.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _new_tab(browser, viewport):
    context = watch_csp(browser.new_context(viewport=viewport, locale="id-ID"))
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def desktop(browser):
    """A fresh browser tab at 1280x800."""
    context, tab = _new_tab(browser, DESKTOP_VIEWPORT)
    yield tab
    context.close()


@pytest.fixture
def phone(browser):
    """A fresh browser tab at 360x740, the smallest phone the portal supports."""
    context, tab = _new_tab(browser, MOBILE_VIEWPORT)
    yield tab
    context.close()


@pytest.fixture
def live_base_url(live_server):
    """The live server's address as PORTAL_BASE_URL: links in pages and emails lead
    back to it."""
    url = live_server.url
    with override_settings(
        PORTAL_BASE_URL=url, WAGTAILADMIN_BASE_URL=url, WAGTAILAPI_BASE_URL=url
    ):
        yield url


@pytest.fixture
def portal_site(live_server, live_base_url):
    """A home page as the default site's root (on the live server's address), the
    four areas and filled-in settings."""
    root = Page.get_first_root_node()
    assert root is not None, (
        "Wagtail's root page is missing: mark the test "
        "django_db(transaction=True, serialized_rollback=True)"
    )
    home = root.add_child(
        instance=HomePage(
            title="Beranda",
            slug="beranda-e2e",
            body=[
                (
                    "hero",
                    {
                        "heading": HERO_HEADING,
                        "text": "Informasi publik, pengaduan, layanan kecamatan "
                        "dan produk UMKM.",
                        "show_urgent_notice": True,
                    },
                ),
                # No pages chosen: the block links the in-menu children.
                ("quick_links", {"heading": "Layanan portal", "pages": []}),
            ],
        )
    )
    Site.objects.all().delete()
    site = Site.objects.create(
        **site_address(),
        root_page=home,
        is_default_site=True,
        site_name="Portal Langkat",
    )
    areas = [
        home.add_child(
            instance=StandardPage(
                title=title,
                listing_summary=summary,
                introduction=summary,
                show_in_menus=True,
            )
        )
        for title, summary in AREAS
    ]
    searchable = areas[0].add_child(
        instance=StandardPage(
            title="Jadwal Posyandu",
            listing_summary="Jadwal posyandu di setiap desa.",
            introduction=f"Jadwal {SEARCHABLE_WORD} balita di posyandu setiap bulan.",
        )
    )
    PengaturanPortal.objects.update_or_create(
        site=site,
        defaults={
            "nama_kabupaten": "Pemerintah Kabupaten Langkat",
            "alamat": "Jl. Tengku Amir Hamzah No. 1, Stabat",
            "telepon": "(0620) 21001",
            "email": "info@langkatkab.go.id",
            "jam_pelayanan": "Senin-Kamis 08.00-16.00\nJumat 08.00-16.30",
            "ppid_nama": "PPID Utama Kabupaten Langkat",
            "ppid_email": "ppid@langkatkab.go.id",
            "instagram": "https://www.instagram.com/langkat",
        },
    )
    return SimpleNamespace(
        url=live_server.url, home=home, areas=areas, searchable=searchable
    )


def assert_no_serious_a11y_violations(page):
    """Run axe-core (WCAG 2.1 A/AA rules) on ``page``; fail on serious/critical issues."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        },
    )
    blocking = [
        violation
        for violation in results.response["violations"]
        if violation.get("impact") in BLOCKING_IMPACTS
    ]
    if blocking:
        lines = [f"axe: {len(blocking)} serious/critical violation(s) on {page.url}"]
        for violation in blocking:
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {violation['help']}"
                f" <{violation['helpUrl']}>"
            )
            for node in violation["nodes"]:
                target = ", ".join(str(part) for part in node["target"])
                summary = node.get("failureSummary", "").replace("\n", "\n      ")
                lines.append(f"    at {target}: {summary}")
        pytest.fail("\n".join(lines), pytrace=False)


def assert_no_sideways_scroll(tab):
    """The page fits the phone's width: nothing scrolls sideways."""
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE_VIEWPORT["width"], f"{tab.url} scrolls sideways"


def admin_tab(browser, live_url, username, password=FACTORY_PASSWORD):
    """A desktop tab logged in to the Wagtail admin through its login form."""
    from playwright.sync_api import expect

    context = watch_csp(browser.new_context(viewport=DESKTOP_VIEWPORT, locale="id-ID"))
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.goto(live_url + "/admin/login/")
    tab.locator("#id_username").fill(username)
    tab.locator("#id_password").fill(password)
    tab.locator("form button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/admin/$"))
    return context, tab


def open_action(tab, label):
    """From a record's processing view, open the action ``label`` by its header
    button; its page shows the action's form."""
    from playwright.sync_api import expect

    tab.locator("header.w-slim-header").get_by_role(
        "link", name=label, exact=True
    ).click()
    expect(tab.get_by_role("form", name=label)).to_be_visible()
