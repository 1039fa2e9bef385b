"""CPU ms and SQL queries per public page, uncached and from the page cache; the
statistics behind the e-laga, home, IKM and KIP figures, uncached.

Runs in-process (Django's test client, the settings of DJANGO_SETTINGS_MODULE) against
the configured database; for the figures at regency scale fill it first:

    manage.py load_demo_data
    manage.py generate_scale_data --laporan 100000 --permohonan 50000 \\
        --produk 10000 --dip 5000 --kip 10000

CPU ms is the process time per request (server work plus the test client's small
share), the figure that stays stable on a shared machine.
"""

import time

from _setup import measure
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

from layanan.ikm import summarise, summarise_by
from layanan.models import SurveiIKM
from pasar.models import ProdukPage
from pengaduan.models import ELagaIndexPage, Laporan
from pengaduan.statistics import compute_statistics, period_total
from ppid.models import InformasiPublikIndexPage, InformasiPublikPage
from ppid.report import yearly_report

REPEAT = 20
HOST = {"HTTP_HOST": "127.0.0.1"}


def _route(model, name):
    page = model.objects.live().first()
    return page.url + page.reverse_subpage(name) if page else None


def _public_urls():
    product = ProdukPage.objects.live().order_by("-pk").first()
    item = InformasiPublikPage.objects.live().order_by("-pk").first()
    urls = [
        "/",
        "/berita/",
        _route(InformasiPublikIndexPage, "dip_index"),
        item.url if item else None,
        "/e-pasar/",
        product.url if product else None,
        "/e-kecamatan/",
        "/e-kecamatan/ikm/",
        _route(ELagaIndexPage, "published_list"),
        _route(ELagaIndexPage, "statistics"),
        "/cari/?q=jalan",
    ]
    return [url for url in urls if url]


def cpu_ms(function, repeat=REPEAT):
    started = time.process_time()
    for _ in range(repeat):
        function()
    return (time.process_time() - started) * 1000 / repeat


def pages():
    client = Client()
    print(f"{'page':<58} {'status':>6} {'queries':>7} {'uncached':>10} {'cached':>9}")
    for url in _public_urls():
        # The first request may create image renditions; the figures are for later ones.
        with override_settings(PAGE_CACHE_ENABLED=False):
            client.get(url, **HOST)
            queries = []
            # Counted by a wrapper: each request resets connection.queries.
            with connection.execute_wrapper(
                lambda execute, sql, *args, seen=queries: (
                    seen.append(sql) or execute(sql, *args)
                )
            ):
                status = client.get(url, **HOST).status_code
            uncached = cpu_ms(lambda url=url: client.get(url, **HOST))
        cache.clear()
        response = client.get(url, **HOST)
        cached = cpu_ms(lambda url=url: client.get(url, **HOST), repeat=REPEAT * 10)
        hit = client.get(url, **HOST).get("X-Cache", "-")
        print(
            f"{url[:58]:<58} {status:>6} {len(queries):>7} {uncached:>8.1f}ms "
            f"{cached:>6.2f}ms ({response.get('X-Cache', '-')}→{hit})"
        )


def figures():
    today = timezone.localdate()
    print(
        f"\nStatistics over {Laporan.objects.count()} reports, "
        f"{SurveiIKM.objects.count()} IKM answers (uncached):"
    )
    measure(
        f"  e-laga statistics, year {today.year}",
        lambda: compute_statistics(today.year, today=today),
        repeat=REPEAT,
    )
    measure(
        f"  e-laga statistics, year {today.year - 1}",
        lambda: compute_statistics(today.year - 1, today=today),
        repeat=REPEAT,
    )
    measure(
        "  home page figures (this month)",
        lambda: period_total(today.year, today.month),
        repeat=REPEAT,
    )
    surveys = SurveiIKM.objects.all()
    measure("  IKM summary", lambda: summarise(surveys), repeat=REPEAT)
    measure(
        "  IKM per kecamatan",
        lambda: summarise_by(surveys, "kecamatan"),
        repeat=REPEAT,
    )
    measure(
        f"  KIP yearly report {today.year - 1}",
        lambda: yearly_report(today.year - 1, today=today),
        repeat=REPEAT,
    )


if __name__ == "__main__":
    pages()
    figures()
