"""Service standards are published only through the "Publikasi Standar Layanan"
workflow (DESIGN §4.4, §5), driven through the real snippet admin views.

An Editor Layanan drafts and submits; only an Admin Portal member approves. Until
then the public list and the row keep the live version.
"""

from http import HTTPStatus

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from layanan.models import StandarLayanan
from portal.roles import ADMIN_PORTAL, EDITOR_LAYANAN
from tests.layanan.factories import StandarLayananFactory, role_user

pytestmark = pytest.mark.django_db

URLS = "wagtailsnippets_layanan_standarlayanan"
PUBLIC_LIST = "/api/portal/v1/e-kecamatan/layanan/"


@pytest.fixture
def editor():
    return role_user(EDITOR_LAYANAN, username="editor.layanan")


@pytest.fixture
def approver():
    return role_user(ADMIN_PORTAL, username="admin.portal")


def form_data(**overrides):
    values = {
        "nama": "Surat Keterangan Usaha",
        "slug": "surat-keterangan-usaha",
        "ringkasan": "Keterangan usaha untuk pengajuan kredit.",
        "dasar_hukum": rich_text("<p>Perbup Langkat tentang pelayanan.</p>"),
        "persyaratan": streamfield([]),
        "prosedur": streamfield([]),
        "waktu_hari_kerja": 2,
        "waktu_verifikasi_hari_kerja": 1,
        "biaya": 0,
        "keterangan_biaya": "",
        "produk": "Surat Keterangan Usaha",
        "saluran_pengaduan": "e-laga",
        "isian": streamfield([]),
        "semua_kecamatan": "on",
        "urutan": 10,
        "template_surat": inline_formset([]),
    }
    values.update(overrides)
    return nested_form_data(values)


def public_names(client):
    response = client.get(PUBLIC_LIST)
    assert response.status_code == HTTPStatus.OK
    return {item["nama"]: item for item in response.json()}


def current_task_state(layanan):
    state = WorkflowState.objects.for_instance(layanan).get(
        status=WorkflowState.STATUS_IN_PROGRESS
    )
    return state.current_task_state


def act_on_workflow(client, layanan, action, comment=""):
    task_state = current_task_state(layanan)
    return client.post(
        reverse(f"{URLS}:workflow_action", args=[layanan.pk, action, task_state.pk]),
        {"comment": comment},
    )


def test_a_new_service_saved_as_a_draft_is_neither_live_nor_public(client, editor):
    client.force_login(editor)
    response = client.post(reverse(f"{URLS}:add"), form_data())
    assert response.status_code == HTTPStatus.FOUND
    layanan = StandarLayanan.objects.get(slug="surat-keterangan-usaha")
    assert not layanan.live
    assert layanan.latest_revision is not None
    assert "Surat Keterangan Usaha" not in public_names(client)


def test_an_editor_sees_no_publish_button_and_cannot_publish_by_posting(client, editor):
    client.force_login(editor)
    html = client.get(reverse(f"{URLS}:add")).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    assert not editor.has_perm("layanan.publish_standarlayanan")

    client.post(reverse(f"{URLS}:add"), {**form_data(), "action-publish": "1"})
    layanan = StandarLayanan.objects.get(slug="surat-keterangan-usaha")
    assert not layanan.live
    assert "Surat Keterangan Usaha" not in public_names(client)


def test_an_editor_submits_to_the_workflow_and_an_admin_portal_member_approves(
    client, editor, approver
):
    client.force_login(editor)
    client.post(reverse(f"{URLS}:add"), {**form_data(), "action-submit": "1"})
    layanan = StandarLayanan.objects.get(slug="surat-keterangan-usaha")
    assert not layanan.live
    assert layanan.workflow_in_progress
    assert current_task_state(layanan).task.name == "Persetujuan Admin Portal"

    # The editor cannot approve their own submission.
    act_on_workflow(client, layanan, "approve")
    layanan.refresh_from_db()
    assert not layanan.live

    client.force_login(approver)
    response = act_on_workflow(client, layanan, "approve")
    assert response.status_code == HTTPStatus.FOUND
    layanan.refresh_from_db()
    assert layanan.live
    assert not layanan.workflow_in_progress
    assert "Surat Keterangan Usaha" in public_names(client)


def _live_service_edited_by(client, editor):
    """A live service whose fee the editor raises and submits to moderation."""
    layanan = StandarLayananFactory(nama="Surat Pindah", slug="surat-pindah", biaya=0)
    layanan.save_revision().publish()
    client.force_login(editor)
    response = client.post(
        reverse(f"{URLS}:edit", args=[layanan.pk]),
        {
            **form_data(
                nama="Surat Pindah",
                slug="surat-pindah",
                ringkasan="Tarif baru.",
                biaya=15000,
            ),
            "action-submit": "1",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    layanan.refresh_from_db()
    return layanan


def test_an_edit_in_moderation_leaves_the_live_version_public_until_approved(
    client, editor, approver
):
    layanan = _live_service_edited_by(client, editor)
    assert layanan.live
    assert layanan.has_unpublished_changes
    assert layanan.workflow_in_progress
    assert layanan.biaya == 0
    assert layanan.get_latest_revision_as_object().biaya == 15000
    public = public_names(client)["Surat Pindah"]
    assert public["biaya"] == 0
    assert public["ringkasan"] != "Tarif baru."

    client.force_login(approver)
    act_on_workflow(client, layanan, "approve")
    layanan.refresh_from_db()
    assert layanan.biaya == 15000
    assert not layanan.has_unpublished_changes
    assert public_names(client)["Surat Pindah"]["biaya"] == 15000


def test_requesting_changes_keeps_the_live_version_and_returns_it_to_the_editor(
    client, editor, approver
):
    layanan = _live_service_edited_by(client, editor)
    client.force_login(approver)
    response = act_on_workflow(
        client, layanan, "reject", comment="Dasar hukum tarif belum ada."
    )
    assert response.status_code == HTTPStatus.FOUND
    layanan.refresh_from_db()
    state = WorkflowState.objects.for_instance(layanan).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert layanan.live
    assert layanan.biaya == 0
    assert public_names(client)["Surat Pindah"]["biaya"] == 0

    # The editor sees the request for changes on the edit page.
    client.force_login(editor)
    html = client.get(reverse(f"{URLS}:edit", args=[layanan.pk])).content.decode()
    assert "Dasar hukum tarif belum ada." in html


def test_the_service_list_shows_name_time_cost_and_status(client, editor):
    StandarLayananFactory(nama="Surat Keterangan Ahli Waris", biaya=25000)
    draft = StandarLayananFactory(nama="Legalisasi Dokumen", live=False)
    client.force_login(editor)
    html = client.get(reverse(f"{URLS}:list")).content.decode()
    rows = {
        name: next(row for row in html.split("<tr")[1:] if name in row)
        for name in ("Surat Keterangan Ahli Waris", draft.nama)
    }
    assert "Rp25.000" in rows["Surat Keterangan Ahli Waris"]
    assert "aktif" in rows["Surat Keterangan Ahli Waris"]
    assert "Gratis" in rows[draft.nama]
    assert "konsep" in rows[draft.nama]
    response = client.get(reverse(f"{URLS}:list"), {"q": "ahli waris"})
    assert [item.nama for item in response.context["object_list"]] == [
        "Surat Keterangan Ahli Waris"
    ]
