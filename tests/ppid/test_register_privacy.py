"""The public register shows only the PPID's public summary, never what was typed.

Issue 12: a request text holding a name, phone number and NIK appeared verbatim in
the register, its CSV and the API; and the admin edit view changed the citizen's text.
"""

import uuid
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.log_actions import registry as log_registry

import config.api  # noqa: F401  (build the API schemas outside freeze_time)
from portal.roles import EDITOR_PPID
from ppid import services
from ppid.choices import KeputusanPermohonan
from ppid.models import CatatanPermohonan
from tests.pengaduan.factories import PetugasFactory
from tests.ppid.factories import create_kip_request, create_layanan_informasi_page

pytestmark = pytest.mark.django_db

RAW_TEXT = (
    "Saya Joko Santoso (HP 0812-7777-8888, NIK 1205011203850009) minta data "
    "sertifikat tanah saya di Desa Pematang Tengah."
)
#: None of these may reach a public page, download or API answer.
SECRETS = ("Joko Santoso", "0812-7777-8888", "1205011203850009", "sertifikat tanah")
SUMMARY = "Data sertifikat tanah di Desa Pematang Tengah."
API = "/api/portal/v1/informasi-publik"
PLACEHOLDER = "Ringkasan belum tersedia"


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def action_url(permohonan, action):
    return reverse("permohonan_informasi:action", args=[permohonan.pk, action])


@pytest.fixture
def layanan(home_page):
    return create_layanan_informasi_page(home_page)


@pytest.fixture
def editor():
    return PetugasFactory(username="ppid", role=EDITOR_PPID)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def api_client(settings):
    settings.PENGADUAN_API_READ_RATE = "1000/hour"
    number = uuid.uuid4().int
    return Client(REMOTE_ADDR=f"2001:db8::{number % 65536:x}:1")


@pytest.fixture
def permohonan():
    return create_kip_request(
        nama="Joko Santoso",
        nomor_identitas="1205011203850009",
        telepon="081277778888",
        informasi_diminta=RAW_TEXT,
    )


def public_outputs(layanan, api_client, client):
    """The register page, its CSV and the API register, as text."""
    register = client.get(url(layanan, "register"))
    csv = client.get(url(layanan, "register"), {"format": "csv"})
    api = api_client.get(f"{API}/register")
    for response in (register, csv, api):
        assert response.status_code == HTTPStatus.OK
    return {
        "register": register.content.decode(),
        "csv": csv.content.decode(),
        "api": api.content.decode(),
    }


def assert_only(outputs, expected):
    for name, text in outputs.items():
        for secret in SECRETS:
            if secret in expected:
                continue
            assert secret not in text, (name, secret)
        assert expected in text, name


def test_the_raw_text_is_never_public_until_a_summary_is_written(
    client, layanan, api_client, permohonan, editor
):
    outputs = public_outputs(layanan, api_client, client)
    for secret in SECRETS:
        for name, text in outputs.items():
            assert secret not in text, (name, secret)
    assert PLACEHOLDER in outputs["register"]
    assert PLACEHOLDER in outputs["csv"]
    assert '"ringkasan_publik":""' in outputs["api"].replace(" ", "")

    services.set_public_summary(permohonan, editor, SUMMARY, "Data pribadi dihapus.")

    outputs = public_outputs(layanan, api_client, client)
    assert_only(outputs, SUMMARY)
    for name in ("Joko Santoso", "0812-7777-8888", "1205011203850009"):
        assert all(name not in text for text in outputs.values())
    assert PLACEHOLDER not in outputs["register"]


def test_tracking_by_number_does_not_show_the_raw_text(client, layanan, permohonan):
    response = client.get(url(layanan, "track"), {"nomor": permohonan.kode_lacak})
    html = response.content.decode()
    assert "status-badge--diterima" in html  # the request was found and shown
    for secret in SECRETS:
        assert secret not in html


def test_the_public_register_does_not_even_load_the_raw_text(
    client, layanan, permohonan, settings
):
    settings.PAGE_CACHE_ENABLED = False  # every request renders and is inspected
    client.get(url(layanan, "register"))  # warm caches
    with CaptureQueriesContext(connection) as queries:
        client.get(url(layanan, "register"))
        client.get(url(layanan, "register"), {"format": "csv"})
    assert not any("informasi_diminta" in query["sql"] for query in queries)


def test_editor_ppid_writes_the_summary_through_a_logged_action(
    editor_client, permohonan
):
    detail = editor_client.get(
        reverse("permohonan_informasi:inspect", args=[permohonan.pk])
    ).content.decode()
    assert action_url(permohonan, "ringkasan-publik") in detail

    response = editor_client.post(
        action_url(permohonan, "ringkasan-publik"),
        {
            "ringkasan-publik-ringkasan_publik": SUMMARY,
            "ringkasan-publik-alasan": "Nama, HP dan NIK dihapus.",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    permohonan.refresh_from_db()
    assert permohonan.ringkasan_publik == SUMMARY
    assert permohonan.informasi_diminta == RAW_TEXT

    entry = CatatanPermohonan.objects.filter(permohonan=permohonan).latest("pk")
    assert entry.is_public is False
    assert SUMMARY in entry.message and "Nama, HP dan NIK dihapus." in entry.message
    logs = log_registry.get_logs_for_instance(permohonan)
    logged = logs.filter(action=services.PUBLIC_SUMMARY_ACTION).get()
    assert logged.data["ringkasan"] == SUMMARY
    assert logged.data["alasan"] == "Nama, HP dan NIK dihapus."


def test_the_summary_is_required_and_short(editor_client, permohonan):
    response = editor_client.post(
        action_url(permohonan, "ringkasan-publik"),
        {"ringkasan-publik-ringkasan_publik": "x" * 301},
        follow=True,
    )
    assert response.status_code == HTTPStatus.OK
    permohonan.refresh_from_db()
    assert permohonan.ringkasan_publik == ""


def test_the_summary_needs_a_reason(editor_client, permohonan):
    response = editor_client.post(
        action_url(permohonan, "ringkasan-publik"),
        {"ringkasan-publik-ringkasan_publik": SUMMARY, "ringkasan-publik-alasan": " "},
        follow=True,
    )
    assert response.status_code == HTTPStatus.OK
    assert "Alasan" in response.content.decode()
    permohonan.refresh_from_db()
    assert permohonan.ringkasan_publik == ""
    assert not permohonan.linimasa.filter(message__contains=SUMMARY).exists()


def test_the_summary_can_be_corrected_after_a_refusal_with_an_objection(
    editor_client,
):
    objected = create_kip_request(
        decided=KeputusanPermohonan.DITOLAK,
        objection=True,
        informasi_diminta=RAW_TEXT,
    )
    response = editor_client.post(
        action_url(objected, "ringkasan-publik"),
        {
            "ringkasan-publik-ringkasan_publik": SUMMARY,
            "ringkasan-publik-alasan": "Ringkasan diperbaiki setelah keberatan.",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    objected.refresh_from_db()
    assert objected.ringkasan_publik == SUMMARY
    assert objected.informasi_diminta == RAW_TEXT


def test_the_citizen_text_cannot_be_edited_in_the_admin(editor_client, permohonan):
    edit_url = reverse("permohonan_informasi:edit", args=[permohonan.pk])
    assert editor_client.get(edit_url).status_code in {
        HTTPStatus.FORBIDDEN,
        HTTPStatus.NOT_FOUND,
        HTTPStatus.FOUND,
    }
    editor_client.post(edit_url, {"informasi_diminta": "Teks diganti petugas."})
    permohonan.refresh_from_db()
    assert permohonan.informasi_diminta == RAW_TEXT


def test_a_superuser_cannot_edit_the_citizen_text_either(client, permohonan):
    objected = create_kip_request(decided=KeputusanPermohonan.DITOLAK, objection=True)
    client.force_login(PetugasFactory(username="root", is_superuser=True))
    edit_url = reverse("permohonan_informasi:edit", args=[permohonan.pk])
    client.post(edit_url, {"informasi_diminta": "Teks diganti."})
    permohonan.refresh_from_db()
    assert permohonan.informasi_diminta == RAW_TEXT
    objection_url = reverse("keberatan_informasi:edit", args=[objected.keberatan.pk])
    client.post(objection_url, {"uraian": "Uraian diganti."})
    objected.keberatan.refresh_from_db()
    assert objected.keberatan.uraian == "Saya keberatan."


def test_the_request_form_warns_against_personal_data_in_the_description(
    client, layanan
):
    html = client.get(url(layanan, "request_form")).content.decode()
    assert "Jangan tulis data pribadi" in html
    assert "NIK" in html
