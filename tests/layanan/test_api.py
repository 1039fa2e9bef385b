"""e-kecamatan in the service API: services, applications, tracking, surveys, IKM."""

import datetime
import json
import uuid
from http import HTTPStatus
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time
from PIL import Image

from layanan import services
from layanan.choices import StatusPermohonan
from layanan.models import Permohonan, SurveiIKM
from portal.models import Desa, Kecamatan
from tests.factories import UserFactory
from tests.layanan.factories import (
    PermohonanFactory,
    SelesaiPermohonanFactory,
    StandarLayananFactory,
    SurveiIKMFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/portal/v1/e-kecamatan"
IDENTITY = {
    "nama": "Rina Sembiring",
    "nik": "1205015203850002",
    "telepon": "081234567890",
    "email": "rina.sembiring@example.com",
    "alamat": "Jl. Pelabuhan No. 12, Pangkalan Brandan",
}


def client_address():
    """A documentation-range address of its own, so no test shares a rate limit."""
    number = uuid.uuid4().int
    return f"2001:db8::{number % 65536:x}:{(number >> 16) % 65536:x}"


@pytest.fixture
def api_client(settings):
    settings.PENGADUAN_API_SUBMIT_RATE = "1000/hour"
    settings.PENGADUAN_API_READ_RATE = "1000/hour"
    address = client_address()
    return Client(REMOTE_ADDR=address)


def jpeg(name="ktp.jpg"):
    buffer = BytesIO()
    Image.new("RGB", (32, 24), "blue").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def layanan():
    return StandarLayananFactory(slug="domisili", nama="Surat Keterangan Domisili")


def field(service, kind):
    return next(block for block in service.isian if block.block_type == kind)


def valid_data(service):
    """Every required field of the factory's service, with valid values."""
    uploads = service.unggahan_persyaratan
    return {
        "kecamatan": "babalan",
        "desa": str(Desa.objects.get(nama="Brandan Barat").pk),
        **IDENTITY,
        "setuju": "on",
        f"syarat_{uploads[0].id}": jpeg("ktp.jpg"),
        f"syarat_{uploads[1].id}": jpeg("kk.jpg"),
        f"isian_{field(service, 'teks').id}": "Melamar pekerjaan",
        f"isian_{field(service, 'angka').id}": "4",
        f"isian_{field(service, 'tanggal').id}": "2020-01-15",
        f"isian_{field(service, 'pilihan').id}": "Sewa",
    }


def errors_by_field(response):
    return {error["field"]: error["message"] for error in response.json()["errors"]}


def assert_no_identity(text):
    for value in IDENTITY.values():
        assert value not in text
    assert "Rina" not in text


# Services ------------------------------------------------------------------------


def test_the_service_list_shows_every_component_and_form_field(api_client, layanan):
    StandarLayananFactory(slug="draf", nama="Layanan draf", live=False)
    response = api_client.get(f"{API}/layanan/")
    assert response.status_code == HTTPStatus.OK
    [service] = response.json()
    assert service["slug"] == "domisili"
    assert service["dasar_hukum"].startswith("<p>Perda Kabupaten Langkat")
    assert service["waktu_hari_kerja"] == 3
    assert service["biaya"] == 0
    assert service["semua_kecamatan"] is True
    assert len(service["kecamatan"]) == 23
    assert "babalan" in service["kecamatan"]
    assert [step["judul"] for step in service["prosedur"]] == [
        "Ajukan permohonan daring",
        "Petugas memverifikasi berkas",
    ]
    ktp, _kk, photo = service["persyaratan"]
    assert ktp["kolom"] == f"syarat_{ktp['id']}"
    assert ktp["unggah"] is True
    assert photo == {
        "id": photo["id"],
        "nama": "Pas foto 3x4",
        "keterangan": "dibawa saat mengambil",
        "unggah": False,
        "kolom": None,
    }
    fields = {item["jenis"]: item for item in service["isian"]}
    assert set(fields) == {"teks", "angka", "tanggal", "pilihan", "berkas"}
    assert fields["angka"]["minimum"] == 1
    assert fields["angka"]["maksimum"] == 20
    assert fields["pilihan"]["pilihan"] == ["Milik sendiri", "Sewa", "Menumpang"]
    assert fields["tanggal"]["wajib"] is False
    assert fields["teks"]["kolom"] == f"isian_{fields['teks']['id']}"


def test_a_service_of_some_kecamatan_lists_only_them(api_client):
    service = StandarLayananFactory(slug="nelayan", semua_kecamatan=False)
    service.kecamatan.set(Kecamatan.objects.filter(slug__in=["gebang", "babalan"]))
    service.save()
    response = api_client.get(f"{API}/layanan/nelayan/")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["kecamatan"] == ["babalan", "gebang"]


def test_unknown_or_draft_services_answer_404(api_client):
    StandarLayananFactory(slug="draf", live=False)
    for slug in ("tidak-ada", "draf"):
        response = api_client.get(f"{API}/layanan/{slug}/")
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert response.json() == {"detail": "Data tidak ditemukan.", "errors": []}


def test_the_service_list_keeps_a_constant_number_of_queries(
    api_client, django_assert_max_num_queries
):
    StandarLayananFactory(semua_kecamatan=False).kecamatan.set(
        Kecamatan.objects.all()[:2]
    )
    with django_assert_max_num_queries(4):
        small = api_client.get(f"{API}/layanan/")
    for _ in range(8):
        service = StandarLayananFactory(semua_kecamatan=False)
        service.kecamatan.set(Kecamatan.objects.all()[:3])
        service.save()
        StandarLayananFactory()
    with django_assert_max_num_queries(4):
        large = api_client.get(f"{API}/layanan/")
    assert len(small.json()) == 1
    assert len(large.json()) == 17


# Submission ----------------------------------------------------------------------


def test_a_valid_application_is_stored_once_with_its_files_and_answers(
    api_client, layanan, ekecamatan_page
):
    response = api_client.post(
        f"{API}/layanan/domisili/permohonan", valid_data(layanan)
    )
    assert response.status_code == HTTPStatus.CREATED, response.content
    permohonan = Permohonan.objects.get()
    body = response.json()
    assert body["kode_lacak"] == permohonan.kode_lacak
    assert body["status"] == "diajukan"
    assert body["layanan"] == "domisili"
    assert body["kecamatan"] == "babalan"
    assert body["tautan_rahasia"].startswith("http://testserver/e-kecamatan/")
    assert body["tautan_rahasia"].endswith(
        f"/permohonan-saya/{permohonan.token_rahasia}/"
    )
    assert permohonan.berkas.count() == 2
    assert {row["nilai"] for row in permohonan.jawaban} >= {4, "Sewa", "2020-01-15"}
    assert permohonan.linimasa.count() == 1


def test_the_private_link_is_given_only_in_the_submission_answer(
    api_client, layanan, ekecamatan_page
):
    created = api_client.post(
        f"{API}/layanan/domisili/permohonan", valid_data(layanan)
    ).json()
    token = Permohonan.objects.get().token_rahasia
    tracking = api_client.get(f"{API}/permohonan/{created['kode_lacak']}")
    assert tracking.status_code == HTTPStatus.OK
    assert token not in tracking.content.decode()
    assert token not in api_client.get(f"{API}/layanan/").content.decode()


def test_bad_input_answers_400_with_one_entry_per_field(api_client, layanan):
    data = valid_data(layanan)
    data.update(
        {
            "nik": "123",
            "telepon": "12",
            f"isian_{field(layanan, 'angka').id}": "99",
            f"isian_{field(layanan, 'pilihan').id}": "Istana",
            f"isian_{field(layanan, 'tanggal').id}": "kemarin",
        }
    )
    response = api_client.post(f"{API}/layanan/domisili/permohonan", data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    errors = errors_by_field(response)
    assert response.json()["detail"] == "Data yang dikirim tidak valid."
    assert {
        "nik",
        "telepon",
        f"isian_{field(layanan, 'angka').id}",
        f"isian_{field(layanan, 'pilihan').id}",
        f"isian_{field(layanan, 'tanggal').id}",
    } <= set(errors)
    assert not Permohonan.objects.exists()


def test_missing_fields_and_uploads_are_each_reported(api_client, layanan):
    response = api_client.post(f"{API}/layanan/domisili/permohonan", {})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    errors = errors_by_field(response)
    uploads = [f"syarat_{block.id}" for block in layanan.unggahan_persyaratan]
    assert {"kecamatan", "nama", "nik", "telepon", "alamat", "setuju", *uploads} <= (
        set(errors)
    )
    assert f"isian_{field(layanan, 'tanggal').id}" not in errors


def test_fake_files_answer_400_and_store_nothing(api_client, layanan):
    data = valid_data(layanan)
    key = f"syarat_{layanan.unggahan_persyaratan[0].id}"
    data[key] = SimpleUploadedFile("ktp.jpg", b"MZ\x90\x00 not an image", "image/jpeg")
    response = api_client.post(f"{API}/layanan/domisili/permohonan", data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert key in errors_by_field(response)
    assert not Permohonan.objects.exists()


def test_a_kecamatan_not_offering_the_service_is_refused(api_client):
    service = StandarLayananFactory(slug="nelayan", semua_kecamatan=False)
    service.kecamatan.set(Kecamatan.objects.filter(slug="gebang"))
    service.save()
    data = valid_data(service)
    data["desa"] = ""
    response = api_client.post(f"{API}/layanan/nelayan/permohonan", data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "kecamatan" in errors_by_field(response)
    assert not Permohonan.objects.exists()


def test_the_honeypot_refuses_robots(api_client, layanan):
    data = {**valid_data(layanan), "website": "http://spam.example"}
    response = api_client.post(f"{API}/layanan/domisili/permohonan", data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "__all__" in errors_by_field(response)
    assert not Permohonan.objects.exists()


def test_json_bodies_answer_415_and_unknown_services_404(api_client, layanan):
    response = api_client.post(
        f"{API}/layanan/domisili/permohonan",
        json.dumps(IDENTITY),
        content_type="application/json",
    )
    assert response.status_code == HTTPStatus.UNSUPPORTED_MEDIA_TYPE
    assert response.json()["errors"][0]["code"] == "unsupported_media"
    missing = api_client.post(f"{API}/layanan/tidak-ada/permohonan", IDENTITY)
    assert missing.status_code == HTTPStatus.NOT_FOUND


def test_malformed_multipart_never_answers_500(api_client, layanan):
    response = api_client.generic(
        "POST",
        f"{API}/layanan/domisili/permohonan",
        b'--xx\r\nContent-Disposition: form-data; name="nama"\r\n\r\nRina',
        content_type="multipart/form-data; boundary=xx",
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_submissions_are_rate_limited_per_address(api_client, layanan, settings):
    settings.PENGADUAN_API_SUBMIT_RATE = "2/hour"
    for _ in range(2):
        response = api_client.post(f"{API}/layanan/domisili/permohonan", {})
        assert response.status_code == HTTPStatus.BAD_REQUEST
    response = api_client.post(f"{API}/layanan/domisili/permohonan", {})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert int(response["Retry-After"]) >= 1
    other = Client(REMOTE_ADDR=client_address())
    created = other.post(f"{API}/layanan/domisili/permohonan", valid_data(layanan))
    assert created.status_code == HTTPStatus.CREATED


# Tracking ------------------------------------------------------------------------


@freeze_time("2026-03-16 09:00:00+07:00")
def test_tracking_shows_status_deadline_and_public_timeline_without_identity(
    api_client,
):
    officer = UserFactory(first_name="Budi", last_name="Petugas")
    permohonan = PermohonanFactory()
    permohonan.linimasa.create(status_to="diajukan", message="Permohonan diterima.")
    services.request_fix(permohonan, officer, "Foto KTP buram.")
    services.resubmit(permohonan, [], (), "Nomor HP saya 0812999 dan alamat baru.")
    # Tuesday 17 March 2026: 18-24 March are holidays or weekend (DESIGN 4.1).
    with freeze_time("2026-03-17 10:00:00+07:00"):
        services.verify(permohonan, officer, "Berkas lengkap.")
    permohonan.linimasa.create(message="Catatan internal petugas.", is_public=False)

    code = permohonan.kode_lacak.lower().replace("-", " ")
    response = api_client.get(f"{API}/permohonan/{code}")

    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["kode_lacak"] == permohonan.kode_lacak
    assert body["status"] == "diverifikasi"
    assert body["status_label"] == "Diverifikasi"
    assert body["layanan"]["slug"] == permohonan.layanan.slug
    assert body["kecamatan"] == {"slug": "babalan", "nama": "Babalan"}
    assert body["tenggat"]["batas_waktu"] == "2026-03-27"
    assert body["tenggat"]["terpenuhi"] is None
    messages = [entry["pesan"] for entry in body["linimasa"]]
    assert messages == [
        "Permohonan diterima.",
        "Foto KTP buram.",
        "Pemohon mengirim perbaikan.",
        "Berkas lengkap.",
    ]
    text = response.content.decode()
    assert_no_identity(text)
    assert "0812999" not in text
    assert "internal" not in text
    assert "Budi" not in text
    assert permohonan.token_rahasia not in text


def test_tracking_before_verification_has_no_deadline(api_client):
    permohonan = PermohonanFactory()
    body = api_client.get(f"{API}/permohonan/{permohonan.kode_lacak}").json()
    assert body["tenggat"] is None
    assert body["linimasa"] == []


def test_tracking_an_unknown_code_answers_404(api_client):
    response = api_client.get(f"{API}/permohonan/KCM-XXXX-YYYY")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json()["detail"] == "Data tidak ditemukan."


# Survey --------------------------------------------------------------------------


def scores(value=4, **extra):
    return {f"u{number}": value for number in range(1, 10)} | extra


def post_survey(client, token, data):
    return client.post(
        f"{API}/permohonan/{token}/survei",
        json.dumps(data),
        content_type="application/json",
    )


def test_a_survey_is_stored_once_for_a_completed_application(api_client):
    permohonan = SelesaiPermohonanFactory()
    response = post_survey(
        api_client, permohonan.token_rahasia, scores(3, u9=2, saran="Ruang sempit")
    )
    assert response.status_code == HTTPStatus.CREATED, response.content
    assert response.json()["kode_lacak"] == permohonan.kode_lacak
    survei = SurveiIKM.objects.get()
    assert (survei.u1, survei.u9, survei.saran) == (3, 2, "Ruang sempit")
    assert survei.kecamatan_id == permohonan.kecamatan_id

    again = post_survey(api_client, permohonan.token_rahasia, scores(1))
    assert again.status_code == HTTPStatus.CONFLICT
    assert "sudah diisi" in again.json()["detail"]
    assert SurveiIKM.objects.count() == 1


def test_a_survey_before_completion_answers_409(api_client):
    permohonan = PermohonanFactory(status=StatusPermohonan.DIPROSES)
    response = post_survey(api_client, permohonan.token_rahasia, scores())
    assert response.status_code == HTTPStatus.CONFLICT
    assert "setelah permohonan selesai" in response.json()["detail"]
    assert not SurveiIKM.objects.exists()


@pytest.mark.parametrize(
    "data, bad_fields",
    [
        (scores(5), {f"u{number}" for number in range(1, 10)}),
        (scores(0, u1="x"), {f"u{number}" for number in range(1, 10)}),
        ({"u1": 4}, {f"u{number}" for number in range(2, 10)}),
        (scores(4, u3=None, u4=[1]), {"u3", "u4"}),
        (scores(4, saran="x" * 1001), {"saran"}),
    ],
)
def test_invalid_scores_answer_400_per_field(api_client, data, bad_fields):
    permohonan = SelesaiPermohonanFactory()
    response = post_survey(api_client, permohonan.token_rahasia, data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(errors_by_field(response)) == bad_fields
    assert not SurveiIKM.objects.exists()


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b"", "\u00ff".encode()])
def test_a_body_that_is_not_a_json_object_answers_400(api_client, body):
    permohonan = SelesaiPermohonanFactory()
    response = api_client.post(
        f"{API}/permohonan/{permohonan.token_rahasia}/survei",
        body,
        content_type="application/json",
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not SurveiIKM.objects.exists()


def test_the_survey_needs_the_private_token_not_the_code(api_client):
    permohonan = SelesaiPermohonanFactory()
    response = post_survey(api_client, permohonan.kode_lacak, scores())
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not SurveiIKM.objects.exists()


# IKM -----------------------------------------------------------------------------


def answered(kecamatan_slug, value, when, layanan=None):
    permohonan = SelesaiPermohonanFactory(
        kecamatan=Kecamatan.objects.get(slug=kecamatan_slug),
        **({"layanan": layanan} if layanan else {}),
    )
    survey = SurveiIKMFactory(permohonan=permohonan, **scores(value))
    SurveiIKM.objects.filter(pk=survey.pk).update(dibuat_pada=when)
    return survey


def wib(*args):
    return datetime.datetime(*args, tzinfo=timezone.get_current_timezone())


@freeze_time("2026-11-20 10:00:00+07:00")
def test_ikm_lists_overall_per_kecamatan_and_per_service(api_client, layanan):
    answered("babalan", 4, wib(2026, 2, 1, 9), layanan)
    answered("babalan", 2, wib(2026, 5, 1, 9), layanan)
    answered("stabat", 3, wib(2026, 8, 1, 9), layanan)
    answered("stabat", 1, wib(2025, 12, 31, 23), layanan)

    body = api_client.get(f"{API}/ikm/").json()

    assert body["periode"] == {
        "label": "Tahun 2026",
        "mulai": "2026-01-01",
        "sampai": "2026-12-31",
    }
    overall = body["keseluruhan"]
    assert overall["responden"] == 3
    assert overall["ikm"] == 75.0
    assert overall["mutu"] == "C"
    assert [element["rata_rata"] for element in overall["unsur"]] == [3.0] * 9
    kecamatan = {row["slug"]: row for row in body["per_kecamatan"]}
    assert kecamatan["babalan"]["responden"] == 2
    assert kecamatan["babalan"]["ikm"] == 75.0
    assert kecamatan["stabat"]["ikm"] == 75.0
    assert kecamatan["stabat"]["responden"] == 1
    assert [row["slug"] for row in body["per_layanan"]] == ["domisili"]


@freeze_time("2026-11-20 10:00:00+07:00")
def test_ikm_filters_by_quarter_and_date_range_in_wib(api_client, layanan):
    answered("babalan", 4, wib(2026, 3, 31, 23, 30), layanan)
    answered("babalan", 1, wib(2026, 4, 1, 0, 30), layanan)

    first = api_client.get(f"{API}/ikm/", {"tahun": 2026, "periode": "tw1"}).json()
    second = api_client.get(f"{API}/ikm/", {"tahun": 2026, "periode": "tw2"}).json()
    ranged = api_client.get(
        f"{API}/ikm/", {"dari": "2026-03-31", "sampai": "2026-04-01"}
    ).json()

    assert (first["keseluruhan"]["responden"], first["keseluruhan"]["ikm"]) == (1, 100)
    assert (second["keseluruhan"]["responden"], second["keseluruhan"]["ikm"]) == (1, 25)
    assert ranged["keseluruhan"]["responden"] == 2
    assert ranged["periode"]["mulai"] == "2026-03-31"


def test_ikm_without_answers_is_empty_not_an_error(api_client):
    body = api_client.get(f"{API}/ikm/").json()
    assert body["keseluruhan"]["responden"] == 0
    assert body["keseluruhan"]["ikm"] is None
    assert body["per_kecamatan"] == []


@pytest.mark.parametrize(
    "query, field_name",
    [
        ({"tahun": "abc"}, "tahun"),
        ({"tahun": "1999"}, "tahun"),
        ({"periode": "tw9"}, "periode"),
        ({"dari": "2026-02-30", "sampai": "2026-03-01"}, "dari"),
        ({"dari": "2026-03-01"}, "sampai"),
        ({"dari": "2026-03-02", "sampai": "2026-03-01"}, "sampai"),
    ],
)
def test_invalid_periods_answer_400_per_field(api_client, query, field_name):
    response = api_client.get(f"{API}/ikm/", query)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field_name in errors_by_field(response)


def test_ikm_keeps_a_constant_number_of_queries(
    api_client, layanan, django_assert_max_num_queries
):
    now = timezone.now()
    answered("babalan", 4, now, layanan)
    # Overall, per kecamatan and per service (with their names), four profile items.
    with django_assert_max_num_queries(9):
        api_client.get(f"{API}/ikm/")
    for slug in ("stabat", "gebang", "wampu", "hinai", "kuala"):
        answered(slug, 3, now, StandarLayananFactory())
    with django_assert_max_num_queries(9):
        response = api_client.get(f"{API}/ikm/")
    assert len(response.json()["per_kecamatan"]) == 6
    assert len(response.json()["per_layanan"]) == 6


def test_ikm_and_survey_answers_carry_no_identity(api_client, layanan):
    answered("babalan", 4, timezone.now(), layanan)
    assert_no_identity(api_client.get(f"{API}/ikm/").content.decode())


# Schema --------------------------------------------------------------------------


def test_the_schema_lists_every_e_kecamatan_path_and_its_errors(api_client):
    response = api_client.get("/api/portal/v1/openapi.json")
    assert response.status_code == HTTPStatus.OK
    paths = response.json()["paths"]
    expected = {
        f"{API}/layanan/": "get",
        f"{API}/layanan/{{slug}}/": "get",
        f"{API}/layanan/{{slug}}/permohonan": "post",
        f"{API}/permohonan/{{kode}}": "get",
        f"{API}/permohonan/{{token}}/survei": "post",
        f"{API}/ikm/": "get",
        f"{API}/verifikasi/{{kode}}": "get",
    }
    for path, method in expected.items():
        assert path in paths
        assert paths[path][method]["tags"] == ["e-kecamatan"]
    submit = paths[f"{API}/layanan/{{slug}}/permohonan"]["post"]
    assert {"201", "400", "404", "415", "429"} <= set(submit["responses"])
    form = submit["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert {"kecamatan", "nik", "setuju"} <= set(form["properties"])
    survey = paths[f"{API}/permohonan/{{token}}/survei"]["post"]
    assert {"201", "400", "404", "409"} <= set(survey["responses"])
    ikm_params = {p["name"] for p in paths[f"{API}/ikm/"]["get"]["parameters"]}
    assert ikm_params == {"tahun", "periode", "dari", "sampai", "kecamatan"}
