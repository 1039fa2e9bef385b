"""The KIP page tree is edited through the "Publikasi Informasi Publik" workflow
(DESIGN §5, issue 13), driven through the real Wagtail page admin.

An Editor Informasi Publik adds and changes pages under the PPID page only, and
submits; the PPID (Editor PPID) or an Admin Portal member approves. Until then the
live version stays public. Other officers cannot edit KIP pages, and KIP editors
cannot edit pages outside the KIP subtree.
"""

import io
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import querydict_from_html

from portal.models import PerangkatDaerah
from portal.roles import (
    ADMIN_PORTAL,
    EDITOR_INFORMASI_PUBLIK,
    EDITOR_PPID,
    MODERATOR_PENGADUAN,
)
from ppid.models import InformasiPublikPage, PPIDPage
from ppid.permissions import grant_kip_page_rights
from tests.pengaduan.factories import PetugasFactory, create_elaga_page
from tests.ppid.factories import InformasiPublikPageFactory

pytestmark = pytest.mark.django_db

OLD_TITLE = "APBD Kabupaten Langkat 2026"
NEW_TITLE = "APBD Kabupaten Langkat 2026 (perubahan)"
DENIED = {HTTPStatus.FOUND, HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND}


@pytest.fixture
def item(dip_index):
    """A live DIP item with a published revision."""
    page = InformasiPublikPageFactory(parent=dip_index, title=OLD_TITLE, nomor="DIP-1")
    page.save_revision().publish()
    return InformasiPublikPage.objects.get(pk=page.pk)


@pytest.fixture
def editor():
    return PetugasFactory(username="editor.informasi", role=EDITOR_INFORMASI_PUBLIK)


@pytest.fixture
def ppid_officer():
    return PetugasFactory(username="ppid", role=EDITOR_PPID)


@pytest.fixture
def admin_portal():
    return PetugasFactory(username="admin.portal", role=ADMIN_PORTAL)


@pytest.fixture
def elaga_moderator():
    return PetugasFactory(username="moderator.elaga", role=MODERATOR_PENGADUAN)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form(client, page, **changes):
    """The page's edit form as the admin renders it, with ``changes`` typed in."""
    response = client.get(edit_url(page))
    assert response.status_code == HTTPStatus.OK
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = data.copy()
    for name, value in changes.items():
        data[name] = value
    return data


def post_edit(client, page, action, **changes):
    data = edit_form(client, page, **changes)
    data[action] = "1"
    return client.post(edit_url(page), data)


def in_progress(page):
    return WorkflowState.objects.for_instance(page).filter(
        status=WorkflowState.STATUS_IN_PROGRESS
    )


def act(client, page, action, comment=""):
    task_state = in_progress(page).get().current_task_state
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, action, task_state.pk],
        ),
        {"comment": comment},
    )


def live_title(page):
    return Page.objects.get(pk=page.pk).title


def draft_title(page):
    return Page.objects.get(pk=page.pk).get_latest_revision().object_str


def public_title(client, page):
    client.logout()
    response = client.get(page.url)
    assert response.status_code == HTTPStatus.OK
    return response.context["page"].title


def submit_change(client, editor, page, title=NEW_TITLE):
    client.force_login(editor)
    response = post_edit(client, page, "action-submit", title=title)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    assert in_progress(page).exists()


def page_codenames(group_name, page):
    return set(
        GroupPagePermission.objects.filter(
            group__name=group_name, page=page
        ).values_list("permission__codename", flat=True)
    )


# The set-up ------------------------------------------------------------------


def test_the_kip_subtree_uses_the_workflow_approved_by_the_ppid_or_admin_portal(
    ppid_page, item
):
    assert WorkflowPage.objects.get(page=ppid_page).workflow.name == (
        "Publikasi Informasi Publik"
    )
    assert item.get_workflow().name == "Publikasi Informasi Publik"
    (task,) = [task.specific for task in item.get_workflow().tasks.filter(active=True)]
    assert task.name == "Persetujuan PPID"
    assert set(task.groups.values_list("name", flat=True)) == {
        EDITOR_PPID,
        ADMIN_PORTAL,
    }


def test_kip_roles_hold_page_rights_on_the_ppid_page_and_nowhere_else(
    home_page, ppid_page
):
    assert page_codenames(EDITOR_INFORMASI_PUBLIK, ppid_page) == {
        "add_page",
        "change_page",
    }
    approver_rights = {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert page_codenames(EDITOR_PPID, ppid_page) == approver_rights
    assert page_codenames(ADMIN_PORTAL, ppid_page) == approver_rights
    other = GroupPagePermission.objects.filter(
        group__name__in=[EDITOR_INFORMASI_PUBLIK, EDITOR_PPID]
    ).exclude(page=ppid_page)
    assert not other.exists()


def test_granting_again_changes_nothing(ppid_page):
    before = GroupPagePermission.objects.count()
    grant_kip_page_rights(ppid_page)
    assert GroupPagePermission.objects.count() == before
    assert WorkflowPage.objects.filter(page=ppid_page).count() == 1


def test_wagtails_unused_default_groups_and_workflow_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


# The editor ------------------------------------------------------------------


def test_an_editor_sees_submit_but_no_publish_and_cannot_publish_by_posting(
    client, editor, item
):
    client.force_login(editor)
    html = client.get(edit_url(item)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html

    response = post_edit(client, item, "action-publish", title=NEW_TITLE)
    assert response.status_code == HTTPStatus.FOUND
    assert live_title(item) == OLD_TITLE
    assert public_title(client, item) == OLD_TITLE
    # Kept as a draft only.
    assert draft_title(item) == NEW_TITLE
    assert not in_progress(item).exists()


def test_an_edit_in_moderation_keeps_the_live_version_until_the_ppid_approves(
    client, editor, ppid_officer, item
):
    submit_change(client, editor, item)
    assert in_progress(item).get().current_task_state.task.name == "Persetujuan PPID"
    assert Page.objects.get(pk=item.pk).live
    assert live_title(item) == OLD_TITLE
    assert public_title(client, item) == OLD_TITLE

    # The editor cannot approve their own change.
    client.force_login(editor)
    act(client, item, "approve")
    assert live_title(item) == OLD_TITLE
    assert in_progress(item).exists()

    client.force_login(ppid_officer)
    response = act(client, item, "approve")
    assert response.status_code == HTTPStatus.FOUND
    assert live_title(item) == NEW_TITLE
    assert not in_progress(item).exists()
    assert public_title(client, item) == NEW_TITLE


def test_the_editor_cannot_edit_while_the_change_waits(client, editor, item):
    submit_change(client, editor, item)
    client.force_login(editor)
    data = edit_form(client, item, title="Judul lain")
    data["action-submit"] = "1"
    client.post(edit_url(item), data)
    assert draft_title(item) == NEW_TITLE
    assert live_title(item) == OLD_TITLE


def test_requested_changes_keep_the_live_version_and_go_back_to_the_editor(
    client, editor, ppid_officer, item
):
    submit_change(client, editor, item)
    client.force_login(ppid_officer)
    response = act(client, item, "reject", comment="Sebutkan nomor perda.")
    assert response.status_code == HTTPStatus.FOUND
    assert live_title(item) == OLD_TITLE
    assert public_title(client, item) == OLD_TITLE
    state = WorkflowState.objects.for_instance(item).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Sebutkan nomor perda."

    # The editor fixes it and submits again; the PPID approves.
    client.force_login(editor)
    response = post_edit(
        client, item, "action-submit", title="APBD Langkat 2026 (Perda 1/2026)"
    )
    assert response.status_code == HTTPStatus.FOUND
    assert live_title(item) == OLD_TITLE
    client.force_login(ppid_officer)
    act(client, item, "approve")
    assert live_title(item) == "APBD Langkat 2026 (Perda 1/2026)"


def test_the_ppid_may_publish_a_correction_directly(client, ppid_officer, item):
    client.force_login(ppid_officer)
    response = post_edit(client, item, "action-publish", title=NEW_TITLE)
    assert response.status_code == HTTPStatus.FOUND
    assert live_title(item) == NEW_TITLE
    assert public_title(client, item) == NEW_TITLE


def test_an_admin_portal_member_may_approve_too(client, editor, admin_portal, item):
    submit_change(client, editor, item)
    client.force_login(admin_portal)
    response = act(client, item, "approve")
    assert response.status_code == HTTPStatus.FOUND
    assert live_title(item) == NEW_TITLE


def test_an_editor_adds_a_dip_item_that_goes_live_only_once_approved(
    client, editor, ppid_officer, dip_index
):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["ppid", "informasipublikpage", dip_index.pk],
    )
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = data.copy()
    data.update(
        {
            "title": "Renstra Dinas Kominfo 2025-2029",
            "slug": "renstra-diskominfo",
            "nomor": "DIP-2026-099",
            "ringkasan": "Rencana strategis lima tahun.",
            "kategori": "berkala",
            "tahun": "2026",
            "perangkat_daerah": str(PerangkatDaerah.objects.get(slug="diskominfo").pk),
            "penanggung_jawab": "Kepala Dinas",
            "waktu_pembuatan": "Januari 2026",
            "tempat_pembuatan": "Stabat",
            "jangka_waktu_penyimpanan": "5 tahun",
            "action-submit": "1",
        }
    )
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    page = InformasiPublikPage.objects.get(nomor="DIP-2026-099")
    assert not page.live
    assert in_progress(page).exists()
    client.logout()
    assert client.get(f"{dip_index.url}renstra-diskominfo/").status_code == (
        HTTPStatus.NOT_FOUND
    )

    client.force_login(ppid_officer)
    act(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    client.logout()
    assert client.get(page.url).status_code == HTTPStatus.OK


# Out of bounds ---------------------------------------------------------------


def test_a_kip_editor_cannot_edit_pages_outside_the_kip_subtree(
    client, editor, ppid_officer, home_page
):
    elaga = create_elaga_page(home_page)
    for user in (editor, ppid_officer):
        client.force_login(user)
        for page in (home_page, elaga):
            assert client.get(edit_url(page)).status_code in DENIED
            response = client.post(
                edit_url(page),
                {"title": "Diubah", "slug": page.slug, "action-publish": "1"},
            )
            assert response.status_code in DENIED
            assert live_title(page) == page.title
            assert Page.objects.get(pk=page.pk).get_latest_revision() is None
        add_url = reverse(
            "wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk]
        )
        assert client.get(add_url).status_code in DENIED


def test_an_elaga_moderator_cannot_edit_or_approve_kip_pages(
    client, editor, elaga_moderator, item
):
    client.force_login(elaga_moderator)
    assert client.get(edit_url(item)).status_code in DENIED
    response = client.post(
        edit_url(item), {"title": "Diubah", "slug": item.slug, "action-publish": "1"}
    )
    assert response.status_code in DENIED
    assert live_title(item) == OLD_TITLE

    submit_change(client, editor, item)
    client.force_login(elaga_moderator)
    act(client, item, "approve")
    assert live_title(item) == OLD_TITLE
    assert in_progress(item).exists()


# The demo --------------------------------------------------------------------


def test_the_demo_has_a_kip_editor_and_its_ppid_page_uses_the_workflow():
    call_command("load_demo_data", app=["ppid"], stdout=io.StringIO())
    editor = get_user_model().objects.get(username="editor.informasi")
    assert list(editor.groups.values_list("name", flat=True)) == [
        EDITOR_INFORMASI_PUBLIK
    ]
    ppid_page = PPIDPage.objects.get(slug="informasi-publik")
    assert WorkflowPage.objects.get(page=ppid_page).workflow.name == (
        "Publikasi Informasi Publik"
    )
    item = InformasiPublikPage.objects.first()
    assert item.permissions_for_user(editor).can_edit()
    assert not item.permissions_for_user(editor).can_publish()
    assert item.dokumen.first().document.collection.name == "Informasi Publik"
