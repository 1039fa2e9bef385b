"""Throughput and query counts of the e-pasar catalogue and the e-kecamatan lists.

Runs against the development database; load the demo first (``make run`` or
``manage.py load_demo_data``) so the lists have rows.
"""

from _setup import measure
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from layanan.ikm import summarise, summarise_by
from layanan.models import SurveiIKM

client = Client()
for url in [
    "/e-pasar/",
    "/e-pasar/?urutkan=termurah&harga_min=10000",
    "/e-pasar/?q=keripik",
    "/api/portal/v1/pasar/produk?limit=50",
    "/api/v2/pages/?type=pasar.ProdukPage&limit=20",
    "/e-kecamatan/",
    "/e-kecamatan/ikm/",
    "/api/portal/v1/e-kecamatan/layanan/",
    "/api/portal/v1/e-kecamatan/ikm/",
]:
    # The first request may create image renditions; the figures are for later ones.
    client.get(url, HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url, HTTP_HOST="127.0.0.1").status_code
    measure(
        f"GET {url} [{status}, {len(queries)} queries]",
        lambda url=url: client.get(url, HTTP_HOST="127.0.0.1"),
        repeat=50,
    )

surveys = SurveiIKM.objects.all()
print(f"IKM over {surveys.count()} survey answers:")
measure("  summarise (one aggregate query)", lambda: summarise(surveys), repeat=200)
measure(
    "  summarise_by kecamatan (one grouped query)",
    lambda: summarise_by(surveys, "kecamatan"),
    repeat=200,
)
