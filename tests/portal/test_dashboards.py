"""The admin dashboard per role (DESIGN §5): each officer sees the panels of their
own work, overdue and due-soon items by code within their scope, drafts and items
in moderation for editors, UMKM awaiting verification for the market moderator;
never a citizen's identity; no page search without page rights; a bounded number
of queries whatever the number of records.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.views.home import (
    LockedPagesPanel,
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import GroupPagePermission

from home.models import StandardPage
from layanan.choices import StatusPermohonan as StatusLayanan
from pasar.viewsets import verification_url
from pengaduan.choices import StatusLaporan
from portal.models import PerangkatDaerah
from portal.roles import (
    ADMIN_PORTAL,
    ATASAN_PPID,
    EDITOR_LAYANAN,
    EDITOR_PPID,
    MODERATOR_PASAR,
    MODERATOR_PENGADUAN,
    PETUGAS_OPD,
)
from portal.working_days import add_working_days
from ppid.choices import StatusKeberatan
from ppid.models import Keberatan
from tests.factories import UserFactory
from tests.layanan.factories import (
    PermohonanFactory,
    StandarLayananFactory,
    kecamatan,
    kecamatan_officer,
    role_user,
)
from tests.pasar.factories import UMKMFactory
from tests.pengaduan.factories import DispatchedLaporanFactory, PetugasFactory
from tests.ppid.factories import DecidedPermohonanFactory, PermohonanInformasiFactory

pytestmark = pytest.mark.django_db

HOME = "wagtailadmin_home"
#: Every dashboard stays under this many queries, with 3 records or 30.
MAX_DASHBOARD_QUERIES = 30

LAPORAN_PANEL = "laporan-e-laga"
PERMOHONAN_PANEL = "permohonan-e-kecamatan"
KIP_PANEL = "permohonan-informasi"
KEBERATAN_PANEL = "keberatan-informasi"
STANDAR_PANEL = "standar-layanan"
UMKM_PANEL = "umkm-e-pasar"
PAGE_DRAFTS_PANEL = "draf-halaman"
PORTAL_PANELS = (
    LAPORAN_PANEL,
    PERMOHONAN_PANEL,
    KIP_PANEL,
    KEBERATAN_PANEL,
    STANDAR_PANEL,
    UMKM_PANEL,
    PAGE_DRAFTS_PANEL,
)

#: What the factories put in the citizens' identity fields.
IDENTITY = (
    "Siti Rahmawati",
    "siti.rahmawati@example.com",
    "Rina Sembiring",
    "rina.sembiring@example.com",
    "1205015203850002",
    "081234567890",
    "Budi Santoso",
    "budi.santoso@example.com",
    "1205011203850001",
    "081298765432",
    "+6281234567890",
    "@example.com",
)


def today():
    return timezone.localdate()


def overdue_date():
    return today() - datetime.timedelta(days=3)


def due_soon_date():
    return add_working_days(today(), 2)


def far_date():
    return add_working_days(today(), 10)


# Users.


def moderator_elaga():
    return PetugasFactory(username="moderator.elaga", role=MODERATOR_PENGADUAN)


def petugas_pupr():
    return PetugasFactory(username="petugas.pupr", role=PETUGAS_OPD, opd="dinas-pupr")


def petugas_babalan():
    return kecamatan_officer("babalan")


def editor_ppid():
    return PetugasFactory(username="ppid.editor", role=EDITOR_PPID)


def atasan_ppid():
    return PetugasFactory(username="atasan.ppid", role=ATASAN_PPID)


def editor_layanan():
    return role_user(EDITOR_LAYANAN, username="editor.layanan")


def moderator_pasar():
    return PetugasFactory(username="moderator.pasar", role=MODERATOR_PASAR)


def admin_portal():
    return role_user(ADMIN_PORTAL, username="admin.portal")


def superuser():
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


def page_author(page):
    """A user whose group may add and change pages under ``page``."""
    group = Group.objects.create(name="Penulis halaman uji")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = UserFactory(username="penulis")
    user.groups.add(group)
    return user


# Records.


def laporan(batas_waktu, opd="dinas-pupr", **fields):
    return DispatchedLaporanFactory(
        batas_waktu=batas_waktu,
        perangkat_daerah=PerangkatDaerah.objects.get(slug=opd),
        **fields,
    )


def permohonan_layanan(batas_waktu, slug="babalan", **fields):
    return PermohonanFactory(
        status=StatusLayanan.DIPROSES,
        diverifikasi_pada=timezone.now() - datetime.timedelta(days=20),
        batas_waktu=batas_waktu,
        kecamatan=kecamatan(slug),
        **fields,
    )


def permohonan_informasi(batas_waktu, **fields):
    return PermohonanInformasiFactory(batas_waktu=batas_waktu, **fields)


def keberatan(batas_waktu):
    return Keberatan.objects.create(
        permohonan=DecidedPermohonanFactory(),
        alasan=["a"],
        uraian="Permohonan saya ditolak tanpa alasan.",
        batas_waktu=batas_waktu,
    )


def draft_standard(editor, nama):
    """A service standard never published, saved as a draft by ``editor``."""
    standard = StandarLayananFactory(
        nama=nama, live=False, has_unpublished_changes=True
    )
    standard.save_revision(user=editor)
    return standard


def submitted_standard(editor, nama):
    """A service standard submitted to "Publikasi Standar Layanan" by ``editor``."""
    standard = draft_standard(editor, nama)
    standard.get_workflow().start(standard, editor)
    return standard


# Reading the dashboard.


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse(HOME))
    assert response.status_code == 200
    return response


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def panel(response, panel_id):
    """The panel ``panel_id`` of the dashboard, or ``None``."""
    return soup_of(response).find(id=f"{panel_id}-section")


def panel_list(response, panel_id, key):
    section = panel(response, panel_id)
    assert section is not None, f"panel {panel_id} missing"
    return section.find(attrs={"data-dashboard-list": key})


def row_labels(response, panel_id, key):
    """The link texts (codes, names) of a panel list's rows."""
    section = panel_list(response, panel_id, key)
    return [
        row.find("td").find("a").get_text(strip=True)
        for row in section.select("tbody tr")
    ]


def empty_text(response, panel_id, key):
    empty = panel_list(response, panel_id, key).find(
        attrs={"data-dashboard-empty": True}
    )
    return empty.get_text(strip=True) if empty else None


def shown_panels(response):
    soup = soup_of(response)
    return {
        panel_id for panel_id in PORTAL_PANELS if soup.find(id=f"{panel_id}-section")
    }


# e-laga: moderators and OPD officers.


def test_the_moderator_sees_overdue_and_due_soon_reports_by_code(client):
    late = laporan(overdue_date())
    soon = laporan(due_soon_date(), opd="dinkes")
    far = laporan(far_date())
    closed = laporan(None, status=StatusLaporan.SELESAI)
    response = dashboard(client, moderator_elaga())
    assert row_labels(response, LAPORAN_PANEL, "overdue") == [late.kode_lacak]
    assert row_labels(response, LAPORAN_PANEL, "due-soon") == [soon.kode_lacak]
    html = str(panel(response, LAPORAN_PANEL))
    assert far.kode_lacak not in html
    assert closed.kode_lacak not in html
    assert f"{reverse('laporan:index')}?terlambat=true" in html
    assert reverse("laporan:inspect", args=[late.pk]) in html


def test_an_opd_officer_sees_only_reports_dispatched_to_their_office(client):
    late = laporan(overdue_date(), judul="Drainase tersumbat")
    soon = laporan(due_soon_date())
    other_late = laporan(overdue_date(), opd="dinkes", judul="Antrean puskesmas")
    other_soon = laporan(due_soon_date(), opd="dinkes")
    response = dashboard(client, petugas_pupr())
    section = panel(response, LAPORAN_PANEL)
    assert "Laporan e-laga: Dinas Pekerjaan Umum" in section.get_text(" ")
    assert row_labels(response, LAPORAN_PANEL, "overdue") == [late.kode_lacak]
    assert row_labels(response, LAPORAN_PANEL, "due-soon") == [soon.kode_lacak]
    html = response.content.decode()
    assert other_late.kode_lacak not in html
    assert other_soon.kode_lacak not in html
    assert "Antrean puskesmas" not in html


def test_empty_lists_say_so_in_indonesian(client):
    response = dashboard(client, petugas_pupr())
    assert empty_text(response, LAPORAN_PANEL, "overdue") == (
        "Tidak ada laporan yang melewati batas waktu."
    )
    assert empty_text(response, LAPORAN_PANEL, "due-soon") == (
        "Tidak ada laporan yang jatuh tempo dalam 3 hari kerja."
    )


def test_a_long_list_shows_ten_rows_and_a_link_to_all(client):
    for _index in range(12):
        laporan(overdue_date())
    response = dashboard(client, moderator_elaga())
    assert len(row_labels(response, LAPORAN_PANEL, "overdue")) == 10
    more = panel_list(response, LAPORAN_PANEL, "overdue").find(
        "a", string=lambda text: text and "Lihat semua" in text
    )
    assert more["href"] == f"{reverse('laporan:index')}?terlambat=true"
    assert "(12)" in more.get_text()


# e-kecamatan: kecamatan officers.


def test_a_kecamatan_officer_sees_only_their_kecamatans_applications(client):
    late = permohonan_layanan(overdue_date())
    soon = permohonan_layanan(due_soon_date())
    other_late = permohonan_layanan(overdue_date(), slug="stabat")
    other_soon = permohonan_layanan(due_soon_date(), slug="stabat")
    response = dashboard(client, petugas_babalan())
    section = panel(response, PERMOHONAN_PANEL)
    assert "Kecamatan Babalan" in section.get_text(" ")
    assert row_labels(response, PERMOHONAN_PANEL, "overdue") == [late.kode_lacak]
    assert row_labels(response, PERMOHONAN_PANEL, "due-soon") == [soon.kode_lacak]
    html = response.content.decode()
    assert other_late.kode_lacak not in html
    assert other_soon.kode_lacak not in html


# KIP: the Editor PPID's requests, the Atasan PPID's objections.


def test_the_editor_ppid_sees_requests_past_and_near_their_deadline(client):
    late = permohonan_informasi(overdue_date())
    soon = permohonan_informasi(due_soon_date())
    objection = keberatan(overdue_date())
    response = dashboard(client, editor_ppid())
    assert row_labels(response, KIP_PANEL, "overdue") == [late.kode_lacak]
    assert row_labels(response, KIP_PANEL, "due-soon") == [soon.kode_lacak]
    assert KEBERATAN_PANEL not in shown_panels(response)
    assert objection.permohonan.kode_lacak not in str(panel(response, KIP_PANEL))


def test_the_atasan_ppid_sees_objections_past_and_near_their_deadline(client):
    late = keberatan(overdue_date())
    soon = keberatan(due_soon_date())
    answered = keberatan(overdue_date())
    Keberatan.objects.filter(pk=answered.pk).update(status=StatusKeberatan.DIJAWAB)
    permohonan_informasi(overdue_date())
    response = dashboard(client, atasan_ppid())
    assert row_labels(response, KEBERATAN_PANEL, "overdue") == [
        late.permohonan.kode_lacak
    ]
    assert row_labels(response, KEBERATAN_PANEL, "due-soon") == [
        soon.permohonan.kode_lacak
    ]
    assert KIP_PANEL not in shown_panels(response)
    # An objection is answered on its request's page.
    html = str(panel(response, KEBERATAN_PANEL))
    assert reverse("permohonan_informasi:inspect", args=[late.permohonan_id]) in html


# Editors: service standards and pages.


def test_the_editor_layanan_sees_drafts_and_standards_in_moderation(client):
    editor = editor_layanan()
    draft_standard(editor, "Surat Keterangan Usaha")
    submitted_standard(editor, "Surat Keterangan Tidak Mampu")
    StandarLayananFactory(nama="Surat Pindah")  # live, nothing pending
    response = dashboard(client, editor)
    assert row_labels(response, STANDAR_PANEL, "drafts") == ["Surat Keterangan Usaha"]
    assert row_labels(response, STANDAR_PANEL, "moderation") == [
        "Surat Keterangan Tidak Mampu"
    ]
    text = panel(response, STANDAR_PANEL).get_text(" ")
    assert "menunggu persetujuan" in text
    assert "Surat Pindah" not in text
    # Wagtail's own "in a workflow" panel would list the same standard again.
    assert not any(
        isinstance(item, UserObjectsInWorkflowModerationPanel)
        for item in response.context["panels"]
    )


def test_an_editor_layanan_without_work_reads_empty_lists(client):
    response = dashboard(client, editor_layanan())
    assert empty_text(response, STANDAR_PANEL, "drafts") == (
        "Tidak ada draf standar layanan yang belum diajukan."
    )
    assert empty_text(response, STANDAR_PANEL, "moderation") == (
        "Tidak ada standar layanan yang sedang dalam moderasi."
    )


def test_the_approver_reviews_standards_in_wagtails_awaiting_review_panel(client):
    submitted_standard(editor_layanan(), "Surat Keterangan Tidak Mampu")
    response = dashboard(client, admin_portal())
    awaiting = soup_of(response).find(id="awaiting-review-section")
    assert "Surat Keterangan Tidak Mampu" in awaiting.get_text(" ")


def test_a_page_author_sees_their_page_drafts(client, home_page):
    author = page_author(home_page)
    draft = StandardPage(title="Profil Kecamatan (draf)", slug="profil", live=False)
    home_page.add_child(instance=draft)
    draft.save_revision(user=author)
    published = StandardPage(title="Visi dan misi", slug="visi")
    home_page.add_child(instance=published)
    published.save_revision(user=author).publish()
    response = dashboard(client, author)
    assert row_labels(response, PAGE_DRAFTS_PANEL, "drafts") == [
        "Profil Kecamatan (draf)"
    ]


# e-pasar: the market moderator.


def test_the_market_moderator_sees_umkm_awaiting_verification_with_a_verify_link(
    client,
):
    waiting = UMKMFactory(nama_usaha="Dapur Melayu", terverifikasi=False)
    verified = UMKMFactory(nama_usaha="Kopi Langkat")
    response = dashboard(client, moderator_pasar())
    assert row_labels(response, UMKM_PANEL, "waiting") == ["Dapur Melayu"]
    html = str(panel(response, UMKM_PANEL))
    assert verification_url(waiting, "verify") in html
    assert verified.nama_usaha not in html
    assert f"{reverse('umkm:index')}?terverifikasi=false" in html


# Who sees which panel, and nobody's identity.


PANELS_BY_ROLE = [
    (moderator_elaga, {LAPORAN_PANEL}),
    (petugas_pupr, {LAPORAN_PANEL}),
    (petugas_babalan, {PERMOHONAN_PANEL}),
    (editor_ppid, {KIP_PANEL}),
    (atasan_ppid, {KEBERATAN_PANEL}),
    (editor_layanan, {STANDAR_PANEL}),
    (moderator_pasar, {UMKM_PANEL}),
]


@pytest.mark.parametrize(
    ("make_user", "expected"),
    PANELS_BY_ROLE,
    ids=[make_user.__name__ for make_user, _panels in PANELS_BY_ROLE],
)
def test_each_role_sees_only_its_own_panels_and_no_identity(
    client, make_user, expected
):
    laporan(overdue_date())
    laporan(due_soon_date(), anonim=False)
    permohonan_layanan(overdue_date())
    permohonan_informasi(overdue_date())
    keberatan(due_soon_date())
    UMKMFactory(terverifikasi=False)
    response = dashboard(client, make_user())
    assert shown_panels(response) == expected
    html = response.content.decode()
    for value in IDENTITY:
        assert value not in html


# Wagtail's page pieces: only for users with page rights.


NON_PAGE_USERS = [
    moderator_elaga,
    petugas_pupr,
    petugas_babalan,
    atasan_ppid,
    editor_layanan,
]


@pytest.mark.parametrize(
    "make_user",
    NON_PAGE_USERS,
    ids=[make_user.__name__ for make_user in NON_PAGE_USERS],
)
def test_officers_without_page_rights_get_no_page_search_or_page_panels(
    client, home_page, make_user
):
    response = dashboard(client, make_user())
    soup = soup_of(response)
    assert soup.find(attrs={"data-page-search": True}) is None
    assert reverse("wagtailadmin_explore", args=[home_page.pk]) not in str(soup)
    assert soup.find(class_="w-summary") is None
    assert "wagtail.sidebar.SearchModule" not in response.content.decode()
    page_panels = (
        RecentEditsPanel,
        LockedPagesPanel,
        UserObjectsInWorkflowModerationPanel,
    )
    assert not any(isinstance(p, page_panels) for p in response.context["panels"])
    # Approvers of snippet workflows act in "awaiting your review".
    assert any(
        isinstance(p, WorkflowObjectsToModeratePanel)
        for p in response.context["panels"]
    )


@pytest.mark.parametrize("make_user", [superuser, "page_author"])
def test_page_editors_keep_the_page_search_and_wagtails_page_panels(
    client, home_page, make_user
):
    user = page_author(home_page) if make_user == "page_author" else make_user()
    response = dashboard(client, user)
    form = soup_of(response).find(attrs={"data-page-search": True})
    assert form is not None
    assert form["action"].startswith(reverse("wagtailadmin_explore_root"))
    assert "wagtail.sidebar.SearchModule" in response.content.decode()
    assert any(isinstance(p, RecentEditsPanel) for p in response.context["panels"])


# Queries.


def _records_for(make_user, count, editor=None):
    """``count`` records of each kind the role's panels list."""
    for index in range(count):
        deadline = overdue_date() if index % 2 else due_soon_date()
        if make_user in (moderator_elaga, petugas_pupr):
            laporan(deadline)
        elif make_user is petugas_babalan:
            permohonan_layanan(deadline)
        elif make_user is editor_ppid:
            permohonan_informasi(deadline)
        elif make_user is atasan_ppid:
            keberatan(deadline)
        elif make_user is editor_layanan:
            if index % 2:
                submitted_standard(editor, f"Layanan uji {count}-{index}")
            else:
                draft_standard(editor, f"Layanan uji {count}-{index}")
        elif make_user is moderator_pasar:
            UMKMFactory(terverifikasi=False)


def _dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(HOME)).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "make_user",
    [make_user for make_user, _panels in PANELS_BY_ROLE],
    ids=[make_user.__name__ for make_user, _panels in PANELS_BY_ROLE],
)
def test_each_dashboard_runs_the_same_bounded_queries_with_3_or_30_records(
    client, make_user, django_assert_max_num_queries
):
    user = make_user()
    client.force_login(user)
    client.get(reverse(HOME))  # warm per-process caches (content types, sites)
    _records_for(make_user, 3, editor=user)
    with django_assert_max_num_queries(MAX_DASHBOARD_QUERIES):
        few = _dashboard_queries(client)
    _records_for(make_user, 27, editor=user)
    with django_assert_max_num_queries(few):
        response = client.get(reverse(HOME))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "make_user",
    [make_user for make_user, _panels in PANELS_BY_ROLE],
    ids=[make_user.__name__ for make_user, _panels in PANELS_BY_ROLE],
)
def test_every_link_of_a_panel_opens_for_its_role(client, make_user):
    user = make_user()
    _records_for(make_user, 2, editor=user)
    response = dashboard(client, user)
    links = {
        link["href"]
        for panel_id in shown_panels(response)
        for link in panel(response, panel_id).select(".w-panel__content a[href]")
    }
    assert links
    for url in links:
        assert client.get(url).status_code == 200, url
