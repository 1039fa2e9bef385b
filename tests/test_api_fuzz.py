"""Schemathesis sends generated requests to every operation of the service API's
OpenAPI schema; whatever it sends, the answer is never a server error (5xx).

``API_FUZZ_EXAMPLES`` sets the examples per operation (default 25, so the suite stays
fast; 200 for a thorough run). Generation is derandomized: the same examples every
run, on SQLite and PostgreSQL.
"""

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from config.api import api
from tests.pasar.factories import PasarIndexPageFactory, product_with_photos
from tests.pengaduan.factories import PublishedLaporanFactory

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))

schema = schemathesis.openapi.from_dict(api.get_openapi_schema()).include(
    method=["GET", "HEAD"]
)


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


@pytest.fixture
def demo_data(home_page):
    """A product in the catalogue and a published complaint, so lists are not empty
    and detail addresses can be found."""
    market = PasarIndexPageFactory(parent=home_page)
    product_with_photos(market, photos=1, title="Keripik Pisang Kepok")
    PublishedLaporanFactory()


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_input_makes_a_server_error(case, wsgi_app, demo_data):
    response = case.call(app=wsgi_app, base_url="http://testserver")
    case.validate_response(response, checks=[not_a_server_error])
