"""Schemathesis sends generated requests to every operation of the service API's
OpenAPI schema, reads and writes; whatever it sends, the answer is never a server
error (5xx), and a write answers only the status codes its operation documents.

``API_FUZZ_EXAMPLES`` sets the examples per operation (default 25, so the suite stays
fast; 200 for a thorough run). Generation is derandomized: the same examples every
run, on SQLite and PostgreSQL.

So that generated requests get past the gates to the validation behind them: rate
limits are lifted, requests carry a logged-in e-pasar owner's session and CSRF token,
the honeypot field (``website``) is generated empty except in negative examples, and
a path or body generated as valid names records that exist (the demo data's
service, request, application, category, kecamatan and product); a negative one
keeps what was generated.
"""

import json
import os

import hypothesis
import pytest
import schemathesis
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import Client, override_settings
from schemathesis.checks import not_a_server_error, status_code_conformance
from schemathesis.core.parameters import ParameterLocation
from wagtail.models import Page, Site

from config.api import api
from layanan.choices import StatusPermohonan
from portal.models import Desa
from ppid.choices import KeputusanPermohonan
from tests.factories import HomePageFactory
from tests.layanan.factories import PermohonanFactory, StandarLayananFactory
from tests.pasar.factories import (
    KategoriProdukFactory,
    PasarIndexPageFactory,
    product_with_photos,
)
from tests.pengaduan.factories import KategoriLaporanFactory, PublishedLaporanFactory
from tests.ppid.factories import create_kip_request

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))
READS = ["GET", "HEAD"]
WRITES = ["POST", "PUT", "PATCH", "DELETE"]
#: Any 32 letters and digits serve as the CSRF secret, in the cookie and the header.
CSRF_TOKEN = "fuzz" * 8
#: The generated requests' own client address (a documentation address), so their
#: rate-limit counters are shared with no other test.
FUZZ_CLIENT = "2001:db8::f022"
#: The slug shared by the demo complaint category and product category.
CATEGORY = "fuzz-kategori"
SERVICE = "fuzz-layanan"


def fuzz_schema():
    """The service API's schema with the honeypot only ever valid when empty.

    A copy through JSON: the API shares parts of its schema between calls."""
    openapi = json.loads(json.dumps(api.get_openapi_schema()))
    for operations in openapi["paths"].values():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content", {})
            for media in content.values():
                honeypot = media["schema"].get("properties", {}).get("website")
                if honeypot is not None:
                    honeypot["maxLength"] = 0
    return schemathesis.openapi.from_dict(openapi)


read_schema = fuzz_schema().include(method=READS)
write_schema = fuzz_schema().include(method=WRITES)


@pytest.fixture
def wsgi_app():
    """Django's WSGI application, answering inside the test's transaction: like the
    test client, it does not close the database connection between requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """Records for every operation to find, so lists are not empty and generated
    requests reach validation and the services: a product with its owner, a
    published complaint, a refused KIP request, a live service with a completed
    application. Returns what paths and bodies name, by parameter.

    Made once for the module inside a transaction rolled back at its end; each
    operation's test runs in a savepoint within it. Rate limits are lifted meanwhile.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(
            PENGADUAN_API_SUBMIT_RATE="1000000/hour",
            PENGADUAN_API_READ_RATE="1000000/hour",
        ),
        transaction.atomic(),
    ):
        yield _make_demo_data()
        transaction.set_rollback(True)


def _make_demo_data():
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="beranda")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    market = PasarIndexPageFactory(parent=home)
    product = product_with_photos(market, photos=1, title="Keripik Pisang Kepok")
    PublishedLaporanFactory()
    KategoriLaporanFactory(slug=CATEGORY)
    KategoriProdukFactory(slug=CATEGORY)
    refused = create_kip_request(decided=KeputusanPermohonan.DITOLAK)
    service = StandarLayananFactory(slug=SERVICE)
    completed = PermohonanFactory(layanan=service, status=StatusPermohonan.SELESAI)
    client = Client()
    client.force_login(product.umkm.pemilik)
    return {
        ParameterLocation.PATH: {
            "produk_id": product.pk,
            "nomor": refused.kode_lacak,
            "slug": service.slug,
            "token": completed.token_rahasia,
        },
        ParameterLocation.BODY: {
            "kategori": CATEGORY,
            "kecamatan": "babalan",
            "desa": Desa.objects.get(nama="Brandan Barat").pk,
            "nomor_identitas": refused.nomor_identitas,
            "email": refused.email,
        },
        # The product's owner, logged in on the site: session and CSRF cookies,
        # and the CSRF token.
        "owner": {
            "cookies": {
                settings.SESSION_COOKIE_NAME: client.cookies[
                    settings.SESSION_COOKIE_NAME
                ].value,
                settings.CSRF_COOKIE_NAME: CSRF_TOKEN,
            },
            "headers": {"X-CSRFToken": CSRF_TOKEN},
        },
    }


def name_existing_records(case, demo_data):
    """Point a path or body generated as valid at the demo records."""
    for location, container in (
        (ParameterLocation.PATH, case.path_parameters),
        (ParameterLocation.BODY, case.body),
    ):
        component = case.meta.components.get(location) if case.meta else None
        if component is None or not component.mode.is_positive:
            continue
        if not isinstance(container, dict):
            continue
        for name, value in demo_data[location].items():
            if name in container:
                container[name] = value


def call(case, wsgi_app, demo_data):
    # The WSGI transport sends cookies to "localhost" only (the default site's host).
    return case.call(
        app=wsgi_app,
        base_url="http://localhost",
        environ_base={"REMOTE_ADDR": FUZZ_CLIENT},
        **demo_data["owner"],
    )


FUZZ_SETTINGS = hypothesis.settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)


@pytest.mark.django_db
@read_schema.parametrize()
@FUZZ_SETTINGS
def test_no_input_makes_a_server_error(case, wsgi_app, demo_data):
    response = call(case, wsgi_app, demo_data)
    case.validate_response(response, checks=[not_a_server_error])


@pytest.mark.django_db
@write_schema.parametrize()
@FUZZ_SETTINGS
def test_no_submission_makes_a_server_error_or_an_undocumented_status(
    case, wsgi_app, demo_data
):
    name_existing_records(case, demo_data)
    response = call(case, wsgi_app, demo_data)
    case.validate_response(
        response, checks=[not_a_server_error, status_code_conformance]
    )
