"""The e-kecamatan permission matrix: role, admin screen and action (DESIGN §5).

Portal admins see and process every kecamatan's applications; a Petugas Kecamatan
only those of their own kecamatan; everybody else (other roles, an officer without
a kecamatan on their profile, anonymous visitors) sees none. Outside a user's scope
an application answers as if it did not exist, whichever URL is used.
"""

import csv
import io
from http import HTTPStatus
from urllib.parse import urlsplit

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from layanan.choices import StatusPermohonan
from layanan.models import Permohonan
from portal.roles import (
    ADMIN_PORTAL,
    EDITOR_LAYANAN,
    MODERATOR_PENGADUAN,
    PETUGAS_KECAMATAN,
    PETUGAS_OPD,
)
from tests.factories import UserFactory
from tests.layanan.factories import (
    BerkasPermohonanFactory,
    PermohonanFactory,
    kecamatan_officer,
    role_user,
)

pytestmark = pytest.mark.django_db

S = StatusPermohonan
ADMIN = "admin portal"
SUPERUSER = "superuser"
BABALAN = "petugas Babalan"
STABAT = "petugas Stabat"
NO_KECAMATAN = "petugas kecamatan tanpa kecamatan"
EDITOR = "editor layanan"
MODERATOR = "moderator pengaduan"
OPD = "petugas OPD"
ANONYMOUS = "anonim"
ROLES = [
    ADMIN,
    SUPERUSER,
    BABALAN,
    STABAT,
    NO_KECAMATAN,
    EDITOR,
    MODERATOR,
    OPD,
    ANONYMOUS,
]
#: Who sees an application made in Babalan.
SEES_BABALAN = {ADMIN, SUPERUSER, BABALAN}
#: Who reaches the list at all (it is empty for those outside the scope).
OPENS_THE_LIST = SEES_BABALAN | {STABAT, NO_KECAMATAN}
#: How a refusal answers: 404 outside the scope, or Wagtail's redirect to the
#: dashboard (permission denied) or to the login form (anonymous).
DENIED = {HTTPStatus.NOT_FOUND, HTTPStatus.FORBIDDEN, HTTPStatus.FOUND}


def make_user(role):
    if role == ADMIN:
        return role_user(ADMIN_PORTAL, username="admin")
    if role == SUPERUSER:
        return UserFactory(username="root", is_superuser=True, is_staff=True)
    if role == BABALAN:
        return kecamatan_officer("babalan")
    if role == STABAT:
        return kecamatan_officer("stabat")
    if role == NO_KECAMATAN:
        return role_user(PETUGAS_KECAMATAN, username="tanpa.kecamatan")
    if role == EDITOR:
        return role_user(EDITOR_LAYANAN)
    if role == MODERATOR:
        return role_user(MODERATOR_PENGADUAN)
    if role == OPD:
        return role_user(PETUGAS_OPD)
    return None


def client_for(client, role):
    user = make_user(role)
    if user:
        client.force_login(user)
    return client


def assert_denied(response):
    assert response.status_code in DENIED
    if response.status_code == HTTPStatus.FOUND:
        assert urlsplit(response["Location"]).path in {"/admin/", "/admin/login/"}


@pytest.fixture
def permohonan():
    """A completed application in Babalan with an uploaded KTP and a result file."""
    berkas = BerkasPermohonanFactory(
        permohonan__status=S.SELESAI,
        permohonan__diverifikasi_pada=timezone.now(),
        permohonan__selesai_pada=timezone.now(),
        permohonan__hasil_content_type="image/png",
    )
    permohonan = berkas.permohonan
    permohonan.hasil_berkas.save("hasil.png", berkas.berkas.file, save=True)
    return permohonan


def _export_text(response, kind):
    content = b"".join(response.streaming_content)
    if kind == "csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
        return "\n".join(",".join(row) for row in rows)
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return "\n".join(
        str(cell)
        for row in workbook.active.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )


@pytest.mark.parametrize("role", ROLES)
def test_list_shows_a_babalan_application_only_to_admins_and_babalan_officers(
    client, role, permohonan
):
    response = client_for(client, role).get(reverse("permohonan_layanan:index"))
    if role in OPENS_THE_LIST:
        assert response.status_code == HTTPStatus.OK
        listed = list(response.context["object_list"])
        assert (permohonan in listed) == (role in SEES_BABALAN)
        assert (permohonan.kode_lacak in response.content.decode()) == (
            role in SEES_BABALAN
        )
    else:
        assert_denied(response)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("role", ROLES)
def test_exports_contain_a_babalan_application_only_for_those_who_see_it(
    client, role, kind, permohonan
):
    response = client_for(client, role).get(
        reverse("permohonan_layanan:index"), {"export": kind}
    )
    if role in OPENS_THE_LIST:
        assert response.status_code == HTTPStatus.OK
        text = _export_text(response, kind)
        assert (permohonan.kode_lacak in text) == (role in SEES_BABALAN)
        assert permohonan.nik not in text
    else:
        assert_denied(response)


@pytest.mark.parametrize("role", ROLES)
def test_detail_and_history_open_only_for_those_who_see_the_application(
    client, role, permohonan
):
    client = client_for(client, role)
    for view in ("inspect", "history"):
        response = client.get(
            reverse(f"permohonan_layanan:{view}", args=[permohonan.pk])
        )
        if role in SEES_BABALAN:
            assert response.status_code == HTTPStatus.OK, view
            assert permohonan.kode_lacak in response.content.decode()
        else:
            assert_denied(response)


@pytest.mark.parametrize("role", ROLES)
def test_no_role_may_add_copy_or_edit_an_application(client, role, permohonan):
    client = client_for(client, role)
    assert_denied(client.get(reverse("permohonan_layanan:add")))
    assert_denied(client.get(reverse("permohonan_layanan:edit", args=[permohonan.pk])))
    assert_denied(
        client.post(
            reverse("permohonan_layanan:edit", args=[permohonan.pk]),
            {"catatan_hasil": "Diubah."},
        )
    )
    permohonan.refresh_from_db()
    assert permohonan.catatan_hasil == ""
    assert Permohonan.objects.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_only_a_superuser_may_delete_an_application(client, role, permohonan):
    response = client_for(client, role).post(
        reverse("permohonan_layanan:delete", args=[permohonan.pk])
    )
    if role == SUPERUSER:
        assert response.status_code == HTTPStatus.FOUND
        assert not Permohonan.objects.filter(pk=permohonan.pk).exists()
    else:
        assert_denied(response)
        assert Permohonan.objects.filter(pk=permohonan.pk).exists()


@pytest.mark.parametrize("role", ROLES)
def test_files_are_served_only_to_those_who_see_the_application(
    client, role, permohonan
):
    client = client_for(client, role)
    berkas = permohonan.berkas.get()
    urls = [
        reverse("permohonan_layanan:berkas", args=[permohonan.pk, berkas.pk]),
        reverse("permohonan_layanan:hasil", args=[permohonan.pk]),
    ]
    for url in urls:
        response = client.get(url)
        if role in SEES_BABALAN:
            assert response.status_code == HTTPStatus.OK, url
            assert response["Content-Type"] == "image/png"
            assert "no-store" in response["Cache-Control"]
        else:
            assert_denied(response)


# action: (status before, POST data, status afterwards)
ACTION_CASES = {
    "verifikasi": (S.DIAJUKAN, {"verifikasi-catatan": "Lengkap."}, S.DIVERIFIKASI),
    "minta-perbaikan": (
        S.DIAJUKAN,
        {"minta-perbaikan-catatan": "KTP buram."},
        S.PERLU_PERBAIKAN,
    ),
    "proses": (S.DIVERIFIKASI, {"proses-catatan": "Disiapkan."}, S.DIPROSES),
    "selesaikan": (
        S.DIPROSES,
        {"selesaikan-jenis_hasil": "ambil", "selesaikan-catatan": "Ambil di kantor."},
        S.SELESAI,
    ),
    "tolak": (S.DIAJUKAN, {"tolak-alasan": "Ganda."}, S.DITOLAK),
}


@pytest.mark.parametrize("action", list(ACTION_CASES))
@pytest.mark.parametrize("role", ROLES)
def test_each_action_changes_status_only_for_those_who_see_the_application(
    client, role, action
):
    before, data, after = ACTION_CASES[action]
    permohonan = PermohonanFactory(
        status=before,
        diverifikasi_pada=None if before == S.DIAJUKAN else timezone.now(),
    )
    response = client_for(client, role).post(
        reverse("permohonan_layanan:action", args=[permohonan.pk, action]), data
    )
    permohonan.refresh_from_db()
    if role in SEES_BABALAN:
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == reverse(
            "permohonan_layanan:inspect", args=[permohonan.pk]
        )
        assert permohonan.status == after
    else:
        assert_denied(response)
        assert permohonan.status == before
        assert permohonan.linimasa.count() == 0


def test_a_babalan_officer_cannot_reach_a_stabat_application_by_any_url(client):
    stabat = BerkasPermohonanFactory(
        permohonan__kecamatan=kecamatan_officer("stabat").profil_petugas.kecamatan
    ).permohonan
    berkas = stabat.berkas.get()
    client = client_for(client, BABALAN)
    urls = [
        reverse(f"permohonan_layanan:{view}", args=[stabat.pk])
        for view in ("inspect", "edit", "delete", "history", "usage", "hasil")
    ] + [reverse("permohonan_layanan:berkas", args=[stabat.pk, berkas.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code in {HTTPStatus.NOT_FOUND, HTTPStatus.FOUND}, url
        assert_denied(response)
    for action, (_before, data, _after) in ACTION_CASES.items():
        response = client.post(
            reverse("permohonan_layanan:action", args=[stabat.pk, action]), data
        )
        assert response.status_code == HTTPStatus.NOT_FOUND
    listing = client.get(reverse("permohonan_layanan:index"), {"q": stabat.kode_lacak})
    assert list(listing.context["object_list"]) == []
    export = client.get(reverse("permohonan_layanan:index"), {"export": "csv"})
    assert stabat.kode_lacak not in _export_text(export, "csv")
    stabat.refresh_from_db()
    assert stabat.status == S.DIAJUKAN
    assert stabat.linimasa.count() == 0


def test_an_officer_who_loses_the_role_loses_the_scope(client, permohonan):
    officer = kecamatan_officer("babalan")
    officer.groups.remove(Group.objects.get(name=PETUGAS_KECAMATAN))
    client.force_login(officer)
    assert_denied(client.get(reverse("permohonan_layanan:index")))
    assert_denied(
        client.get(reverse("permohonan_layanan:inspect", args=[permohonan.pk]))
    )


def test_the_admin_menu_shows_e_kecamatan_to_officers_but_not_to_other_roles(client):
    client = client_for(client, BABALAN)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("permohonan_layanan:index") in html
    client.logout()
    client = client_for(client, MODERATOR)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("permohonan_layanan:index") not in html
