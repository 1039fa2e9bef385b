"""One base URL: every absolute link the portal writes says PORTAL_BASE_URL, and the
default Wagtail Site follows it (migrate, the demo loader, configure_site), with a
system check that reports a drift."""

import datetime
import html
import io
import os
import re
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image
from wagtail.models import Site

from layanan import services as layanan_services
from layanan.models import EKecamatanIndexPage
from pasar import services as pasar_services
from pengaduan.choices import StatusLaporan
from pengaduan.models import Laporan
from pengaduan.tasks import send_reminders as send_laporan_reminders
from portal.base_url import (
    absolute_url,
    configure_default_site,
    page_url,
    validated_base_url,
)
from portal.models import Desa
from portal.roles import EDITOR_PPID, MODERATOR_PASAR, MODERATOR_PENGADUAN, PETUGAS_OPD
from portal.uploads import CleanUpload, clean_upload
from ppid.choices import KeputusanPermohonan
from ppid.tasks import send_kip_reminders
from tests.factories import UserFactory
from tests.home.factories import BeritaIndexPageFactory, BeritaPageFactory
from tests.layanan.factories import (
    PermohonanFactory,
    StandarLayananFactory,
    kecamatan_officer,
)
from tests.pasar.factories import (
    KategoriProdukFactory,
    OwnerFactory,
    PasarIndexPageFactory,
    UMKMFactory,
    product_with_photos,
)
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    PetugasFactory,
    advance_laporan,
    create_elaga_page,
)
from tests.ppid.factories import (
    PermohonanInformasiFactory,
    create_kip_request,
    create_layanan_informasi_page,
)

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[2]
BASE_URL = "https://portal.langkatkab.go.id"
#: Hosts the portal links to on purpose: WhatsApp, the schema.org vocabulary, the
#: XML namespaces of Atom and sitemaps, OpenStreetMap, the Open311 specification.
EXTERNAL_HOSTS = frozenset(
    {
        "wa.me",
        "schema.org",
        "www.w3.org",
        "www.sitemaps.org",
        "www.openstreetmap.org",
        "tile.openstreetmap.org",
        "wiki.open311.org",
    }
)
URL = re.compile(r"https?://[^\s\"'<>()\\]+")
# A Wednesday without holidays.
REMINDER_DAY = datetime.date(2026, 2, 11)


def absolute_urls(text):
    """Every absolute http(s) URL in ``text`` to a host of the portal's own, also
    inside URL-encoded parameters (the WhatsApp message)."""
    text = html.unescape(text)
    found = URL.findall(text) + URL.findall(unquote(text))
    urls = dict.fromkeys(url.rstrip(".,;:") for url in found)
    return [url for url in urls if urlsplit(url).hostname not in EXTERNAL_HOSTS]


def stray_urls(text):
    """The absolute URLs in ``text`` that are not on the base URL."""
    return [
        url
        for url in absolute_urls(text)
        if url != BASE_URL and not url.startswith(BASE_URL + "/")
    ]


def assert_links_on_base_url(text, *expected):
    """``text`` links only to the base URL, and links to each of ``expected``."""
    assert stray_urls(text) == []
    urls = absolute_urls(text)
    assert urls, "no absolute link found"
    for url in expected:
        assert url.startswith(BASE_URL + "/")
        assert url in urls


@pytest.fixture
def base_url(settings, home_page):
    """The portal at https://portal.langkatkab.go.id, set up as an operator does:
    the setting (and the Wagtail settings derived from it) and the default Site.
    Requests still come to the test client's host, so a link taken from the
    request would show."""
    settings.PORTAL_BASE_URL = BASE_URL
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = BASE_URL
    configure_default_site()
    cache.clear()
    yield BASE_URL
    cache.clear()


@pytest.fixture
def send_emails(django_capture_on_commit_callbacks, mailoutbox):
    """Run ``action`` and return the emails it queued (sent on commit)."""

    def send(action, *args, **kwargs):
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action(*args, **kwargs)
        return list(mailoutbox)

    return send


def pdf_result():
    data = b"%PDF-1.4\n%hasil\n"
    return CleanUpload(
        ContentFile(data, name="hasil.pdf"), "application/pdf", len(data)
    )


# ---------- Emails ----------


def test_the_elaga_confirmation_page_and_every_email_of_a_report_use_the_base_url(
    client, base_url, home_page, send_emails
):
    elaga = create_elaga_page(home_page)
    kategori = KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    officer = PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    form = {
        "jenis": "pengaduan",
        "kategori": kategori.slug,
        "judul": "Jalan berlubang di depan SD",
        "isi": "Lubang besar membahayakan anak sekolah.",
        "kecamatan": "babalan",
        "desa": str(Desa.objects.get(nama="Brandan Barat").pk),
        "nama_pelapor": "Siti Rahmawati",
        "email": "siti@example.com",
        "telepon": "0812-3456-7890",
        "nik": "1205015203850002",
        "setuju": "on",
    }
    responses = []
    emails = send_emails(
        lambda: responses.append(
            client.post(elaga.url + elaga.reverse_subpage("submission_form"), form)
        )
    )
    assert responses[0].status_code == HTTPStatus.FOUND
    laporan = Laporan.objects.get()
    secret_url = f"{BASE_URL}/e-laga/laporan-saya/{laporan.token_rahasia}/"
    assert laporan.secret_url() == secret_url

    confirmation = client.get(responses[0]["Location"]).content.decode()
    shown = re.search(r'id="tautan-rahasia"[^>]*value="([^"]+)"', confirmation)
    assert shown.group(1) == secret_url
    assert_links_on_base_url(confirmation, secret_url)
    assert [email.to for email in emails] == [["siti@example.com"]]
    assert_links_on_base_url(emails[0].body, secret_url)

    emails = send_emails(
        advance_laporan, laporan, StatusLaporan.SELESAI, opd_slug="dinas-pupr"
    )
    to_reporter = [email for email in emails if email.to == ["siti@example.com"]]
    assert len(to_reporter) == 4
    for email in to_reporter:
        assert_links_on_base_url(email.body, secret_url)
    to_office = [email for email in emails if email.to == [officer.email]]
    assert len(to_office) == 1
    assert stray_urls(to_office[0].body) == []


def test_kip_request_emails_carry_the_secret_link_on_the_base_url(
    base_url, home_page, send_emails
):
    create_layanan_informasi_page(home_page)
    requests = []
    emails = send_emails(
        lambda: requests.append(create_kip_request(decided=KeputusanPermohonan.DITOLAK))
    )
    permohonan = requests[0]
    secret_url = permohonan.secret_url()
    assert secret_url.startswith(f"{BASE_URL}/ppid/layanan-informasi/")
    assert len(emails) == 2
    for email in emails:
        assert email.to == [permohonan.email]
        assert_links_on_base_url(email.body, secret_url)


def test_ekecamatan_emails_to_applicant_and_officers_use_the_base_url(
    base_url, home_page, send_emails
):
    home_page.add_child(
        instance=EKecamatanIndexPage(title="e-kecamatan", slug="e-kecamatan")
    )
    officer = kecamatan_officer("babalan")
    applications = []
    emails = send_emails(
        lambda: applications.append(
            layanan_services.submit_permohonan(
                PermohonanFactory.build(layanan=StandarLayananFactory())
            )
        )
    )
    permohonan = applications[0]
    secret_url = permohonan.secret_url()
    assert secret_url == (
        f"{BASE_URL}/e-kecamatan/permohonan-saya/{permohonan.token_rahasia}/"
    )
    assert {tuple(email.to) for email in emails} == {
        (permohonan.email,),
        (officer.email,),
    }

    def process():
        layanan_services.request_fix(permohonan, officer, "Foto KTP buram.")
        layanan_services.resubmit(permohonan, [], (), "Sudah saya ganti.")
        layanan_services.verify(permohonan, officer, "Berkas lengkap.")
        layanan_services.start_processing(permohonan, officer, "Sedang diproses.")
        layanan_services.complete(
            permohonan, officer, "Silakan unduh.", result=pdf_result()
        )

    emails += send_emails(process)
    to_applicant = [email for email in emails if email.to == [permohonan.email]]
    assert len(to_applicant) == 6
    for email in to_applicant:
        assert_links_on_base_url(email.body, secret_url)
    assert_links_on_base_url(to_applicant[-1].body, permohonan.secret_url("survey"))
    for email in emails:
        assert stray_urls(email.body) == []


def test_umkm_owner_emails_use_the_base_url(client, base_url, home_page, send_emails):
    signup = send_emails(
        client.post,
        reverse("pasar:signup"),
        {
            "email": "siti.aminah@example.com",
            "password1": "Keripik-Renyah-2026",
            "password2": "Keripik-Renyah-2026",
        },
    )
    assert len(signup) == 1
    assert_links_on_base_url(signup[0].body)
    assert f"{BASE_URL}/akun/konfirmasi/" in signup[0].body

    owner = OwnerFactory(username="rina@example.com")
    reset = send_emails(
        client.post, reverse("pasar:password_reset"), {"email": owner.email}
    )
    assert len(reset) == 1
    assert_links_on_base_url(reset[0].body)
    assert f"{BASE_URL}/akun/sandi/atur/" in reset[0].body

    moderator = UserFactory(username="moderator.pasar")
    umkm = UMKMFactory(pemilik=owner, terverifikasi=False)
    dashboard = absolute_url(reverse("pasar:dashboard"))
    for action, args in (
        (pasar_services.verify_umkm, (umkm, moderator)),
        (pasar_services.unverify_umkm, (umkm, moderator, "NIB tidak sesuai.")),
    ):
        emails = send_emails(action, *args)
        assert [email.to for email in emails] == [[owner.email]]
        assert_links_on_base_url(emails[0].body, dashboard)

    market = PasarIndexPageFactory(parent=home_page)
    product = product_with_photos(market, umkm=umkm, title="Keripik Pisang Kepok")
    emails = send_emails(pasar_services.notify_product_published, product)
    assert_links_on_base_url(
        emails[0].body, f"{BASE_URL}/e-pasar/keripik-pisang-kepok/", dashboard
    )
    emails = send_emails(
        pasar_services.notify_changes_requested, product, "Foto kurang jelas."
    )
    edit_url = absolute_url(reverse("pasar:product_edit", args=[product.pk]))
    assert_links_on_base_url(emails[0].body, edit_url, dashboard)


def test_staff_notifications_use_the_base_url(base_url, home_page, send_emails):
    moderator = PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN)
    editor = PetugasFactory(username="ppid", role=EDITOR_PPID)
    laporan = LaporanFactory(batas_waktu=REMINDER_DAY)
    permohonan = PermohonanInformasiFactory(batas_waktu=REMINDER_DAY)
    emails = send_emails(send_laporan_reminders, REMINDER_DAY)
    emails += send_emails(send_kip_reminders, REMINDER_DAY)
    by_recipient = {email.to[0]: email.body for email in emails}
    assert set(by_recipient) == {moderator.email, editor.email}
    assert laporan.kode_lacak in by_recipient[moderator.email]
    assert permohonan.kode_lacak in by_recipient[editor.email]
    for body in by_recipient.values():
        assert_links_on_base_url(body)
        assert f"{BASE_URL}/admin/" in body


def test_wagtail_moderation_emails_to_market_moderators_use_the_base_url(
    base_url, home_page, send_emails
):
    moderator = UserFactory(username="moderator.pasar")
    moderator.groups.add(Group.objects.get(name=MODERATOR_PASAR))
    PasarIndexPageFactory(parent=home_page)
    umkm = UMKMFactory()
    photo = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(photo, format="JPEG")
    page = pasar_services.create_product(
        umkm,
        {
            "title": "Keripik Pisang Kepok",
            "kategori": KategoriProdukFactory(nama="Kuliner", slug="kuliner"),
            "deskripsi": "Keripik pisang kepok renyah.",
            "harga": 15000,
            "harga_maks": None,
            "satuan": "per bungkus 250 g",
            "ketersediaan": "tersedia",
            "tags": ["keripik"],
        },
        [
            clean_upload(
                SimpleUploadedFile("foto.jpg", photo.getvalue(), "image/jpeg"),
                allow_pdf=False,
            )
        ],
        umkm.pemilik,
    )
    emails = send_emails(pasar_services.submit_product, page, umkm.pemilik)
    to_moderator = [email for email in emails if email.to == [moderator.email]]
    assert len(to_moderator) == 1
    assert_links_on_base_url(to_moderator[0].body)
    assert f"{BASE_URL}/admin/" in to_moderator[0].body


# ---------- Feeds, sitemap, robots, pages ----------


def test_feed_sitemap_and_robots_use_the_base_url(client, base_url, home_page):
    index = BeritaIndexPageFactory(parent=home_page)
    BeritaPageFactory(parent=index, title="Jembatan Baru", slug="jembatan")
    article_url = f"{BASE_URL}/berita/jembatan/"

    feed = client.get(f"{index.url}feed/")
    assert feed.status_code == HTTPStatus.OK
    assert_links_on_base_url(
        feed.content.decode(),
        article_url,
        f"{BASE_URL}/berita/",
        f"{BASE_URL}/berita/feed/",
    )

    sitemap = client.get("/sitemap.xml").content.decode()
    assert_links_on_base_url(sitemap, article_url, f"{BASE_URL}/")

    robots = client.get("/robots.txt").content.decode()
    assert_links_on_base_url(robots, f"{BASE_URL}/sitemap.xml")


def test_canonical_og_url_and_og_image_of_a_page_use_the_base_url(
    client, base_url, home_page
):
    index = BeritaIndexPageFactory(parent=home_page)
    article = BeritaPageFactory(
        parent=index,
        slug="banjir",
        image=wagtail_factories.ImageFactory(),
    )
    page = client.get(article.url).content.decode()
    url = f"{BASE_URL}/berita/banjir/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', page)
    assert og_image.group(1).startswith(f"{BASE_URL}/media/")
    assert_links_on_base_url(page, url)


def test_the_whatsapp_message_and_product_data_use_the_base_url(
    client, base_url, home_page
):
    market = PasarIndexPageFactory(parent=home_page)
    product = product_with_photos(market, photos=1, title="Rendang Daging")
    url = f"{BASE_URL}/e-pasar/rendang-daging/"
    assert page_url(product) == url
    page = client.get(product.url).content.decode()
    whatsapp = re.search(r'href="(https://wa\.me/[^"]+)"', page).group(1)
    assert_links_on_base_url(whatsapp, url)
    assert_links_on_base_url(page, url, f"{BASE_URL}/e-pasar/umkm/{product.umkm.slug}/")


# ---------- APIs ----------


def test_content_api_urls_use_the_base_url(client, base_url, home_page):
    index = BeritaIndexPageFactory(parent=home_page)
    article = BeritaPageFactory(parent=index, slug="jembatan")
    document = wagtail_factories.DocumentFactory()
    image = wagtail_factories.ImageFactory()

    pages = client.get("/api/v2/pages/").content.decode()
    assert_links_on_base_url(
        pages,
        f"{BASE_URL}/api/v2/pages/{article.pk}/",
        f"{BASE_URL}/berita/jembatan/",
    )
    detail = client.get(f"/api/v2/pages/{article.pk}/").content.decode()
    assert_links_on_base_url(detail, f"{BASE_URL}/berita/jembatan/")
    documents = client.get("/api/v2/documents/").content.decode()
    assert_links_on_base_url(
        documents,
        f"{BASE_URL}/api/v2/documents/{document.pk}/",
        absolute_url(document.url),
    )
    images = client.get("/api/v2/images/").content.decode()
    assert_links_on_base_url(images, f"{BASE_URL}/api/v2/images/{image.pk}/")


def test_service_api_urls_use_the_base_url(client, base_url, home_page):
    create_elaga_page(home_page)
    KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    submitted = client.post(
        "/api/portal/v1/pengaduan/laporan",
        {
            "jenis": "pengaduan",
            "kategori": "jalan-rusak",
            "judul": "Jalan berlubang di depan SD",
            "isi": "Lubang besar membahayakan anak sekolah.",
            "kecamatan": "babalan",
            "desa": str(Desa.objects.get(nama="Brandan Barat").pk),
            "nama_pelapor": "Siti Rahmawati",
            "email": "siti@example.com",
            "setuju": "on",
        },
    )
    assert submitted.status_code == HTTPStatus.CREATED, submitted.content
    laporan = Laporan.objects.get()
    assert submitted.json()["tautan_rahasia"] == (
        f"{BASE_URL}/e-laga/laporan-saya/{laporan.token_rahasia}/"
    )

    market = PasarIndexPageFactory(parent=home_page)
    product = product_with_photos(market, photos=1, title="Rendang Daging")
    product_url = f"{BASE_URL}/e-pasar/rendang-daging/"
    products = client.get("/api/portal/v1/pasar/produk").content.decode()
    assert_links_on_base_url(products, product_url)
    photos = [url for url in absolute_urls(products) if "/media/images/" in url]
    assert len(photos) == 2  # the photo and its thumbnail
    assert all(url.startswith(f"{BASE_URL}/media/") for url in photos)
    umkm = client.get("/api/portal/v1/pasar/umkm").content.decode()
    assert_links_on_base_url(umkm, f"{BASE_URL}/e-pasar/umkm/{product.umkm.slug}/")
    client.force_login(product.umkm.pemilik)
    own = client.get("/api/portal/v1/pasar/saya/produk").content.decode()
    assert_links_on_base_url(own, product_url)

    discovery = client.get("/open311/v2/discovery.json").content.decode()
    assert_links_on_base_url(discovery, f"{BASE_URL}/open311/v2/")


# ---------- The setting ----------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://portal.langkatkab.go.id", "https://portal.langkatkab.go.id"),
        ("https://Portal.Langkatkab.go.id:443/", "https://portal.langkatkab.go.id"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://localhost:80", "http://localhost"),
    ],
)
def test_a_base_url_is_written_one_way(value, expected):
    assert validated_base_url(value) == expected


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("portal.langkatkab.go.id", "scheme"),
        ("ftp://portal.langkatkab.go.id", "scheme"),
        ("https://", "host name"),
        ("https://portal.langkatkab.go.id/portal/", "no path"),
        ("https://portal.langkatkab.go.id/?a=1", "no path"),
        ("https://admin:rahasia@portal.langkatkab.go.id", "password"),
        ("http://portal.langkatkab.go.id:99999", "port"),
        ("https://portal.langkatkab.go.id:8443", "443"),
        ("http://portal.langkatkab.go.id:443", "443"),
        ("http://[::1]:8000", "host name"),
    ],
)
def test_a_base_url_that_wagtail_cannot_serve_is_refused_with_the_reason(
    value, problem
):
    with pytest.raises(ImproperlyConfigured, match=re.escape(problem)):
        validated_base_url(value)


def run_manage(*args, **env):
    """``manage.py`` (development settings, as ``make lint`` runs it) in a new
    process with ``env`` added."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "PORTAL_BASE_URL", "DATABASE_URL"}
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_environment_sets_the_base_url_of_wagtail_too_and_a_bad_one_stops_start(
    tmp_path,
):
    database = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    code = (
        "from django.conf import settings as s; "
        "print(s.PORTAL_BASE_URL, s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL)"
    )
    good = run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        code,
        PORTAL_BASE_URL=f"{BASE_URL}/",
        DATABASE_URL=database,
    )
    assert good.returncode == 0, good.stderr
    assert good.stdout.split() == [BASE_URL] * 3
    bad = run_manage(
        "check", PORTAL_BASE_URL=f"{BASE_URL}/portal", DATABASE_URL=database
    )
    assert bad.returncode != 0
    assert "PORTAL_BASE_URL" in bad.stderr
    assert "no path" in bad.stderr


def test_the_check_passes_on_a_database_not_yet_migrated(tmp_path):
    database = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    result = run_manage("check", "--fail-level", "WARNING", DATABASE_URL=database)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "portal.W001" not in result.stdout + result.stderr


# ---------- The Wagtail Site ----------


def point_site_at_localhost():
    """The default site as Wagtail's first migration creates it."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()


def base_url_warnings():
    return [
        message
        for message in checks.run_checks()
        if message.id in {"portal.W001", "portal.W002"}
    ]


def test_configure_site_points_the_default_site_at_the_base_url_and_says_so(
    settings, home_page
):
    settings.PORTAL_BASE_URL = BASE_URL
    point_site_at_localhost()
    output = io.StringIO()
    call_command("configure_site", stdout=output)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "portal.langkatkab.go.id",
        443,
        BASE_URL,
    )
    assert f"Default site set to {BASE_URL}" in output.getvalue()
    assert home_page.specific.full_url == f"{BASE_URL}/"

    again = io.StringIO()
    call_command("configure_site", stdout=again)
    assert f"already answers at {BASE_URL}" in again.getvalue()


def test_configure_site_without_a_default_site_says_what_to_do():
    Site.objects.all().delete()
    with pytest.raises(CommandError, match="no default Wagtail Site"):
        call_command("configure_site")


def test_migrate_points_the_default_site_at_the_base_url(settings, home_page):
    settings.PORTAL_BASE_URL = BASE_URL
    point_site_at_localhost()
    output = io.StringIO()
    call_command("migrate", interactive=False, verbosity=1, stdout=output)
    assert Site.objects.get(is_default_site=True).root_url == BASE_URL
    assert f"Default Wagtail site set to {BASE_URL}" in output.getvalue()


def test_the_demo_loader_points_the_default_site_at_the_base_url(settings, db):
    settings.PORTAL_BASE_URL = BASE_URL
    output = io.StringIO()
    call_command("load_demo_data", "--app", "portal", stdout=output)
    assert Site.objects.get(is_default_site=True).root_url == BASE_URL
    assert f"Alamat situs: {BASE_URL}" in output.getvalue()


def test_the_check_is_silent_while_site_and_setting_agree(settings, home_page):
    settings.PORTAL_BASE_URL = BASE_URL
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = BASE_URL
    configure_default_site()
    assert base_url_warnings() == []


def test_the_check_warns_when_the_site_answers_at_another_address(settings, home_page):
    settings.PORTAL_BASE_URL = BASE_URL
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = BASE_URL
    point_site_at_localhost()
    [warning] = base_url_warnings()
    assert warning.id == "portal.W001"
    assert warning.level == checks.WARNING
    assert "http://localhost" in warning.msg
    assert BASE_URL in warning.msg
    assert "configure_site" in warning.hint


def test_the_check_warns_when_a_wagtail_base_url_setting_differs(settings, home_page):
    settings.PORTAL_BASE_URL = BASE_URL
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    settings.WAGTAILAPI_BASE_URL = "http://127.0.0.1:8000"
    configure_default_site()
    [warning] = base_url_warnings()
    assert warning.id == "portal.W002"
    assert "WAGTAILAPI_BASE_URL" in warning.msg
