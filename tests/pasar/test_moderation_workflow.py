"""Owners submit, Market moderators decide in the Wagtail admin, owners are told."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission, WorkflowPage, WorkflowState

from pasar import services
from pasar.models import ProdukPage
from portal.roles import MODERATOR_PASAR


def _task_state_id(page):
    return services.current_workflow_state(page).current_task_state_id


def _moderate(client, page, action, comment=""):
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, _task_state_id(page)],
    )
    return client.post(url, {"comment": comment})


def _product_form(page, **overrides):
    data = services.latest_product(page)
    form = {
        "title": data.title,
        "kategori": data.kategori.slug,
        "deskripsi": data.deskripsi,
        "harga": str(data.harga),
        "harga_maks": "",
        "satuan": data.satuan,
        "ketersediaan": data.ketersediaan,
        "tags": "keripik",
    }
    form.update(overrides)
    return form


@pytest.mark.django_db
def test_new_market_index_is_linked_to_moderasi_produk_with_moderator_rights(
    pasar_page,
):
    assert WorkflowPage.objects.get(page=pasar_page).workflow.name == "Moderasi Produk"
    codenames = set(
        GroupPagePermission.objects.filter(
            page=pasar_page, group__name=MODERATOR_PASAR
        ).values_list("permission__codename", flat=True)
    )
    assert codenames == {"change_page", "publish_page"}


@pytest.mark.django_db
def test_full_workflow_from_submission_to_publication_with_changes_requested(
    client,
    owner_umkm,
    make_product,
    market_moderator,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    owner = owner_umkm.pemilik
    page = make_product(owner_umkm)
    services.submit_product(page, owner)
    page.refresh_from_db()
    assert not page.live
    assert services.product_state(page).code == services.IN_MODERATION
    assert client.get(page.url or "/e-pasar/keripik-pisang-kepok/").status_code == (
        HTTPStatus.NOT_FOUND
    )

    # The moderator sees the task on the admin dashboard and sends it back.
    client.force_login(market_moderator)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Keripik Pisang Kepok" in dashboard.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _moderate(
            client, page, "reject", comment="Foto kurang jelas, mohon ganti."
        )
    assert response.status_code == HTTPStatus.FOUND
    page.refresh_from_db()
    assert not page.live
    state = services.product_state(page)
    assert state.code == services.CHANGES_REQUESTED
    assert state.comment == "Foto kurang jelas, mohon ganti."
    assert state.decided_by == market_moderator
    owner_mails = [message for message in mailoutbox if message.to == [owner.email]]
    assert len(owner_mails) == 1
    assert "perlu diperbaiki" in owner_mails[0].subject
    assert "Foto kurang jelas, mohon ganti." in owner_mails[0].body
    assert "/akun/produk/" in owner_mails[0].body

    # The owner sees the comment, edits and resubmits from the dashboard.
    client.force_login(owner)
    listing = client.get(reverse("pasar:dashboard")).content.decode()
    assert "Perlu perbaikan" in listing
    assert "Foto kurang jelas, mohon ganti." in listing
    response = client.post(
        reverse("pasar:product_edit", args=[page.pk]),
        {**_product_form(page, harga="16000"), "kirim": "1"},
    )
    assert response.status_code == HTTPStatus.FOUND
    page.refresh_from_db()
    assert services.product_state(page).code == services.IN_MODERATION

    # Approved in the admin: live, with the owner's latest price, owner emailed.
    client.force_login(market_moderator)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _moderate(client, page, "approve")
    assert response.status_code == HTTPStatus.FOUND
    page = ProdukPage.objects.get(pk=page.pk)
    assert page.live
    assert page.harga == 16000
    assert services.product_state(page).code == services.PUBLISHED
    owner_mails = [message for message in mailoutbox if message.to == [owner.email]]
    assert len(owner_mails) == 1
    assert "telah tayang" in owner_mails[0].subject
    assert page.get_full_url() in owner_mails[0].body
    client.logout()
    assert client.get(page.url).status_code == HTTPStatus.OK


@pytest.mark.django_db
def test_edit_of_a_live_product_stays_offline_until_approved(
    client,
    owner_umkm,
    make_product,
    market_moderator,
):
    owner = owner_umkm.pemilik
    page = make_product(owner_umkm)
    services.submit_product(page, owner)
    client.force_login(market_moderator)
    _moderate(client, page, "approve")
    page = ProdukPage.objects.get(pk=page.pk)
    assert page.live and page.harga == 15000

    client.force_login(owner)
    client.post(
        reverse("pasar:product_edit", args=[page.pk]),
        {**_product_form(page, harga="19.500"), "kirim": "1"},
    )
    page = ProdukPage.objects.get(pk=page.pk)
    assert page.harga == 15000
    assert services.latest_product(page).harga == 19500
    assert services.product_state(page).code == (
        services.PUBLISHED_CHANGES_IN_MODERATION
    )
    client.logout()
    public = client.get(page.url)
    assert public.status_code == HTTPStatus.OK
    assert public.context["page"].harga == 15000

    client.force_login(market_moderator)
    _moderate(client, page, "approve")
    page = ProdukPage.objects.get(pk=page.pk)
    assert page.harga == 19500
    assert services.product_state(page).code == services.PUBLISHED


@pytest.mark.django_db
def test_a_product_under_review_cannot_be_edited_or_submitted_twice(
    owner_umkm, make_product, kategori
):
    from django.core.exceptions import ValidationError

    from tests.pasar.conftest import product_data

    owner = owner_umkm.pemilik
    page = make_product(owner_umkm)
    services.submit_product(page, owner)
    with pytest.raises(ValidationError):
        services.submit_product(page, owner)
    with pytest.raises(ValidationError):
        services.update_product(page, product_data(kategori, harga=1), [], owner)
    assert WorkflowState.objects.count() == 1
    assert services.latest_product(page).harga == 15000


@pytest.mark.django_db
def test_owner_gets_only_our_email_not_wagtails_admin_notification(
    client,
    owner_umkm,
    make_product,
    market_moderator,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    owner = owner_umkm.pemilik
    page = make_product(owner_umkm)
    services.submit_product(page, owner)
    # The moderators are told by Wagtail that a product awaits review.
    assert any(market_moderator.email in message.to for message in mailoutbox)
    client.force_login(market_moderator)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _moderate(client, page, "approve")
    assert [message.to for message in mailoutbox] == [[owner.email]]
