"""A report's location: the pin on the form, its checks, and what the public sees of it
(rounded to about 100 m, never for reports that are not public), and the reports
"nearby or similar" offered while typing."""

from datetime import timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pengaduan.location import public_point
from pengaduan.models import Laporan
from portal.models import Desa, PengaturanPortal
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    PublishedLaporanFactory,
    create_elaga_page,
)

pytestmark = pytest.mark.django_db

API = "/api/portal/v1/pengaduan"
#: Stabat, by the bupati's office; a point 0.002 degrees north is about 220 m away.
STABAT = ("3.768421", "98.456789")


@pytest.fixture
def elaga(home_page):
    return create_elaga_page(home_page)


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


@pytest.fixture
def kategori():
    return KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")


@pytest.fixture
def form_data(kategori):
    return {
        "jenis": "pengaduan",
        "kategori": kategori.slug,
        "judul": "Jalan berlubang di depan SD",
        "isi": "Lubang besar membahayakan anak sekolah.",
        "kecamatan": "babalan",
        "desa": str(Desa.objects.get(nama="Brandan Barat").pk),
        "nama_pelapor": "Siti Rahmawati",
        "email": "siti@example.com",
        "setuju": "on",
    }


# ---------- The form ----------


def test_form_offers_plain_coordinates_and_a_map_that_scripts_switch_on(client, elaga):
    html = client.get(elaga.url).content.decode()
    assert 'name="latitude"' in html
    assert 'name="longitude"' in html
    assert 'inputmode="decimal"' in html
    # The map waits for its script: without JavaScript only the inputs show.
    assert "data-map-picker" in html
    assert "Gunakan lokasi saya" in html
    assert 'data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert 'data-attribution="© kontributor OpenStreetMap"' in html
    assert "pengaduan/vendor/leaflet/leaflet.js" in html


def test_tile_server_and_attribution_come_from_the_site_settings(client, elaga):
    settings = PengaturanPortal.for_site(elaga.get_site())
    settings.peta_tile_url = "https://ubin.langkatkab.go.id/{z}/{x}/{y}.png"
    settings.peta_atribusi = "© Diskominfo Langkat"
    settings.save()
    html = client.get(elaga.url).content.decode()
    assert 'data-tile-url="https://ubin.langkatkab.go.id/{z}/{x}/{y}.png"' in html
    assert "© Diskominfo Langkat" in html


@pytest.mark.parametrize(
    "tile_url",
    ["http://tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org/peta.png"],
)
def test_the_tile_url_setting_needs_https_and_the_tile_placeholders(elaga, tile_url):
    settings = PengaturanPortal.for_site(elaga.get_site())
    settings.peta_tile_url = tile_url
    with pytest.raises(ValidationError) as refused:
        settings.full_clean()
    assert "{z}, {x} dan {y}" in refused.value.message_dict["peta_tile_url"][0]


def test_a_pin_in_langkat_is_stored_with_a_decimal_comma_accepted(
    client, elaga, form_data
):
    response = client.post(
        elaga.url, {**form_data, "latitude": "3,7684219", "longitude": "98.456789"}
    )
    assert response.status_code == HTTPStatus.FOUND
    laporan = Laporan.objects.get()
    assert laporan.latitude == Decimal("3.768422")
    assert laporan.longitude == Decimal("98.456789")


def test_a_report_without_a_pin_is_accepted(client, elaga, form_data):
    assert client.post(elaga.url, form_data).status_code == HTTPStatus.FOUND
    assert Laporan.objects.get().latitude is None


@pytest.mark.parametrize(
    ("point", "field", "message"),
    [
        (("-6.175392", "106.827153"), "latitude", "di luar wilayah Kabupaten Langkat"),
        (("3.768421", ""), "longitude", "Isi lintang dan bujur bersama-sama"),
        (("", "98.456789"), "latitude", "Isi lintang dan bujur bersama-sama"),
        (("utara", "98.4"), "latitude", "bilangan"),
    ],
)
def test_a_pin_outside_langkat_or_half_filled_is_refused_keeping_the_input(
    client, elaga, form_data, point, field, message
):
    latitude, longitude = point
    response = client.post(
        elaga.url, {**form_data, "latitude": latitude, "longitude": longitude}
    )
    assert response.status_code == HTTPStatus.OK
    assert message in " ".join(response.context["form"].errors[field])
    html = response.content.decode()
    assert message in html
    assert f'value="{form_data["judul"]}"' in html
    assert not Laporan.objects.exists()


def test_the_service_api_applies_the_same_bounds(client, form_data):
    response = client.post(
        f"{API}/laporan", {**form_data, "latitude": "1.0", "longitude": "98.4"}
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    [error] = response.json()["errors"]
    assert error["field"] == "latitude"
    assert "Langkat" in error["message"]


# ---------- What the public sees ----------


def test_published_report_shows_its_point_rounded_on_a_small_map(client, elaga):
    laporan = PublishedLaporanFactory(latitude=STABAT[0], longitude=STABAT[1])
    html = client.get(url(elaga, "published_detail", laporan.kode_lacak)).content
    html = html.decode()
    assert 'data-lat="3.768"' in html
    assert 'data-lng="98.457"' in html
    assert "mlat=3.768&amp;mlon=98.457" in html
    assert "dibulatkan sekitar 100 m" in html
    assert "3.7684" not in html
    assert "98.4567" not in html


def test_published_report_without_a_pin_loads_no_map(client, elaga):
    laporan = PublishedLaporanFactory()
    html = client.get(url(elaga, "published_detail", laporan.kode_lacak)).content
    assert b"data-map-view" not in html
    assert b"leaflet.js" not in html


@pytest.mark.parametrize(
    "private_fields",
    [
        {"rahasia": True},
        {"disembunyikan": True},
        {"status": "baru"},
    ],
)
def test_a_report_that_is_not_public_never_gives_its_point(private_fields):
    laporan = PublishedLaporanFactory(
        latitude=STABAT[0], longitude=STABAT[1], **private_fields
    )
    assert public_point(laporan) is None


def test_a_never_public_category_never_gives_its_point():
    laporan = PublishedLaporanFactory(
        kategori=KategoriLaporanFactory(slug="kinerja-asn", selalu_rahasia=True),
        latitude=STABAT[0],
        longitude=STABAT[1],
    )
    assert public_point(laporan) is None


def test_api_and_open311_give_the_rounded_point_only(client):
    PublishedLaporanFactory(latitude=STABAT[0], longitude=STABAT[1])
    PublishedLaporanFactory(latitude="3.9", longitude="98.3", rahasia=True)

    [item] = client.get(f"{API}/laporan").json()["items"]
    assert (item["latitude"], item["longitude"]) == (3.768, 98.457)

    [request] = client.get("/open311/v2/requests.json").json()
    assert (request["lat"], request["long"]) == (3.768, 98.457)
    xml = client.get("/open311/v2/requests.xml").content.decode()
    assert "<lat>3.768</lat>" in xml
    assert "3.7684" not in xml


# ---------- Reports nearby or with a similar title ----------


def similar(client, **params):
    response = client.get(f"{API}/laporan-serupa", params)
    assert response.status_code == HTTPStatus.OK, response.content
    return response.json()


def test_nearby_reports_of_the_same_category_within_500_m_of_the_last_30_days(
    client, elaga, kategori
):
    near = PublishedLaporanFactory(
        kategori=kategori, latitude="3.770400", longitude=STABAT[1]
    )
    PublishedLaporanFactory(kategori=kategori, latitude="3.778", longitude=STABAT[1])
    PublishedLaporanFactory(latitude=STABAT[0], longitude=STABAT[1])  # other category
    PublishedLaporanFactory(
        kategori=kategori,
        latitude=STABAT[0],
        longitude=STABAT[1],
        diterima_pada=timezone.now() - timedelta(days=31),
    )
    LaporanFactory(kategori=kategori, latitude=STABAT[0], longitude=STABAT[1])
    PublishedLaporanFactory(
        kategori=kategori, latitude=STABAT[0], longitude=STABAT[1], rahasia=True
    )

    [item] = similar(
        client,
        kategori=kategori.slug,
        latitude=STABAT[0],
        longitude=STABAT[1],
        judul="Lampu",
    )
    assert item["kode_lacak"] == near.kode_lacak
    assert item["jarak_m"] == 180  # from the rounded point 3.770, 98.457
    assert item["tautan"] == url(elaga, "published_detail", near.kode_lacak)
    assert item["jumlah_dukungan"] == 0


def test_similar_titles_are_found_masked_and_without_identity(client, elaga):
    shown = PublishedLaporanFactory(
        judul="Lampu jalan padam di Jalan Sudirman, hubungi 081234567890"
    )
    PublishedLaporanFactory(judul="Sampah menumpuk di pasar")

    [item] = similar(client, judul="lampu jalan padam sejak minggu lalu")
    assert item["kode_lacak"] == shown.kode_lacak
    assert item["jarak_m"] is None
    assert "081234567890" not in item["judul"]
    assert "disamarkan" in item["judul"]
    assert set(item) == {
        "kode_lacak",
        "judul",
        "kategori",
        "kecamatan",
        "status_label",
        "diterima_pada",
        "jarak_m",
        "jumlah_dukungan",
        "tautan",
    }
    assert "Siti" not in str(item)


def test_nothing_to_compare_answers_an_empty_list_without_reading_reports(
    client, django_assert_max_num_queries
):
    PublishedLaporanFactory()
    with django_assert_max_num_queries(0):
        assert similar(client, judul="di ke") == []


def test_coordinates_outside_langkat_are_a_field_error(client, kategori):
    response = client.get(
        f"{API}/laporan-serupa",
        {"kategori": kategori.slug, "latitude": "-6.2", "longitude": "106.8"},
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.json()["errors"][0]["field"] == "latitude"


def test_similar_reports_take_the_same_queries_for_one_or_many(
    client, elaga, kategori, django_assert_max_num_queries
):
    params = {
        "kategori": kategori.slug,
        "latitude": STABAT[0],
        "longitude": STABAT[1],
        "judul": "Jalan berlubang dekat sekolah",
    }
    PublishedLaporanFactory(kategori=kategori, latitude=STABAT[0], longitude=STABAT[1])
    with CaptureQueriesContext(connection) as one:
        assert len(similar(client, **params)) == 1
    for _ in range(8):
        PublishedLaporanFactory(
            kategori=kategori, latitude=STABAT[0], longitude=STABAT[1]
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(similar(client, **params)) == 5
