"""Supporting a published report ("Dukung laporan ini") instead of filing a duplicate:
one support per browser and per address, rate-limited, counted on lists, in the
admin and in the API."""

import uuid
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pengaduan.models import DukunganLaporan, Laporan
from pengaduan.views import SUPPORT_COOKIE
from portal.roles import MODERATOR_PENGADUAN
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    PetugasFactory,
    PublishedLaporanFactory,
    create_elaga_page,
)

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def address():
    """A documentation-range address of its own, so no test shares a rate counter."""
    number = uuid.uuid4().int
    return f"2001:db8::{number % 65536:x}:{(number >> 16) % 65536:x}"


@pytest.fixture
def elaga(home_page):
    return create_elaga_page(home_page)


def detail_url(page, laporan):
    return page.url + page.reverse_subpage(
        "published_detail", args=[laporan.kode_lacak]
    )


def support(client, page, laporan, remote_addr, **extra):
    return client.post(
        detail_url(page, laporan), {"aksi": "dukung"}, REMOTE_ADDR=remote_addr, **extra
    )


def count(laporan):
    laporan.refresh_from_db(fields=["jumlah_dukungan"])
    return laporan.jumlah_dukungan


def test_support_without_javascript_confirms_then_thanks_and_counts(client, elaga):
    laporan = PublishedLaporanFactory()
    detail = detail_url(elaga, laporan)
    page = client.get(detail).content.decode()
    assert "Dukung laporan ini" in page
    assert "0 warga" in page
    assert "csrfmiddlewaretoken" not in page, "the public page stays cacheable"

    confirm = client.get(detail, {"dukung": "1"})
    assert "private" in confirm["Cache-Control"]
    assert 'name="aksi" value="dukung"' in confirm.content.decode()

    response = support(client, elaga, laporan, address())
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{detail}?dukung=1#dukung"
    assert response.cookies[SUPPORT_COOKIE]["httponly"]
    after = client.get(response["Location"]).content.decode()
    assert "Dukungan Anda untuk laporan ini tercatat" in after
    assert "1 warga" in after
    assert count(laporan) == 1


def test_the_support_form_needs_a_csrf_token(elaga):
    laporan = PublishedLaporanFactory()
    strict = Client(enforce_csrf_checks=True)
    response = support(strict, elaga, laporan, address())
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert count(laporan) == 0


def test_one_support_per_browser_even_from_another_network(client, elaga):
    laporan = PublishedLaporanFactory()
    support(client, elaga, laporan, address())
    response = support(client, elaga, laporan, address())  # same cookie
    latest = list(get_messages(response.wsgi_request))[-1]
    assert str(latest) == "Anda sudah mendukung laporan ini."
    assert count(laporan) == 1


def test_one_support_per_address_even_from_another_browser(elaga):
    laporan = PublishedLaporanFactory()
    shared = address()
    support(Client(), elaga, laporan, shared)
    support(Client(), elaga, laporan, shared)
    assert count(laporan) == 1
    support(Client(), elaga, laporan, address())
    assert count(laporan) == 2


def test_only_hashes_of_browser_and_address_are_stored(client, elaga):
    laporan = PublishedLaporanFactory()
    remote = address()
    response = support(client, elaga, laporan, remote)
    token = response.cookies[SUPPORT_COOKIE].value
    row = DukunganLaporan.objects.get()
    assert len(row.penanda_peramban) == len(row.penanda_alamat) == 64
    assert token not in (row.penanda_peramban, row.penanda_alamat)
    assert remote not in (row.penanda_peramban, row.penanda_alamat)


def test_the_form_script_gets_the_new_count_as_json(client, elaga):
    laporan = PublishedLaporanFactory()
    response = support(client, elaga, laporan, address(), **JSON)
    assert response.status_code == HTTPStatus.OK
    assert "private" in response["Cache-Control"]
    assert response.json() == {
        "didukung": True,
        "jumlah_dukungan": 1,
        "pesan": "Terima kasih. Dukungan Anda untuk laporan ini tercatat.",
    }
    again = support(client, elaga, laporan, address(), **JSON).json()
    assert again["didukung"] is False
    assert again["jumlah_dukungan"] == 1


def test_supports_are_rate_limited_per_address(client, elaga, settings):
    settings.PENGADUAN_API_SUBMIT_RATE = "2/hour"
    reports = PublishedLaporanFactory.create_batch(3)
    remote = address()
    for laporan in reports[:2]:
        assert support(Client(), elaga, laporan, remote, **JSON).json()["didukung"]
    refused = support(Client(), elaga, reports[2], remote, **JSON)
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Terlalu banyak dukungan" in refused.json()["pesan"]
    assert count(reports[2]) == 0


@pytest.mark.parametrize(
    "hidden_fields", [{"rahasia": True}, {"status": "baru"}, {"disembunyikan": True}]
)
def test_a_report_that_is_not_public_cannot_be_supported(client, elaga, hidden_fields):
    laporan = PublishedLaporanFactory(**hidden_fields)
    response = support(client, elaga, laporan, address())
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not DukunganLaporan.objects.exists()


def test_supporting_does_not_flag_the_report(client, elaga):
    laporan = PublishedLaporanFactory()
    support(client, elaga, laporan, address())
    laporan.refresh_from_db()
    assert laporan.jumlah_tanda == 0


# ---------- Counts on lists ----------


def published_with_supports(kategori, number):
    for supports in range(number):
        laporan = LaporanFactory(kategori=kategori)
        Laporan.objects.filter(pk=laporan.pk).update(
            status="diverifikasi", jumlah_dukungan=supports
        )


def test_the_published_list_shows_counts_with_constant_queries(
    client, elaga, django_assert_max_num_queries
):
    kategori = KategoriLaporanFactory()
    published_with_supports(kategori, 3)
    list_url = elaga.url + elaga.reverse_subpage("published_list")
    with CaptureQueriesContext(connection) as few:
        html = client.get(list_url).content.decode()
    assert "2 dukungan" in html
    published_with_supports(kategori, 15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(list_url).content.decode()
    assert "14 dukungan" in html


def test_the_api_list_gives_counts_with_constant_queries(
    client, django_assert_max_num_queries
):
    kategori = KategoriLaporanFactory()
    published_with_supports(kategori, 3)
    api = "/api/portal/v1/pengaduan/laporan"
    with CaptureQueriesContext(connection) as few:
        items = client.get(api).json()["items"]
    assert sorted(item["jumlah_dukungan"] for item in items) == [0, 1, 2]
    published_with_supports(kategori, 15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(api).json()["items"]) == 18


def test_moderators_sort_the_admin_list_by_support(client):
    client.force_login(PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN))
    few = LaporanFactory(judul="Sedikit pendukung", jumlah_dukungan=1)
    many = LaporanFactory(judul="Banyak pendukung", jumlah_dukungan=9)
    response = client.get(reverse("laporan:index"), {"ordering": "-jumlah_dukungan"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Dukungan" in html
    assert html.index(many.judul) < html.index(few.judul)
    ascending = client.get(reverse("laporan:index"), {"ordering": "jumlah_dukungan"})
    html = ascending.content.decode()
    assert html.index(few.judul) < html.index(many.judul)
    detail = client.get(reverse("laporan:inspect", args=[many.pk]))
    assert "9 warga" in detail.content.decode()
