"""The anonymous page cache: repeated public GETs are hits, every change shows next."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Site

from pasar import services as pasar_services
from pengaduan import services as pengaduan_services
from pengaduan.choices import StatusLaporan
from portal.models import PengaturanPortal
from portal.roles import MODERATOR_PASAR
from portal.uploads import clean_upload
from tests.factories import StandardPageFactory, UserFactory
from tests.pasar.conftest import image_upload, product_data
from tests.pasar.factories import (
    KategoriProdukFactory,
    PasarIndexPageFactory,
    UMKMFactory,
)
from tests.pengaduan.factories import (
    LaporanFactory,
    PublishedLaporanFactory,
    advance_laporan,
    create_elaga_page,
)
from tests.ppid.factories import (
    PengumumanIndexPageFactory,
    PengumumanPageFactory,
    PPIDPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache(home_page):
    """An empty cache, and the site settings a fresh site creates on first read."""
    PengaturanPortal.for_site(Site.objects.get(is_default_site=True))
    cache.clear()
    yield
    cache.clear()


def _get(client, url):
    response = client.get(url)
    return response, response.content.decode()


def _hit(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response["X-Cache"] == "HIT"
    return response.content.decode()


def test_second_anonymous_get_is_a_hit_without_sql(
    client, home_page, django_assert_max_num_queries
):
    first, html = _get(client, "/")
    assert first.status_code == HTTPStatus.OK
    assert first["X-Cache"] == "MISS"
    assert _hit(client, "/", django_assert_max_num_queries) == html


def test_query_strings_in_any_order_share_one_entry(
    client, home_page, django_assert_max_num_queries
):
    client.get("/?b=2&a=1")
    _hit(client, "/?a=1&b=2", django_assert_max_num_queries)
    assert client.get("/?a=1&b=3")["X-Cache"] == "MISS"


def test_published_change_shows_on_next_request(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Profil Daerah")
    client.get(page.url)
    assert client.get(page.url)["X-Cache"] == "HIT"
    page.title = "Profil Kabupaten Langkat"
    page.save_revision().publish()
    response, html = _get(client, page.url)
    assert response["X-Cache"] == "MISS"
    assert "Profil Kabupaten Langkat" in html


def test_unpublished_page_is_gone_on_next_request(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Profil Daerah")
    client.get(page.url)
    assert client.get(page.url)["X-Cache"] == "HIT"
    page.unpublish()
    assert client.get(page.url).status_code == HTTPStatus.NOT_FOUND


def test_moved_page_leaves_its_old_address_on_next_request(client, home_page):
    first = StandardPageFactory(parent=home_page, title="Pemerintahan", slug="pem")
    second = StandardPageFactory(parent=home_page, title="Sejarah", slug="sejarah")
    page = StandardPageFactory(parent=first, title="Bupati", slug="bupati")
    client.get("/pem/bupati/")
    assert client.get("/pem/bupati/")["X-Cache"] == "HIT"
    page.move(second, pos="last-child")
    moved = client.get("/pem/bupati/")
    assert moved.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert moved["Location"] == "/sejarah/bupati/"
    assert client.get("/sejarah/bupati/").status_code == HTTPStatus.OK


def test_approved_product_shows_in_the_cached_catalogue(client, home_page):
    pasar_page = PasarIndexPageFactory(parent=home_page)
    umkm = UMKMFactory()
    kategori = KategoriProdukFactory(nama="Kuliner", slug="kuliner")
    page = pasar_services.create_product(
        umkm,
        product_data(kategori),
        [clean_upload(image_upload(), allow_pdf=False)],
        umkm.pemilik,
    )
    pasar_services.submit_product(page, umkm.pemilik)
    _response, html = _get(client, pasar_page.url)
    assert "Keripik Pisang Kepok" not in html
    assert client.get(pasar_page.url)["X-Cache"] == "HIT"

    moderator = UserFactory(username="moderator.pasar")
    moderator.groups.add(Group.objects.get(name=MODERATOR_PASAR))
    moderator_client = Client()
    moderator_client.force_login(moderator)
    task_state = pasar_services.current_workflow_state(page).current_task_state
    response = moderator_client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        )
    )
    assert response.status_code == HTTPStatus.FOUND

    response, html = _get(client, pasar_page.url)
    assert response["X-Cache"] == "MISS"
    assert "Keripik Pisang Kepok" in html


def test_verified_report_joins_the_cached_public_list(client, home_page):
    elaga = create_elaga_page(home_page)
    laporan = LaporanFactory(judul="Lampu jalan padam di Pangkalan Brandan")
    list_url = elaga.url + "daftar/"
    assert "Lampu jalan padam" not in _get(client, list_url)[1]
    assert client.get(list_url)["X-Cache"] == "HIT"
    pengaduan_services.verify(laporan, UserFactory(username="moderator"))
    response, html = _get(client, list_url)
    assert response["X-Cache"] == "MISS"
    assert "Lampu jalan padam" in html


def test_status_change_shows_in_the_cached_statistics(client, home_page):
    elaga = create_elaga_page(home_page)
    laporan = LaporanFactory()
    stats_url = elaga.url + "statistik/"
    client.get(stats_url)
    before = client.get(stats_url)
    assert before["X-Cache"] == "HIT"
    assert before.context is None  # served without rendering
    advance_laporan(laporan, StatusLaporan.SELESAI)
    response = client.get(stats_url)
    assert response["X-Cache"] == "MISS"
    assert response.context["stats"].total.resolved == 1


def test_settings_change_shows_in_every_footer(client, home_page):
    client.get("/")
    assert client.get("/")["X-Cache"] == "HIT"
    pengaturan = PengaturanPortal.for_site(Site.objects.get(is_default_site=True))
    pengaturan.alamat = "Jl. Proklamasi No. 9, Stabat"
    pengaturan.save()
    assert "Jl. Proklamasi No. 9, Stabat" in _get(client, "/")[1]


def test_announcement_banner_appears_and_leaves_on_time(client, home_page):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=1)
    with freeze_time(start - datetime.timedelta(hours=1)):
        ppid_page = PPIDPageFactory(parent=home_page)
        index = PengumumanIndexPageFactory(parent=ppid_page)
        PengumumanPageFactory(
            parent=index,
            pesan="Waspada banjir di DAS Wampu.",
            mulai=start,
            berakhir=start + datetime.timedelta(hours=2),
        )
        assert "Waspada banjir" not in _get(client, "/")[1]
        assert client.get("/")["X-Cache"] == "HIT"
    with freeze_time(start - datetime.timedelta(seconds=2)):
        assert client.get("/")["X-Cache"] == "HIT"
    with freeze_time(start + datetime.timedelta(seconds=1)):
        response, html = _get(client, "/")
        assert response["X-Cache"] == "MISS"
        assert "Waspada banjir" in html
        assert client.get("/")["X-Cache"] == "HIT"
    with freeze_time(start + datetime.timedelta(hours=2, seconds=1)):
        assert "Waspada banjir" not in _get(client, "/")[1]


def test_logged_in_reader_is_never_served_nor_stored(client, home_page):
    client.get("/")
    assert client.get("/")["X-Cache"] == "HIT"
    client.force_login(UserFactory())
    response = client.get("/")
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    client.logout()


def test_form_with_csrf_token_is_never_cached(client, home_page):
    elaga = create_elaga_page(home_page)
    for _attempt in range(2):
        response = client.get(elaga.url)
        assert response.status_code == HTTPStatus.OK
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Cache" not in response


def test_secret_page_and_tracking_result_are_never_cached(client, home_page):
    elaga = create_elaga_page(home_page)
    laporan = PublishedLaporanFactory()
    for url in (
        laporan.secret_url(),
        f"{elaga.url}lacak/?kode={laporan.kode_lacak}",
    ):
        for _attempt in range(2):
            response = Client().get(url)
            assert response.status_code == HTTPStatus.OK, url
            assert "X-Cache" not in response, url
            assert "no-store" in response["Cache-Control"], url


@pytest.mark.parametrize("url", ["/akun/masuk/", "/admin/login/", "/api/v2/pages/"])
def test_owner_admin_and_api_paths_are_never_cached(client, home_page, url):
    for _attempt in range(2):
        assert "X-Cache" not in client.get(url)


def test_cache_key_holds_no_cookie_or_reader_data(client, home_page):
    client.cookies["csrftoken"] = "a" * 32
    client.get("/", HTTP_USER_AGENT="Pembaca A")
    other = Client()
    response = other.get("/", HTTP_USER_AGENT="Pembaca B")
    assert response["X-Cache"] == "HIT"
    assert "Set-Cookie" not in response


def test_a_message_waiting_after_a_redirect_is_shown_not_a_cached_page(
    client, home_page
):
    """A form that redirects with a message (a reader's flag, say) to a public
    page: the reader sees the message even when the page is in the cache."""
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest

    client.get("/")
    waiting = CookieStorage(HttpRequest())._encode(
        [Message(constants.SUCCESS, "Terima kasih, tanda Anda tercatat.")]
    )
    reader = Client()
    reader.cookies[CookieStorage.cookie_name] = waiting

    response = reader.get("/")

    assert response.get("X-Cache") != "HIT"
    assert "Terima kasih, tanda Anda tercatat." in response.content.decode()
