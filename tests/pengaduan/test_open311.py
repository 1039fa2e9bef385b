"""Open311 GeoReport v2: the spec's names, formats, filters, limits, errors and keys."""

import datetime
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from pengaduan.choices import StatusLaporan
from pengaduan.models import KunciOpen311, Laporan
from pengaduan.open311.keys import create_key, find_key, generate_key
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    PublishedLaporanFactory,
)

pytestmark = pytest.mark.django_db

OPEN311 = "/open311/v2"
SERVICE_FIELDS = [
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
]
REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]


def parse_xml(content):
    """Our own answers are trusted; the standard library parses them."""
    return ET.fromstring(content)  # noqa: S314


def get(client, path, response_format, params=None):
    """The parsed answer: JSON, or the XML root element."""
    response = client.get(f"{OPEN311}/{path}.{response_format}", params or {})
    if response_format == "xml":
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
        return response, parse_xml(response.content)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response, json.loads(response.content)


def xml_items(root, item_tag):
    return [{child.tag: child.text or "" for child in item} for item in root]


@pytest.fixture
def kategori():
    return KategoriLaporanFactory(
        slug="jalan-rusak", nama="Jalan rusak", deskripsi="Jalan berlubang"
    )


@pytest.fixture
def api_key():
    return create_key("Aplikasi Mitra")[1]


@pytest.fixture
def request_data(kategori, api_key):
    return {
        "api_key": api_key,
        "service_code": "jalan-rusak",
        "lat": "3.75123456789",
        "long": "98.41234567",
        "description": "Jalan berlubang dalam di depan pasar.",
        "first_name": "Budi",
        "last_name": "Santoso",
        "email": "budi@example.com",
        "phone": "081298765432",
        "attribute[kecamatan]": "babalan",
        "media_url": "http://example.com/foto.jpg",
    }


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_discovery_names_the_spec_and_both_formats(client, response_format):
    response, body = get(client, "discovery", response_format)
    assert response.status_code == HTTPStatus.OK
    if response_format == "xml":
        assert body.tag == "discovery"
        endpoint = body.find("endpoints/endpoint")
        assert (
            endpoint.findtext("specification") == "http://wiki.open311.org/GeoReport_v2"
        )
        assert endpoint.findtext("url") == "http://testserver/open311/v2/"
        assert [item.text for item in endpoint.find("formats")] == [
            "text/xml",
            "application/json",
        ]
    else:
        assert {"changeset", "contact", "key_service", "endpoints"} <= set(body)
        assert body["endpoints"][0]["url"] == "http://testserver/open311/v2/"


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_services_are_the_active_categories_with_the_spec_fields(
    client, kategori, response_format
):
    KategoriLaporanFactory(slug="lama", aktif=False)
    response, body = get(client, "services", response_format)
    assert response.status_code == HTTPStatus.OK
    if response_format == "xml":
        assert body.tag == "services"
        assert [item.tag for item in body] == ["service"]
        services = xml_items(body, "service")
        assert services[0]["metadata"] == "true"
    else:
        services = body
        assert services[0]["metadata"] is True
    assert list(services[0]) == SERVICE_FIELDS
    assert services[0]["service_code"] == "jalan-rusak"
    assert services[0]["service_name"] == "Jalan rusak"
    assert services[0]["type"] == "realtime"


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_a_service_definition_describes_our_attributes(
    client, kategori, response_format
):
    response, body = get(client, "services/jalan-rusak", response_format)
    assert response.status_code == HTTPStatus.OK
    if response_format == "xml":
        assert body.tag == "service_definition"
        assert body.findtext("service_code") == "jalan-rusak"
        attribute = body.find("attributes/attribute")
        assert [child.tag for child in attribute] == [
            "variable",
            "code",
            "datatype",
            "required",
            "datatype_description",
            "order",
            "description",
            "values",
        ]
        assert attribute.findtext("code") == "kecamatan"
        assert attribute.findtext("required") == "true"
        values = attribute.findall("values/value")
        assert len(values) == 23
        assert values[0].findtext("key") == "babalan"
        assert values[0].findtext("name") == "Babalan"
    else:
        codes = [attribute["code"] for attribute in body["attributes"]]
        assert codes == ["kecamatan", "jenis", "judul", "anonim", "rahasia"]
        assert body["attributes"][0]["datatype"] == "singlevaluelist"


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_unknown_service_answers_404_with_the_spec_errors(client, response_format):
    response, body = get(client, "services/tidak-ada", response_format)
    assert response.status_code == HTTPStatus.NOT_FOUND
    if response_format == "xml":
        assert body.tag == "errors"
        assert body.find("error").findtext("code") == "404"
        assert body.find("error").findtext("description")
    else:
        assert body == [{"code": 404, "description": "service_code tidak ditemukan."}]


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_requests_list_published_reports_with_the_spec_fields(
    client, kategori, response_format
):
    shown = PublishedLaporanFactory(
        kategori=kategori, alamat="Jl. Pasar", latitude="3.751234", longitude="98.4"
    )
    shown.linimasa.create(message="Sedang diperiksa petugas.")
    LaporanFactory(kategori=kategori)  # baru: not published
    PublishedLaporanFactory(kategori=kategori, rahasia=True)

    response, body = get(client, "requests", response_format)

    assert response.status_code == HTTPStatus.OK
    if response_format == "xml":
        assert body.tag == "service_requests"
        assert [item.tag for item in body] == ["request"]
        items = xml_items(body, "request")
        assert items[0]["lat"] == "3.751"  # rounded to about 100 m
    else:
        items = body
        assert items[0]["lat"] == pytest.approx(3.751)  # rounded to about 100 m
    assert len(items) == 1
    item = items[0]
    assert list(item) == REQUEST_FIELDS
    assert item["service_request_id"] == shown.kode_lacak
    assert item["status"] == "open"
    assert item["status_notes"] == "Sedang diperiksa petugas."
    assert item["service_code"] == "jalan-rusak"
    assert item["address"] == "Jl. Pasar"
    assert item["zipcode"] == "20857"
    assert item["requested_datetime"].endswith("+07:00")


def test_statuses_map_to_open_and_closed_and_filter(client, kategori):
    open_codes = {
        PublishedLaporanFactory(kategori=kategori, status=status).kode_lacak
        for status in (
            StatusLaporan.DIVERIFIKASI,
            StatusLaporan.DIDISPOSISIKAN,
            StatusLaporan.DITINDAKLANJUTI,
        )
    }
    closed_codes = {
        PublishedLaporanFactory(kategori=kategori, status=status).kode_lacak
        for status in (StatusLaporan.SELESAI, StatusLaporan.DITUTUP)
    }
    _, opened = get(client, "requests", "json", {"status": "open"})
    _, closed = get(client, "requests", "json", {"status": "closed"})
    _, both = get(client, "requests", "json", {"status": "open,closed"})
    assert {item["service_request_id"] for item in opened} == open_codes
    assert {item["service_request_id"] for item in closed} == closed_codes
    assert {item["status"] for item in closed} == {"closed"}
    assert len(both) == 5


def test_requests_filter_by_service_code_and_id_list(client, kategori):
    air = KategoriLaporanFactory(slug="air-bersih")
    first = PublishedLaporanFactory(kategori=kategori)
    second = PublishedLaporanFactory(kategori=air)
    PublishedLaporanFactory(kategori=air)
    _, by_code = get(client, "requests", "json", {"service_code": "jalan-rusak"})
    assert [item["service_request_id"] for item in by_code] == [first.kode_lacak]
    ids = f"{first.kode_lacak.lower()},{second.kode_lacak}, LGK-2222-2222"
    # A list of ids overrides the other arguments.
    _, by_ids = get(
        client, "requests", "json", {"service_request_id": ids, "status": "closed"}
    )
    assert {item["service_request_id"] for item in by_ids} == {
        first.kode_lacak,
        second.kode_lacak,
    }


def test_requests_default_to_the_last_90_days_and_filter_by_date(client, kategori):
    now = timezone.now()
    recent = PublishedLaporanFactory(
        kategori=kategori, diterima_pada=now - datetime.timedelta(days=10)
    )
    old = PublishedLaporanFactory(
        kategori=kategori, diterima_pada=now - datetime.timedelta(days=120)
    )
    _, default = get(client, "requests", "json")
    assert [item["service_request_id"] for item in default] == [recent.kode_lacak]
    start = (now - datetime.timedelta(days=130)).strftime("%Y-%m-%dT%H:%M:%S+07:00")
    end = (now - datetime.timedelta(days=100)).strftime("%Y-%m-%dT%H:%M:%SZ")
    _, window = get(client, "requests", "json", {"start_date": start, "end_date": end})
    assert [item["service_request_id"] for item in window] == [old.kode_lacak]
    _, from_start = get(client, "requests", "json", {"start_date": start})
    assert [item["service_request_id"] for item in from_start] == [old.kode_lacak]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start_date": "kemarin"}, "start_date"),
        ({"end_date": "2026-13-45T00:00:00Z"}, "end_date"),
        (
            {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
            "90 hari",
        ),
        (
            {"start_date": "2026-02-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},
            "sebelum",
        ),
        ({"status": "pending"}, "status"),
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"limit": "banyak"}, "limit"),
    ],
)
@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_bad_filters_answer_400_with_the_spec_errors(
    client, params, message, response_format
):
    response, body = get(client, "requests", response_format, params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    if response_format == "xml":
        body = [
            {
                "code": int(error.findtext("code")),
                "description": error.findtext("description"),
            }
            for error in body
        ]
    assert body[0]["code"] == 400
    assert message in body[0]["description"]


def test_requests_are_limited(client, kategori):
    PublishedLaporanFactory.create_batch(55, kategori=kategori)
    _, default = get(client, "requests", "json")
    _, three = get(client, "requests", "json", {"limit": "3"})
    _, many = get(client, "requests", "json", {"limit": "1000"})
    assert (len(default), len(three), len(many)) == (50, 3, 55)


def test_requests_keep_a_constant_number_of_queries(
    client, kategori, django_assert_num_queries
):
    PublishedLaporanFactory.create_batch(3, kategori=kategori)
    with django_assert_num_queries(1):
        client.get(f"{OPEN311}/requests.xml")
    PublishedLaporanFactory.create_batch(37, kategori=kategori)
    with django_assert_num_queries(1):
        response = client.get(f"{OPEN311}/requests.json")
    assert len(response.json()) == 40


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_one_request_by_id_and_unpublished_ones_are_not_found(
    client, kategori, response_format
):
    shown = PublishedLaporanFactory(kategori=kategori)
    hidden = LaporanFactory(kategori=kategori)
    response, body = get(client, f"requests/{shown.kode_lacak}", response_format)
    assert response.status_code == HTTPStatus.OK
    if response_format == "xml":
        assert body.find("request").findtext("service_request_id") == shown.kode_lacak
    else:
        assert [item["service_request_id"] for item in body] == [shown.kode_lacak]
    response, _ = get(client, f"requests/{hidden.kode_lacak}", response_format)
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_posting_a_request_creates_one_report_and_a_token(
    client, request_data, api_key
):
    response = client.post(f"{OPEN311}/requests.json", request_data)

    assert response.status_code == HTTPStatus.CREATED, response.content
    [answer] = response.json()
    assert list(answer) == [
        "service_request_id",
        "token",
        "service_notice",
        "account_id",
    ]
    laporan = Laporan.objects.get()
    assert answer["service_request_id"] == laporan.kode_lacak
    assert answer["service_notice"]
    assert laporan.nama_pelapor == "Budi Santoso"
    assert laporan.kecamatan.slug == "babalan"
    assert laporan.judul == "Jalan berlubang dalam di depan pasar."
    assert str(laporan.latitude) == "3.751235"
    assert laporan.status == StatusLaporan.BARU
    assert find_key(api_key).terakhir_dipakai is not None

    token_response, body = get(client, f"tokens/{answer['token']}", "xml")
    assert token_response.status_code == HTTPStatus.OK
    assert body.find("request").findtext("service_request_id") == laporan.kode_lacak
    assert body.find("request").findtext("token") == answer["token"]


def test_posting_in_xml_answers_in_xml(client, request_data):
    response = client.post(f"{OPEN311}/requests.xml", request_data)
    assert response.status_code == HTTPStatus.CREATED
    root = parse_xml(response.content)
    assert root.tag == "service_requests"
    assert root.find("request").findtext("service_request_id") == (
        Laporan.objects.get().kode_lacak
    )


@pytest.mark.parametrize("key", ["", "kunci-palsu", "x" * 5000])
def test_posting_with_an_unknown_key_answers_403(client, request_data, key):
    response = client.post(f"{OPEN311}/requests.json", {**request_data, "api_key": key})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.json()[0]["code"] == 403
    assert not Laporan.objects.exists()


def test_posting_with_an_inactive_key_answers_403(client, request_data, api_key):
    KunciOpen311.objects.update(aktif=False)
    response = client.post(f"{OPEN311}/requests.xml", request_data)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert parse_xml(response.content).find("error").findtext("code") == "403"
    assert not Laporan.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"attribute[kecamatan]": ""}, "attribute[kecamatan]"),
        ({"service_code": ""}, "service_code"),
        ({"lat": "", "long": ""}, "Lokasi"),
        ({"service_code": "tidak-ada"}, "service_code: "),
        ({"attribute[kecamatan]": "atlantis"}, "attribute[kecamatan]: "),
        ({"description": ""}, "description: "),
        ({"description": "x" * 10_000}, "description: "),
        ({"first_name": "", "last_name": ""}, "first_name: "),
        ({"email": "", "phone": ""}, "email atau nomor telepon"),
        ({"phone": "12", "email": ""}, "phone: "),
        ({"lat": "utara"}, "lat: "),
        ({"attribute[jenis]": "pujian"}, "attribute[jenis]: "),
    ],
)
def test_invalid_requests_answer_400_with_the_spec_errors(
    client, request_data, changes, message
):
    response = client.post(f"{OPEN311}/requests.json", {**request_data, **changes})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    body = response.json()
    assert all(error["code"] == 400 for error in body)
    assert any(message in error["description"] for error in body), body
    assert not Laporan.objects.exists()


def test_an_address_string_is_enough_as_location(client, request_data):
    data = {**request_data, "lat": "", "long": "", "address_string": "Pasar Babalan"}
    response = client.post(f"{OPEN311}/requests.json", data)
    assert response.status_code == HTTPStatus.CREATED
    assert Laporan.objects.get().alamat == "Pasar Babalan"


def test_malformed_post_bodies_never_answer_500(client):
    response = client.generic(
        "POST",
        f"{OPEN311}/requests.json",
        b"--batas\r\nrusak",
        content_type="multipart/form-data; boundary=batas",
    )
    assert response.status_code in (HTTPStatus.BAD_REQUEST, HTTPStatus.FORBIDDEN)


@pytest.mark.parametrize("token", ["palsu", "IkxHSy0yMjIyLTIyMjIi:1xX203:palsu"])
def test_unknown_tokens_answer_404(client, token):
    response, body = get(client, f"tokens/{token}", "json")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert body[0]["code"] == 404


def test_unknown_paths_and_methods_answer_in_the_error_format(client):
    response, body = get(client, "requests/tidak/ada", "xml")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert body.tag == "errors"
    response = client.put(f"{OPEN311}/requests.json")
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert response["Allow"] == "GET, POST"
    response = client.post(f"{OPEN311}/services.json")
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_generated_keys_are_random_and_only_their_hash_is_stored():
    key, prefix, digest = generate_key()
    assert len(key) >= 43
    assert prefix == key[:8]
    assert digest == hashlib.sha256(key.encode()).hexdigest()
    assert generate_key()[0] != key

    kunci, key = create_key("Aplikasi Kecamatan")
    stored = KunciOpen311.objects.get(pk=kunci.pk)
    assert stored.awalan == key[:8]
    assert stored.hash_kunci == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {str(value) for value in vars(stored).values()}
    assert find_key(key) == stored
    assert find_key(key + "x") is None


def test_the_admin_shows_a_new_key_once_and_stores_only_its_hash(admin_client):
    response = admin_client.post(
        reverse("kunciopen311:add"), {"nama": "Aplikasi Mitra", "aktif": "on"}
    )
    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    key = re.search(r'id="api-key"[^>]*value="([^"]+)"', html).group(1)
    kunci = KunciOpen311.objects.get()
    assert kunci.awalan == key[:8]
    assert kunci.hash_kunci == hashlib.sha256(key.encode()).hexdigest()
    listing = admin_client.get(reverse("kunciopen311:index")).content.decode()
    assert "Aplikasi Mitra" in listing
    assert key not in listing

    admin_client.post(reverse("kunciopen311:edit", args=[kunci.pk]), {"nama": "Mitra"})
    kunci.refresh_from_db()
    assert (kunci.nama, kunci.aktif) == ("Mitra", False)
    assert find_key(key) == kunci
