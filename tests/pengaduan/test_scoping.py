"""The e-laga permission matrix: role, admin screen and action (DESIGN §5).

Moderators see and process every report; an OPD officer sees only the reports
dispatched to their OPD and may follow them up and resolve them; every other role,
and anonymous visitors, see nothing. Outside a user's scope a report answers as if
it did not exist, whichever URL is used.
"""

from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from pengaduan.choices import StatusLaporan
from pengaduan.models import Laporan
from portal.models import PerangkatDaerah
from portal.roles import (
    EDITOR_PPID,
    MODERATOR_PENGADUAN,
    PETUGAS_KECAMATAN,
    PETUGAS_OPD,
)
from tests.pengaduan.factories import (
    DispatchedLaporanFactory,
    LampiranLaporanFactory,
    LaporanFactory,
    PetugasFactory,
)

pytestmark = pytest.mark.django_db

S = StatusLaporan
MODERATOR = "moderator"
PUPR = "petugas PUPR"
DINKES = "petugas Dinkes"
KECAMATAN = "petugas kecamatan"
EDITOR = "editor PPID"
ANONYMOUS = "anonim"
ROLES = [MODERATOR, PUPR, DINKES, KECAMATAN, EDITOR, ANONYMOUS]
#: Who may see a report dispatched to Dinas PUPR.
SEES_PUPR_REPORTS = {MODERATOR, PUPR}
#: How a refusal answers: 404 outside the scope, or Wagtail's redirect to the
#: dashboard (permission denied) or to the login form (anonymous).
DENIED = {HTTPStatus.NOT_FOUND, HTTPStatus.FORBIDDEN, HTTPStatus.FOUND}


def make_user(role):
    if role == MODERATOR:
        return PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN)
    if role == PUPR:
        return PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    if role == DINKES:
        return PetugasFactory(username="dinkes", role=PETUGAS_OPD, opd="dinkes")
    if role == KECAMATAN:
        return PetugasFactory(
            username="babalan", role=PETUGAS_KECAMATAN, kecamatan_tugas="babalan"
        )
    if role == EDITOR:
        return PetugasFactory(username="editor", role=EDITOR_PPID)
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
def laporan():
    """A report dispatched to Dinas PUPR, with a photo."""
    return LampiranLaporanFactory(laporan__judul="Jembatan Securai retak").laporan


@pytest.mark.parametrize("role", ROLES)
def test_list_shows_a_pupr_report_only_to_moderators_and_pupr_officers(
    client, role, laporan
):
    response = client_for(client, role).get(reverse("laporan:index"))
    if role in SEES_PUPR_REPORTS:
        assert response.status_code == HTTPStatus.OK
        assert laporan.kode_lacak in response.content.decode()
    elif role == DINKES:
        assert response.status_code == HTTPStatus.OK
        assert laporan.kode_lacak not in response.content.decode()
    else:
        assert_denied(response)


@pytest.mark.parametrize("role", ROLES)
def test_detail_of_a_pupr_report_opens_only_for_moderators_and_pupr_officers(
    client, role, laporan
):
    client = client_for(client, role)
    for view in ("inspect", "history", "usage", "edit", "delete"):
        response = client.get(reverse(f"laporan:{view}", args=[laporan.pk]))
        if role == MODERATOR and view in {"inspect", "history", "usage", "edit"}:
            assert response.status_code == HTTPStatus.OK, view
        elif role == PUPR and view in {"inspect", "history"}:
            # The OPD reads the report and its history; it edits nothing.
            assert response.status_code == HTTPStatus.OK, view
            assert laporan.kode_lacak in response.content.decode()
        else:
            assert_denied(response)


@pytest.mark.parametrize("role", ROLES)
def test_export_contains_a_pupr_report_only_for_moderators_and_pupr_officers(
    client, role, laporan
):
    response = client_for(client, role).get(reverse("laporan:index"), {"export": "csv"})
    if role in SEES_PUPR_REPORTS | {DINKES}:
        assert response.status_code == HTTPStatus.OK
        content = b"".join(response.streaming_content).decode()
        assert (laporan.kode_lacak in content) == (role in SEES_PUPR_REPORTS)
    else:
        assert_denied(response)


@pytest.mark.parametrize("role", ROLES)
def test_attachment_is_served_only_to_officers_who_see_the_report(
    client, role, laporan
):
    lampiran = laporan.lampiran.get()
    response = client_for(client, role).get(
        reverse("laporan:lampiran", args=[laporan.pk, lampiran.pk])
    )
    if role in SEES_PUPR_REPORTS:
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"] == "image/png"
        assert "no-store" in response["Cache-Control"]
    else:
        assert_denied(response)


def _pupr():
    return PerangkatDaerah.objects.get(slug="dinas-pupr")


# action: (report in the right state, POST data, status afterwards)
ACTION_CASES = {
    "verifikasi": (lambda: LaporanFactory(), {}, S.DIVERIFIKASI),
    "tolak": (
        lambda: LaporanFactory(),
        {"tolak-alasan": "Laporan ganda."},
        S.DITOLAK,
    ),
    "disposisi": (
        lambda: DispatchedLaporanFactory(),
        {"disposisi-perangkat_daerah": "{pupr}"},
        S.DIDISPOSISIKAN,
    ),
    "tindak-lanjut": (
        lambda: DispatchedLaporanFactory(),
        {"tindak-lanjut-pesan": "Tim meninjau lokasi.", "tindak-lanjut-publik": "on"},
        S.DITINDAKLANJUTI,
    ),
    "selesaikan": (
        lambda: DispatchedLaporanFactory(status=S.DITINDAKLANJUTI),
        {"selesaikan-pesan": "Jalan sudah ditambal."},
        S.SELESAI,
    ),
    "tutup": (
        lambda: DispatchedLaporanFactory(status=S.SELESAI),
        {},
        S.DITUTUP,
    ),
}
#: Actions each role may take on a report it can see.
ALLOWED_ACTIONS = {
    MODERATOR: set(ACTION_CASES) | {"tanda-pembaca"},
    PUPR: {"tindak-lanjut", "selesaikan"},
}


@pytest.mark.parametrize("action", list(ACTION_CASES))
@pytest.mark.parametrize("role", ROLES)
def test_each_action_changes_status_only_for_the_roles_allowed(client, role, action):
    make_report, data, expected_status = ACTION_CASES[action]
    laporan = make_report()
    before = laporan.status
    data = {key: value.format(pupr=_pupr().pk) for key, value in data.items()}
    response = client_for(client, role).post(
        reverse("laporan:action", args=[laporan.pk, action]), data
    )
    laporan.refresh_from_db()
    if action in ALLOWED_ACTIONS.get(role, set()):
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == reverse("laporan:inspect", args=[laporan.pk])
        assert laporan.status == expected_status
    else:
        assert_denied(response)
        assert laporan.status == before


@pytest.mark.parametrize("role", ROLES)
def test_only_moderators_decide_on_reader_flags(client, role):
    laporan = DispatchedLaporanFactory(jumlah_tanda=3, disembunyikan=True)
    response = client_for(client, role).post(
        reverse("laporan:action", args=[laporan.pk, "tanda-pembaca"]),
        {"tanda-pembaca-keputusan": "tampilkan"},
    )
    laporan.refresh_from_db()
    if role == MODERATOR:
        assert response.status_code == HTTPStatus.FOUND
        assert not laporan.disembunyikan
    else:
        assert_denied(response)
        assert laporan.disembunyikan


def test_an_opd_officer_cannot_reach_another_opds_report_by_any_url(client):
    dinkes_report = DispatchedLaporanFactory(
        perangkat_daerah=PerangkatDaerah.objects.get(slug="dinkes")
    )
    lampiran = LampiranLaporanFactory(laporan=dinkes_report)
    client = client_for(client, PUPR)
    urls = [
        reverse(f"laporan:{view}", args=[dinkes_report.pk])
        for view in ("inspect", "edit", "delete", "history", "usage")
    ] + [reverse("laporan:lampiran", args=[dinkes_report.pk, lampiran.pk])]
    for url in urls:
        assert_denied(client.get(url))
    for action in ACTION_CASES:
        assert_denied(
            client.post(
                reverse("laporan:action", args=[dinkes_report.pk, action]),
                {f"{action}-pesan": "Coba."},
            )
        )
    listing = client.get(reverse("laporan:index"), {"q": dinkes_report.kode_lacak})
    assert list(listing.context["object_list"]) == []
    assert dinkes_report.judul not in listing.content.decode()
    dinkes_report.refresh_from_db()
    assert dinkes_report.status == S.DIDISPOSISIKAN
    assert dinkes_report.linimasa.count() == 0


def test_an_opd_officer_never_receives_the_identity_of_an_anonymous_reporter(client):
    laporan = DispatchedLaporanFactory(
        anonim=True,
        nama_pelapor="Rahmat Hidayat Nasution",
        email="rahmat.nasution@example.com",
        telepon="081377712345",
    )
    client = client_for(client, PUPR)
    pages = [
        client.get(reverse("laporan:inspect", args=[laporan.pk])),
        client.get(reverse("laporan:index")),
    ]
    export = client.get(reverse("laporan:index"), {"export": "csv"})
    texts = [page.content.decode() for page in pages]
    texts.append(b"".join(export.streaming_content).decode())
    for text in texts:
        for secret in ("Rahmat Hidayat", "rahmat.nasution", "081377712345", "1205015"):
            assert secret not in text
    assert laporan.judul in texts[0]


def test_an_opd_officer_sees_a_named_reporter_but_not_the_nik(client):
    laporan = DispatchedLaporanFactory()
    html = (
        client_for(client, PUPR)
        .get(reverse("laporan:inspect", args=[laporan.pk]))
        .content.decode()
    )
    assert laporan.nama_pelapor in html
    assert laporan.nik not in html
    assert laporan.nik_tersamar not in html


def test_moderators_see_the_identity_with_the_nik_masked(client):
    laporan = LaporanFactory(anonim=True)
    html = (
        client_for(client, MODERATOR)
        .get(reverse("laporan:inspect", args=[laporan.pk]))
        .content.decode()
    )
    assert laporan.nama_pelapor in html
    assert laporan.email in html
    assert laporan.nik_tersamar in html
    assert laporan.nik not in html


def test_no_report_can_be_added_or_copied_even_by_a_superuser(client):
    superuser = PetugasFactory(username="root", is_superuser=True)
    client.force_login(superuser)
    assert_denied(client.get(reverse("laporan:add")))
    assert Laporan.objects.count() == 0
