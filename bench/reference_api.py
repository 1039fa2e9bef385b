"""Throughput and query counts of the reference-data API lists."""

from _setup import measure
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client()
for url in [
    "/api/portal/v1/wilayah/kecamatan",
    "/api/portal/v1/wilayah/desa?limit=100",
    "/api/portal/v1/wilayah/kecamatan/stabat",
    "/api/portal/v1/perangkat-daerah",
]:
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST="127.0.0.1")
    measure(
        f"GET {url} [{len(queries)} queries]",
        lambda url=url: client.get(url, HTTP_HOST="127.0.0.1"),
        repeat=300,
    )
