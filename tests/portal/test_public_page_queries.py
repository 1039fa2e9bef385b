"""Every public page and API list renders in at most 15 SQL queries, however many
rows exist (issue 14): measured on the demo site, then again with many more
reports, applications, products, DIP items and KIP requests (the scale generator)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pasar.models import ProdukPage
from pengaduan.models import ELagaIndexPage
from ppid.models import InformasiPublikIndexPage, InformasiPublikPage

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15


def _route(model, name):
    page = model.objects.live().first()
    return page.url + page.reverse_subpage(name)


def public_urls():
    """The pages issue 14 names, the search page and the API lists."""
    return [
        "/",
        "/berita/",
        _route(InformasiPublikIndexPage, "dip_index"),
        InformasiPublikPage.objects.live().order_by("-pk").first().url,
        "/e-pasar/",
        ProdukPage.objects.visible_to_public().order_by("-pk").first().url,
        "/e-kecamatan/",
        "/e-kecamatan/ikm/",
        _route(ELagaIndexPage, "published_list"),
        _route(ELagaIndexPage, "statistics"),
        "/cari/?q=jalan",
        "/api/v2/pages/",
        "/api/portal/v1/pasar/produk",
        "/api/portal/v1/pengaduan/laporan",
        "/open311/v2/requests.json",
    ]


def count_queries(client, urls):
    """{url: queries} for a rendering of each page after a first one (which fills
    the values every page shares)."""
    counts = {}
    for url in urls:
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries.captured_queries)
    return counts


def test_public_pages_keep_within_15_queries_from_demo_to_many_rows(client, settings):
    settings.PAGE_CACHE_ENABLED = False  # rendering is measured, not the page cache
    call_command("load_demo_data", stdout=io.StringIO())
    urls = public_urls()
    few = count_queries(client, urls)
    call_command(
        "generate_scale_data",
        "--laporan", "400", "--permohonan", "150", "--produk", "60", "--dip", "80",
        "--kip", "60",
        stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    many = count_queries(client, urls)
    over = {url: count for url, count in many.items() if count > MAX_QUERIES}
    assert not over, f"more than {MAX_QUERIES} queries: {over}"
    grown = {url: (few[url], many[url]) for url in few if many[url] > few[url]}
    assert not grown, f"queries grew with the rows: {grown}"
