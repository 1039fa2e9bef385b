"""KIP in the service API: requests, objections, tracking, the register, privacy."""

import datetime
import uuid
import zoneinfo
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client
from freezegun import freeze_time

# Build the API's schemas now: under freeze_time, ``datetime.date`` is freezegun's
# class, which pydantic cannot turn into a schema.
import config.api  # noqa: F401
from ppid import services
from ppid.choices import KeputusanPermohonan
from ppid.models import Keberatan, LayananInformasiPage, PermohonanInformasi
from tests.factories import UserFactory
from tests.ppid.factories import (
    DecidedPermohonanFactory,
    PermohonanInformasiFactory,
    PPIDPageFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/portal/v1/informasi-publik"
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")

#: Distinctive identity values: none of them may appear in any API response.
IDENTITY = {
    "nama": "Wiranata Kusumadilaga",
    "alamat": "Gang Kenanga Tujuhbelas, Tanjung Pura",
    "nomor_identitas": "1205014407910003",
    "telepon": "081377700123",
    "email": "wiranata.kusumadilaga@example.com",
    "pekerjaan": "Peneliti Anggaran Mandiri",
}


def at(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=WIB)


@pytest.fixture
def api_client(settings):
    """A client with its own address, so rate limits of other tests never reach it."""
    settings.PENGADUAN_API_SUBMIT_RATE = "1000/hour"
    settings.PENGADUAN_API_READ_RATE = "1000/hour"
    number = uuid.uuid4().int
    address = f"2001:db8::{number % 65536:x}:{(number >> 16) % 65536:x}"
    return Client(REMOTE_ADDR=address)


@pytest.fixture
def valid_data():
    return {
        **IDENTITY,
        "jenis_identitas": "ktp",
        "informasi_diminta": "Salinan DPA Dinas PUPR tahun anggaran 2026.",
        "tujuan": "Pemantauan anggaran pembangunan jalan desa.",
        "cara_memperoleh": "salinan",
        "cara_penyampaian": "email",
    }


def field_messages(response):
    return {error["field"]: error["message"] for error in response.json()["errors"]}


def assert_no_identity(response):
    text = response.content.decode()
    for value in IDENTITY.values():
        assert value not in text, value
    assert "Wiranata" not in text
    assert "Kusumadilaga" not in text


def objection(permohonan, **changes):
    return {
        "nomor_identitas": permohonan.nomor_identitas,
        "email": permohonan.email,
        "alasan": ["a", "e"],
        "uraian": "Informasi yang diminta bukan informasi yang dikecualikan.",
        **changes,
    }


# Submitting a request ------------------------------------------------------------


def test_a_valid_request_is_registered_exactly_once(
    api_client, valid_data, django_capture_on_commit_callbacks
):
    with (
        freeze_time(at(2026, 3, 13)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = api_client.post(f"{API}/permohonan", valid_data)

    assert response.status_code == HTTPStatus.CREATED, response.content
    permohonan = PermohonanInformasi.objects.get()
    assert response.json() == {
        "nomor_registrasi": permohonan.kode_lacak,
        "tautan_rahasia": "",
        "status": "diterima",
        "batas_waktu": "2026-04-06",
    }
    assert permohonan.kode_lacak.startswith("KIP-")
    assert permohonan.nama == IDENTITY["nama"]
    assert permohonan.linimasa.count() == 1
    assert [message.to for message in mail.outbox] == [[IDENTITY["email"]]]
    assert_no_identity(response)


def test_a_multipart_request_is_accepted_too(api_client, valid_data):
    # Django's test client sends multipart/form-data by default.
    response = api_client.post(f"{API}/permohonan", valid_data)
    assert response.status_code == HTTPStatus.CREATED
    assert PermohonanInformasi.objects.count() == 1


def test_a_form_encoded_request_is_accepted(api_client, valid_data):
    response = api_client.post(
        f"{API}/permohonan",
        urlencode(valid_data),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == HTTPStatus.CREATED, response.content
    assert PermohonanInformasi.objects.count() == 1


def test_the_answer_carries_the_absolute_secret_link(api_client, valid_data, home_page):
    ppid = PPIDPageFactory(parent=home_page)
    ppid.add_child(instance=LayananInformasiPage(title="Layanan", slug="layanan"))

    response = api_client.post(f"{API}/permohonan", valid_data)

    assert response.status_code == HTTPStatus.CREATED
    permohonan = PermohonanInformasi.objects.get()
    link = response.json()["tautan_rahasia"]
    assert link.startswith("http://testserver/")
    assert link.endswith(f"/permohonan-saya/{permohonan.token_rahasia}/")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"nomor_identitas": "12345"}, "nomor_identitas", "16 angka"),
        ({"nomor_identitas": "9905015203850002"}, "nomor_identitas", "tidak valid"),
        ({"nama": ""}, "nama", "harus diisi"),
        ({"alamat": ""}, "alamat", "harus diisi"),
        ({"pekerjaan": ""}, "pekerjaan", "harus diisi"),
        ({"informasi_diminta": ""}, "informasi_diminta", "harus diisi"),
        ({"informasi_diminta": "x" * 10_000}, "informasi_diminta", "4000"),
        ({"tujuan": ""}, "tujuan", "harus diisi"),
        ({"nama": "x" * 100_000}, "nama", "150"),
        ({"cara_memperoleh": "telepati"}, "cara_memperoleh", "bukan salah satu"),
        ({"cara_penyampaian": ""}, "cara_penyampaian", "salinan"),
        ({"cara_penyampaian": "merpati"}, "cara_penyampaian", "bukan salah satu"),
        ({"email": "bukan-email"}, "email", "email"),
        ({"email": "", "cara_penyampaian": "pos"}, None, None),
        ({"email": "", "telepon": "", "cara_penyampaian": "pos"}, "__all__", None),
        ({"website": "http://spam.example"}, "__all__", "tidak dapat dikirim"),
        ({"telepon": "12"}, "telepon", "Nomor telepon tidak valid."),
        ({"jenis_identitas": "kartu-anggota"}, "jenis_identitas", "bukan salah satu"),
    ],
)
def test_bad_input_answers_422_with_one_entry_per_field(
    api_client, valid_data, changes, field, message
):
    response = api_client.post(f"{API}/permohonan", {**valid_data, **changes})
    if field is None:  # a valid variant: the telephone alone is enough
        assert response.status_code == HTTPStatus.CREATED, response.content
        return
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY, response.content
    body = response.json()
    assert body["detail"] == "Data yang dikirim tidak valid."
    fields = [error["field"] for error in body["errors"]]
    assert len(fields) == len(set(fields)), "one entry per field"
    assert field in field_messages(response), body
    if message:
        assert message.lower() in field_messages(response)[field].lower(), body
    assert not PermohonanInformasi.objects.exists()


def test_missing_fields_are_each_reported(api_client):
    response = api_client.post(f"{API}/permohonan", {})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert {
        "nama",
        "alamat",
        "nomor_identitas",
        "pekerjaan",
        "informasi_diminta",
        "tujuan",
        "cara_memperoleh",
    } <= set(field_messages(response))


def test_a_json_body_answers_415(api_client, valid_data):
    response = api_client.post(
        f"{API}/permohonan", valid_data, content_type="application/json"
    )
    assert response.status_code == HTTPStatus.UNSUPPORTED_MEDIA_TYPE
    assert response.json()["errors"][0]["field"] == "__all__"
    assert not PermohonanInformasi.objects.exists()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"--batas\r\nrusak", "multipart/form-data; boundary=batas"),
        (b"apa saja", "multipart/form-data"),
        (b"\xff\xfe\x00", "multipart/form-data; boundary=\xff"),
        (b"nama=%ZZ&&&=", "application/x-www-form-urlencoded"),
    ],
)
def test_malformed_bodies_never_answer_500(api_client, body, content_type):
    for path in ("permohonan", "permohonan/KIP-2222-3333/keberatan"):
        response = api_client.generic(
            "POST", f"{API}/{path}", body, content_type=content_type
        )
        assert HTTPStatus.BAD_REQUEST <= response.status_code < 500
        assert "detail" in response.json()
    assert not PermohonanInformasi.objects.exists()


def test_submissions_are_rate_limited_per_address(api_client, settings, valid_data):
    settings.PENGADUAN_API_SUBMIT_RATE = "2/hour"
    for _ in range(2):
        assert api_client.post(f"{API}/permohonan", {}).status_code == 422

    response = api_client.post(f"{API}/permohonan", valid_data)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Retry-After" in response
    assert response.json()["errors"] == []
    assert not PermohonanInformasi.objects.exists()


# Objections ----------------------------------------------------------------------


def test_an_objection_with_the_right_identity_is_filed(api_client):
    with freeze_time(at(2026, 3, 2)):
        permohonan = DecidedPermohonanFactory(**IDENTITY)
    with freeze_time(at(2026, 3, 20)):
        response = api_client.post(
            f"{API}/permohonan/{permohonan.kode_lacak.lower()}/keberatan",
            objection(permohonan),
        )

    assert response.status_code == HTTPStatus.CREATED, response.content
    keberatan = Keberatan.objects.get()
    assert response.json() == {
        "nomor_registrasi": permohonan.kode_lacak,
        "status": "diajukan",
        "batas_waktu": keberatan.batas_waktu.isoformat(),
    }
    assert keberatan.alasan == ["a", "e"]
    assert_no_identity(response)


def test_the_telephone_may_prove_the_identity_instead_of_the_email(api_client):
    permohonan = DecidedPermohonanFactory(**IDENTITY)
    response = api_client.post(
        f"{API}/permohonan/{permohonan.kode_lacak}/keberatan",
        objection(permohonan, email="", telepon="0813-777-00123"),
    )
    assert response.status_code == HTTPStatus.CREATED, response.content


@pytest.mark.parametrize(
    "changes",
    [
        {"nomor_identitas": "1205011203850001"},
        {"email": "orang.lain@example.com"},
        {"email": "", "telepon": "081200000000"},
        {"email": "", "telepon": ""},
        {"nomor_identitas": ""},
        {"email": IDENTITY["email"], "telepon": "081200000000"},
    ],
    ids=[
        "other-id-number",
        "other-email",
        "other-phone",
        "no-contact",
        "no-id-number",
        "one-contact-wrong",
    ],
)
def test_a_wrong_identity_answers_the_same_404_as_an_unknown_number(
    api_client, changes
):
    permohonan = DecidedPermohonanFactory(**IDENTITY)
    response = api_client.post(
        f"{API}/permohonan/{permohonan.kode_lacak}/keberatan",
        objection(permohonan, **changes),
    )
    unknown = api_client.post(
        f"{API}/permohonan/KIP-2222-3333/keberatan", objection(permohonan)
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert (
        response.json()
        == unknown.json()
        == {
            "detail": "Data tidak ditemukan.",
            "errors": [],
        }
    )
    assert not Keberatan.objects.exists()


def test_an_objection_after_30_working_days_is_refused_with_the_reason(api_client):
    with freeze_time(at(2026, 1, 5)):
        permohonan = DecidedPermohonanFactory(**IDENTITY)
    deadline = permohonan.objection_deadline()
    with freeze_time(at(deadline.year, deadline.month, deadline.day)):
        last_day = services.objection_refusal(permohonan)
    assert last_day is None

    day_after = deadline + datetime.timedelta(days=1)
    with freeze_time(at(day_after.year, day_after.month, day_after.day)):
        response = api_client.post(
            f"{API}/permohonan/{permohonan.kode_lacak}/keberatan",
            objection(permohonan),
        )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    body = response.json()
    assert "30 hari kerja" in body["detail"]
    assert body["errors"][0]["code"] == "refused"
    assert not Keberatan.objects.exists()


def test_an_objection_is_refused_while_the_answer_is_not_yet_due(api_client):
    permohonan = PermohonanInformasiFactory(**IDENTITY)
    response = api_client.post(
        f"{API}/permohonan/{permohonan.kode_lacak}/keberatan", objection(permohonan)
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "jangka waktu jawaban" in response.json()["detail"]


def test_a_second_objection_is_refused(api_client):
    permohonan = DecidedPermohonanFactory(**IDENTITY)
    url = f"{API}/permohonan/{permohonan.kode_lacak}/keberatan"
    assert api_client.post(url, objection(permohonan)).status_code == 201
    response = api_client.post(url, objection(permohonan))
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "sudah diajukan" in response.json()["detail"]
    assert Keberatan.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"alasan": []}, "alasan"),
        ({"alasan": ["z"]}, "alasan"),
        ({"uraian": ""}, "uraian"),
        ({"uraian": "x" * 10_000}, "uraian"),
    ],
)
def test_bad_objection_fields_answer_422(api_client, changes, field):
    permohonan = DecidedPermohonanFactory(**IDENTITY)
    response = api_client.post(
        f"{API}/permohonan/{permohonan.kode_lacak}/keberatan",
        objection(permohonan, **changes),
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY, response.content
    assert field in field_messages(response)
    assert not Keberatan.objects.exists()


# Tracking ------------------------------------------------------------------------


def test_tracking_shows_the_decision_and_objection_but_no_identity(api_client):
    with freeze_time(at(2026, 3, 2)):
        permohonan = DecidedPermohonanFactory(
            **IDENTITY,
            keputusan=KeputusanPermohonan.DITOLAK,
            jawaban="Informasi termasuk yang dikecualikan.",
            dasar_penolakan="h",
            uji_konsekuensi="Membuka data mengungkap rahasia pribadi.",
        )
    with freeze_time(at(2026, 3, 9)):
        keberatan = services.file_keberatan(permohonan, ["a"], "Saya keberatan.")
        services.answer_keberatan(
            keberatan, UserFactory(), "ditolak", "Pengecualian sudah tepat."
        )
        response = api_client.get(
            f"{API}/permohonan/ {permohonan.kode_lacak.lower().replace('-', ' ')}"
        )

    assert response.status_code == HTTPStatus.OK, response.content
    body = response.json()
    assert body["nomor_registrasi"] == permohonan.kode_lacak
    assert body["status"] == "diputuskan"
    assert body["diterima_pada"] == "2026-03-02"
    assert body["keputusan"] == "ditolak"
    assert body["dasar_penolakan"] == "h"
    assert body["dasar_penolakan_label"]
    assert body["jawaban"] == "Informasi termasuk yang dikecualikan."
    assert body["keberatan"]["status"] == "dijawab"
    assert body["keberatan"]["putusan"] == "ditolak"
    assert body["keberatan"]["tanggapan"] == "Pengecualian sudah tepat."
    assert body["keberatan"]["alasan"] == ["a"]
    assert "uraian" not in body["keberatan"]
    assert_no_identity(response)


def test_tracking_an_open_request_shows_its_deadline(api_client):
    with freeze_time(at(2026, 3, 13)):
        permohonan = services.submit_permohonan(
            PermohonanInformasiFactory.build(**IDENTITY)
        )
        body = api_client.get(f"{API}/permohonan/{permohonan.kode_lacak}").json()
    assert body["status"] == "diterima"
    assert body["batas_waktu"] == "2026-04-06"
    assert body["terlambat"] is False
    assert body["keputusan"] == ""
    assert body["keberatan"] is None


def test_tracking_an_unknown_number_answers_404(api_client):
    response = api_client.get(f"{API}/permohonan/KIP-2222-3333")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": "Data tidak ditemukan.", "errors": []}
    long = api_client.get(f"{API}/permohonan/{'K' * 5000}")
    assert long.status_code == HTTPStatus.NOT_FOUND


# The register --------------------------------------------------------------------


def test_the_register_lists_requests_with_days_taken_and_no_identity(api_client):
    with freeze_time(at(2026, 3, 2)):
        decided = DecidedPermohonanFactory(**IDENTITY, diputuskan_pada=at(2026, 3, 5))
    with freeze_time(at(2026, 3, 10)):
        waiting = PermohonanInformasiFactory(**IDENTITY)

    response = api_client.get(f"{API}/register")

    assert response.status_code == HTTPStatus.OK, response.content
    body = response.json()
    assert body["count"] == 2
    assert [item["nomor_registrasi"] for item in body["items"]] == [
        waiting.kode_lacak,
        decided.kode_lacak,
    ]
    row = body["items"][1]
    assert row == {
        "nomor_registrasi": decided.kode_lacak,
        "ringkasan_publik": "",
        "diterima_pada": "2026-03-02",
        "status": "diputuskan",
        "status_label": "Diputuskan",
        "keputusan": "seluruhnya",
        "keputusan_label": "Diberikan seluruhnya",
        "hari_kerja": 3,
    }
    assert body["items"][0]["hari_kerja"] is None
    assert_no_identity(response)


def test_the_register_filters_by_year_status_and_decision(api_client):
    with freeze_time(at(2025, 12, 1)):
        old = DecidedPermohonanFactory()
    with freeze_time(at(2026, 2, 2)):
        refused = DecidedPermohonanFactory(keputusan=KeputusanPermohonan.TIDAK_DIKUASAI)
        waiting = PermohonanInformasiFactory()

    def numbers(**params):
        response = api_client.get(f"{API}/register", params)
        assert response.status_code == HTTPStatus.OK, response.content
        return {item["nomor_registrasi"] for item in response.json()["items"]}

    assert numbers(tahun=2025) == {old.kode_lacak}
    assert numbers(tahun=2026) == {refused.kode_lacak, waiting.kode_lacak}
    assert numbers(status="diterima") == {waiting.kode_lacak}
    assert numbers(keputusan="tidak_dikuasai") == {refused.kode_lacak}
    for bad in ({"tahun": "dulu"}, {"status": "hilang"}, {"keputusan": "mungkin"}):
        response = api_client.get(f"{API}/register", bad)
        assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
        assert set(field_messages(response)) == set(bad)


def test_the_register_keeps_a_constant_number_of_queries(
    api_client, django_assert_num_queries
):
    DecidedPermohonanFactory.create_batch(2)
    PermohonanInformasiFactory()
    # count, page, the admins' closures for the working-day calendar
    with django_assert_num_queries(3):
        small = api_client.get(f"{API}/register", {"limit": 100})
    DecidedPermohonanFactory.create_batch(30)
    PermohonanInformasiFactory.create_batch(7)
    with django_assert_num_queries(3):
        large = api_client.get(f"{API}/register", {"limit": 100})
    assert small.json()["count"] == 3
    assert len(large.json()["items"]) == 40


# The schema ----------------------------------------------------------------------


def test_the_schema_lists_the_endpoints_without_identity_in_the_register(api_client):
    schema = api_client.get("/api/portal/v1/openapi.json").json()
    paths = schema["paths"]
    submit = paths[f"{API}/permohonan"]["post"]
    assert submit["tags"] == ["Informasi publik (KIP)"]
    for status in ("201", "422", "429"):
        assert status in submit["responses"]
    form = submit["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert {"nama", "nomor_identitas", "informasi_diminta"} <= set(form["properties"])
    assert "$defs" not in form
    objection_post = paths[f"{API}/permohonan/{{nomor}}/keberatan"]["post"]
    assert "404" in objection_post["responses"]
    assert f"{API}/permohonan/{{nomor}}" in paths
    register = paths[f"{API}/register"]["get"]
    assert {"limit", "offset", "tahun", "status", "keputusan"} <= {
        parameter["name"] for parameter in register["parameters"]
    }
    components = schema["components"]["schemas"]
    for name in ("RegisterOut", "StatusPermohonanOut", "KeberatanStatusOut"):
        shown = set(components[name]["properties"])
        assert (
            not {
                "nama",
                "alamat",
                "nomor_identitas",
                "telepon",
                "email",
                "pekerjaan",
                "uraian",
            }
            & shown
        ), name
