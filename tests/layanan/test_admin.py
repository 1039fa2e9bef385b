"""The e-kecamatan admin: list, filters, export, processing actions and the panel."""

import csv
import io
from http import HTTPStatus

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from layanan.choices import StatusPermohonan
from layanan.models import Permohonan
from portal.roles import ADMIN_PORTAL
from tests.layanan.factories import (
    BerkasPermohonanFactory,
    PermohonanFactory,
    StandarLayananFactory,
    kecamatan,
    kecamatan_officer,
    role_user,
)

pytestmark = pytest.mark.django_db

S = StatusPermohonan
PNG_1PX = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01"
    b"\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def officer():
    return kecamatan_officer("babalan")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def _messages(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def _act(client, permohonan, action, data):
    return client.post(
        reverse("permohonan_layanan:action", args=[permohonan.pk, action]), data
    )


def _verified(**kwargs):
    now = timezone.now()
    return PermohonanFactory(
        status=S.DIVERIFIKASI,
        diverifikasi_pada=now,
        batas_waktu=timezone.localdate() + timezone.timedelta(days=5),
        **kwargs,
    )


def _overdue(**kwargs):
    return PermohonanFactory(
        status=S.DIPROSES,
        diverifikasi_pada=timezone.now() - timezone.timedelta(days=20),
        batas_waktu=timezone.localdate() - timezone.timedelta(days=3),
        **kwargs,
    )


# The list.


def test_the_list_shows_code_service_kecamatan_status_and_overdue_marker(
    officer_client,
):
    late = _overdue()
    new = PermohonanFactory()
    html = officer_client.get(reverse("permohonan_layanan:index")).content.decode()
    for text in (late.kode_lacak, new.kode_lacak, late.layanan.nama, "Babalan"):
        assert text in html
    assert "Diproses" in html
    assert "Diajukan" in html
    assert "Terlambat" in html
    assert new.nama not in html


def test_the_code_opens_the_detail_and_no_edit_link_is_offered(officer_client):
    permohonan = PermohonanFactory()
    html = officer_client.get(reverse("permohonan_layanan:index")).content.decode()
    assert reverse("permohonan_layanan:inspect", args=[permohonan.pk]) in html
    assert reverse("permohonan_layanan:edit", args=[permohonan.pk]) not in html
    assert reverse("permohonan_layanan:delete", args=[permohonan.pk]) not in html


def test_the_overdue_filter_lists_only_applications_past_their_deadline(
    officer_client,
):
    late = _overdue()
    _verified()
    PermohonanFactory()
    response = officer_client.get(
        reverse("permohonan_layanan:index"), {"terlambat": "true"}
    )
    assert list(response.context["object_list"]) == [late]


@pytest.mark.parametrize("field", ["status", "layanan"])
def test_the_list_filters_by_status_and_service(officer_client, field):
    new = PermohonanFactory()
    verified = _verified(layanan=StandarLayananFactory(nama="Surat Pindah"))
    params = {
        "status": {"status": S.DIAJUKAN},
        "layanan": {"layanan": verified.layanan_id},
    }[field]
    response = officer_client.get(reverse("permohonan_layanan:index"), params)
    expected = new if field == "status" else verified
    assert list(response.context["object_list"]) == [expected]


def test_admins_filter_by_kecamatan_and_officers_are_not_offered_that_filter(
    client, officer_client
):
    babalan = PermohonanFactory()
    stabat = PermohonanFactory(kecamatan=kecamatan("stabat"))
    officer_page = officer_client.get(reverse("permohonan_layanan:index"))
    assert "kecamatan" not in officer_page.context["filters"].filters

    client.force_login(role_user(ADMIN_PORTAL))
    response = client.get(
        reverse("permohonan_layanan:index"), {"kecamatan": stabat.kecamatan_id}
    )
    assert list(response.context["object_list"]) == [stabat]
    assert babalan not in response.context["object_list"]


def test_search_finds_an_application_by_its_code(officer_client):
    wanted = PermohonanFactory()
    PermohonanFactory()
    response = officer_client.get(
        reverse("permohonan_layanan:index"), {"q": wanted.kode_lacak}
    )
    assert list(response.context["object_list"]) == [wanted]


def test_the_list_keeps_a_constant_number_of_queries(
    officer_client, django_assert_max_num_queries
):
    def fill(rows):
        Permohonan.objects.all().delete()
        for index in range(rows):
            (_overdue if index % 2 else PermohonanFactory)()

    fill(5)
    with CaptureQueriesContext(connection) as few:
        assert (
            officer_client.get(reverse("permohonan_layanan:index")).status_code
            == HTTPStatus.OK
        )
    bound = len(few)
    fill(50)
    with django_assert_max_num_queries(bound):
        response = officer_client.get(reverse("permohonan_layanan:index"))
    assert len(response.context["object_list"]) == 50


# The export.


def _csv_rows(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_the_csv_export_has_the_listed_columns_and_no_applicant_identity(
    officer_client,
):
    permohonan = _verified(desa=None)
    response = officer_client.get(
        reverse("permohonan_layanan:index"), {"export": "csv"}
    )
    assert response.status_code == HTTPStatus.OK
    rows = _csv_rows(response)
    assert rows[0] == [
        "Kode lacak",
        "Layanan",
        "Kecamatan",
        "Desa/kelurahan",
        "Status",
        "Diajukan",
        "Diverifikasi",
        "Batas waktu",
        "Selesai",
        "Selesai tepat waktu",
    ]
    assert rows[1][:3] == [
        permohonan.kode_lacak,
        permohonan.layanan.nama,
        "Babalan",
    ]
    assert rows[1][4] == "Diverifikasi"
    content = "\n".join(",".join(row) for row in rows)
    for identity in (
        permohonan.nama,
        permohonan.nik,
        permohonan.nik_tersamar,
        permohonan.telepon,
        permohonan.email,
        "Jl. Pelabuhan",
    ):
        assert identity not in content


def test_the_csv_export_shows_a_formula_like_service_name_as_text(officer_client):
    layanan = StandarLayananFactory(nama='=HYPERLINK("http://evil.example","Klik")')
    permohonan = _verified(layanan=layanan)
    response = officer_client.get(
        reverse("permohonan_layanan:index"), {"export": "csv"}
    )
    row = next(row for row in _csv_rows(response) if row[0] == permohonan.kode_lacak)
    assert row[1] == '\'=HYPERLINK("http://evil.example","Klik")'


def test_the_xlsx_export_has_no_nik(officer_client):
    permohonan = PermohonanFactory()
    response = officer_client.get(
        reverse("permohonan_layanan:index"), {"export": "xlsx"}
    )
    assert response.status_code == HTTPStatus.OK
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [
        str(cell)
        for row in workbook.active.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    assert permohonan.kode_lacak in cells
    assert "Kode lacak" in cells
    assert not any(permohonan.nik in cell or permohonan.nama in cell for cell in cells)


# The detail.


def test_the_detail_shows_identity_with_the_nik_masked_answers_and_files(
    officer_client,
):
    permohonan = PermohonanFactory(
        jawaban=[
            {"kunci": "a", "label": "Keperluan", "jenis": "teks", "nilai": "Melamar"},
        ]
    )
    berkas = BerkasPermohonanFactory(permohonan=permohonan)
    permohonan.linimasa.create(status_to=S.DIAJUKAN, message="Permohonan diterima.")
    html = officer_client.get(
        reverse("permohonan_layanan:inspect", args=[permohonan.pk])
    ).content.decode()
    assert permohonan.nama in html
    assert permohonan.nik_tersamar in html
    assert permohonan.nik not in html
    assert "Keperluan" in html and "Melamar" in html
    assert reverse("permohonan_layanan:berkas", args=[permohonan.pk, berkas.pk]) in html
    assert "Permohonan diterima." in html


def test_an_uploaded_file_downloads_privately_for_the_officer(officer_client):
    berkas = BerkasPermohonanFactory()
    response = officer_client.get(
        reverse("permohonan_layanan:berkas", args=[berkas.permohonan_id, berkas.pk])
    )
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_the_detail_offers_only_the_actions_valid_for_the_status(officer_client):
    new = PermohonanFactory()
    html = officer_client.get(
        reverse("permohonan_layanan:inspect", args=[new.pk])
    ).content.decode()
    for action in ("verifikasi", "minta-perbaikan", "tolak"):
        assert reverse("permohonan_layanan:action", args=[new.pk, action]) in html
    for action in ("proses", "selesaikan"):
        assert reverse("permohonan_layanan:action", args=[new.pk, action]) not in html

    processing = PermohonanFactory(status=S.DIPROSES, diverifikasi_pada=timezone.now())
    html = officer_client.get(
        reverse("permohonan_layanan:inspect", args=[processing.pk])
    ).content.decode()
    complete_url = reverse(
        "permohonan_layanan:action", args=[processing.pk, "selesaikan"]
    )
    assert complete_url in html
    assert 'enctype="multipart/form-data"' in (
        officer_client.get(complete_url).content.decode()
    )
    assert (
        reverse("permohonan_layanan:action", args=[processing.pk, "verifikasi"])
        not in html
    )


def test_the_detail_of_an_overdue_application_says_so(officer_client):
    late = _overdue()
    html = officer_client.get(
        reverse("permohonan_layanan:inspect", args=[late.pk])
    ).content.decode()
    assert "Terlambat:" in html
    assert "batas waktu penyelesaian (" in html and ") sudah lewat." in html
    assert "hari kerja" in html


# The processing actions.


@pytest.mark.parametrize(
    ("action", "field"),
    [
        ("verifikasi", "catatan"),
        ("minta-perbaikan", "catatan"),
        ("tolak", "alasan"),
    ],
)
def test_an_action_without_its_note_shows_the_error_beside_it_and_changes_nothing(
    officer_client, action, field
):
    permohonan = PermohonanFactory()
    response = _act(officer_client, permohonan, action, {f"{action}-{field}": "   "})
    permohonan.refresh_from_db()
    assert permohonan.status == S.DIAJUKAN
    assert permohonan.linimasa.count() == 0
    assert response.status_code == HTTPStatus.OK
    [error] = response.context["form"].errors[field]
    assert "wajib" in error.lower() or "tuliskan" in error.lower()
    assert [level for level, _text in _messages(response)] == ["error"]


def test_verifying_starts_the_deadline_and_records_the_officer(
    officer_client, officer, mailoutbox, django_capture_on_commit_callbacks
):
    permohonan = PermohonanFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = _act(
            officer_client,
            permohonan,
            "verifikasi",
            {"verifikasi-catatan": "Berkas lengkap."},
        )
    assert response["Location"] == reverse(
        "permohonan_layanan:inspect", args=[permohonan.pk]
    )
    permohonan.refresh_from_db()
    assert permohonan.status == S.DIVERIFIKASI
    assert permohonan.batas_waktu is not None
    entry = permohonan.linimasa.get()
    assert entry.author == officer
    assert entry.message == "Berkas lengkap."
    assert (
        "success",
        f"Permohonan {permohonan.kode_lacak} telah diverifikasi.",
    ) in _messages(response)
    assert [mail.to for mail in mailoutbox] == [[permohonan.email]]


def test_requesting_a_fix_sends_the_note_to_the_applicant(officer_client):
    permohonan = PermohonanFactory()
    _act(
        officer_client,
        permohonan,
        "minta-perbaikan",
        {"minta-perbaikan-catatan": "Foto KTP buram."},
    )
    permohonan.refresh_from_db()
    assert permohonan.status == S.PERLU_PERBAIKAN
    assert permohonan.catatan_perbaikan == "Foto KTP buram."


def test_processing_then_completing_with_a_result_file(officer_client):
    permohonan = _verified()
    _act(officer_client, permohonan, "proses", {"proses-catatan": "Surat disiapkan."})
    permohonan.refresh_from_db()
    assert permohonan.status == S.DIPROSES
    response = _act(
        officer_client,
        permohonan,
        "selesaikan",
        {
            "selesaikan-jenis_hasil": "berkas",
            "selesaikan-catatan": "Surat dapat diunduh.",
            "selesaikan-hasil": SimpleUploadedFile(
                "surat.png", PNG_1PX, content_type="image/png"
            ),
        },
    )
    permohonan.refresh_from_db()
    assert permohonan.status == S.SELESAI
    assert permohonan.jenis_hasil == "berkas"
    assert permohonan.hasil_content_type == "image/png"
    assert permohonan.catatan_hasil == "Surat dapat diunduh."
    assert ("success", f"Permohonan {permohonan.kode_lacak} telah diselesaikan.") in (
        _messages(response)
    )
    download = officer_client.get(
        reverse("permohonan_layanan:hasil", args=[permohonan.pk])
    )
    assert download.status_code == HTTPStatus.OK
    assert download["Content-Type"] == "image/png"


def test_completing_as_picked_up_at_the_office_needs_the_pick_up_notice(
    officer_client,
):
    permohonan = PermohonanFactory(status=S.DIPROSES, diverifikasi_pada=timezone.now())
    _act(
        officer_client,
        permohonan,
        "selesaikan",
        {
            "selesaikan-jenis_hasil": "ambil",
            "selesaikan-catatan": "Ambil di kantor camat hari Senin.",
        },
    )
    permohonan.refresh_from_db()
    assert permohonan.status == S.SELESAI
    assert permohonan.jenis_hasil == "ambil"
    assert permohonan.catatan_hasil == "Ambil di kantor camat hari Senin."
    assert not permohonan.hasil_berkas


def test_completing_without_a_result_is_refused_with_a_clear_message(officer_client):
    permohonan = PermohonanFactory(status=S.DIPROSES, diverifikasi_pada=timezone.now())
    response = _act(
        officer_client,
        permohonan,
        "selesaikan",
        {"selesaikan-catatan": "Sudah selesai."},
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["jenis_hasil"] == [
        "Permohonan tidak dapat diselesaikan tanpa hasil. Pilih salah satu: "
        "terbitkan surat dari templat, unggah dokumen hasil, atau nyatakan dokumen "
        "diambil di kantor camat dengan pemberitahuan pengambilan."
    ]
    # Choosing "uploaded document" without a file is refused too.
    response = _act(
        officer_client,
        permohonan,
        "selesaikan",
        {"selesaikan-jenis_hasil": "berkas", "selesaikan-catatan": "Terlampir."},
    )
    assert response.context["form"].errors["hasil"] == ["Unggah dokumen hasil."]
    permohonan.refresh_from_db()
    assert permohonan.status == S.DIPROSES
    assert permohonan.linimasa.count() == 0


def test_a_completion_without_its_note_comes_back_asking_for_the_note_and_the_file(
    officer_client,
):
    permohonan = PermohonanFactory(status=S.DIPROSES, diverifikasi_pada=timezone.now())
    response = _act(
        officer_client,
        permohonan,
        "selesaikan",
        {
            "selesaikan-jenis_hasil": "berkas",
            "selesaikan-catatan": "   ",
            "selesaikan-hasil": SimpleUploadedFile(
                "surat.png", PNG_1PX, content_type="image/png"
            ),
        },
    )
    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert form.errors["catatan"] == [
        "Tuliskan catatan hasil, mis. cara mengambil dokumen."
    ]
    html = response.content.decode()
    note_field = html[
        html.index('for="id_selesaikan-catatan"') : html.index(
            'name="selesaikan-catatan"'
        )
    ]
    assert "Tuliskan catatan hasil" in note_field
    # A browser never re-sends a file: the page says to choose it again.
    file_field = html[
        html.index('for="id_selesaikan-hasil"') : html.index('name="selesaikan-hasil"')
    ]
    assert "Pilih ulang berkas" in file_field
    assert 'enctype="multipart/form-data"' in html
    permohonan.refresh_from_db()
    assert permohonan.status == S.DIPROSES
    assert not permohonan.hasil_berkas
    assert permohonan.linimasa.count() == 0


def test_a_refused_result_file_keeps_the_typed_completion_note(officer_client):
    permohonan = PermohonanFactory(status=S.DIPROSES, diverifikasi_pada=timezone.now())
    response = _act(
        officer_client,
        permohonan,
        "selesaikan",
        {
            "selesaikan-jenis_hasil": "berkas",
            "selesaikan-catatan": "Surat terlampir.",
            "selesaikan-hasil": SimpleUploadedFile(
                "surat.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
            ),
        },
    )
    permohonan.refresh_from_db()
    assert permohonan.status == S.DIPROSES
    assert not permohonan.hasil_berkas
    form = response.context["form"]
    assert "surat.pdf" in form.errors["hasil"][0]
    # The note stays typed; the file must be chosen again, and the page says so.
    assert "Surat terlampir.</textarea>" in response.content.decode()
    assert "Pilih ulang berkas" in form.fields["hasil"].help_text


def test_rejecting_records_the_reason_and_clears_the_deadline(officer_client):
    permohonan = _verified()
    _act(officer_client, permohonan, "tolak", {"tolak-alasan": "Bukan warga Babalan."})
    permohonan.refresh_from_db()
    assert permohonan.status == S.DITOLAK
    assert permohonan.alasan_penolakan == "Bukan warga Babalan."
    assert permohonan.batas_waktu is None


def test_an_action_invalid_for_the_status_shows_an_error(officer_client):
    permohonan = PermohonanFactory()
    response = _act(
        officer_client, permohonan, "selesaikan", {"selesaikan-catatan": "Selesai."}
    )
    permohonan.refresh_from_db()
    assert permohonan.status == S.DIAJUKAN
    assert [level for level, _text in _messages(response)] == ["error"]


def test_an_unknown_action_is_not_found(officer_client):
    permohonan = PermohonanFactory()
    response = _act(officer_client, permohonan, "hapus", {})
    assert response.status_code == HTTPStatus.NOT_FOUND


# The dashboard panel.


def test_the_dashboard_panel_counts_new_and_overdue_in_the_officers_kecamatan(
    officer_client,
):
    PermohonanFactory.create_batch(2)
    late = _overdue()
    PermohonanFactory(kecamatan=kecamatan("stabat"))
    other_late = _overdue(kecamatan=kecamatan("stabat"))
    response = officer_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert "Permohonan layanan e-kecamatan" in html
    assert late.kode_lacak in html
    assert other_late.kode_lacak not in html
    assert "?terlambat=true" in html
    assert "?status=diajukan" in html
    panel = html[html.index("permohonan-e-kecamatan") :]
    counts = [cell.split("</td>")[0].strip() for cell in panel.split("<td>")[1:3]]
    assert counts == ["2", "1"]


def test_the_dashboard_panel_is_not_shown_to_users_without_the_role(client):
    client.force_login(role_user("Editor PPID"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Permohonan layanan e-kecamatan" not in html


def test_the_dashboard_panel_keeps_a_constant_number_of_queries(
    officer_client, django_assert_max_num_queries
):
    for _index in range(2):
        _overdue()
    with CaptureQueriesContext(connection) as few:
        officer_client.get(reverse("wagtailadmin_home"))
    for _index in range(20):
        _overdue()
    with django_assert_max_num_queries(len(few)):
        officer_client.get(reverse("wagtailadmin_home"))
