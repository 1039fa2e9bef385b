from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pasar.models import UMKM
from portal.roles import ADMIN_PORTAL
from tests.factories import UserFactory
from tests.pasar.factories import UMKMFactory


@pytest.fixture
def unverified(db):
    return UMKMFactory(
        terverifikasi=False,
        nama_usaha="Batik Tulis Stabat",
        pemilik__email="batik@example.com",
        pemilik__username="batik@example.com",
    )


@pytest.mark.django_db
def test_moderator_lists_and_filters_umkm_and_sees_owner_email(
    client, market_moderator, unverified
):
    UMKMFactory(nama_usaha="Kopi Terverifikasi")
    client.force_login(market_moderator)
    response = client.get(reverse("umkm:index"), {"terverifikasi": "false"})
    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Batik Tulis Stabat" in content
    assert "Kopi Terverifikasi" not in content
    assert "batik@example.com" in content
    search = client.get(reverse("umkm:index"), {"q": "Batik"}).content.decode()
    assert "Batik Tulis Stabat" in search


@pytest.mark.django_db
def test_admin_portal_does_not_see_owner_emails(client, unverified):
    admin = UserFactory(username="admin.portal")
    admin.groups.add(Group.objects.get(name=ADMIN_PORTAL))
    client.force_login(admin)
    response = client.get(reverse("umkm:index"))
    assert response.status_code == HTTPStatus.OK
    assert "Batik Tulis Stabat" in response.content.decode()
    assert "batik@example.com" not in response.content.decode()
    # The admin answers a refused action with a redirect to its dashboard.
    verify = reverse("umkm:verify", args=[unverified.pk])
    assert client.post(verify)["Location"] == reverse("wagtailadmin_home")
    unverified.refresh_from_db()
    assert not unverified.terverifikasi


@pytest.mark.django_db
def test_verification_sets_who_and_when_logs_and_emails_the_owner(
    client,
    market_moderator,
    unverified,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(market_moderator)
    url = reverse("umkm:verify", args=[unverified.pk])
    assert client.get(url).status_code == HTTPStatus.OK
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == HTTPStatus.FOUND
    unverified.refresh_from_db()
    assert unverified.terverifikasi
    assert unverified.diverifikasi_oleh == market_moderator
    assert unverified.diverifikasi_pada is not None
    assert ModelLogEntry.objects.filter(action="pasar.umkm.verify").count() == 1
    assert [message.to for message in mailoutbox] == [["batik@example.com"]]
    assert "diverifikasi" in mailoutbox[0].subject


@pytest.mark.django_db
def test_owners_and_anonymous_users_cannot_reach_the_umkm_admin(
    client, unverified, owner_umkm
):
    url = reverse("umkm:verify", args=[unverified.pk])
    assert client.post(url).status_code == HTTPStatus.FOUND  # to the admin login
    client.force_login(owner_umkm.pemilik)
    assert client.get(reverse("umkm:index")).status_code == HTTPStatus.FOUND
    assert client.post(url).status_code == HTTPStatus.FOUND
    unverified.refresh_from_db()
    assert not unverified.terverifikasi


@pytest.mark.django_db
def test_umkm_are_not_added_in_the_admin_and_edits_keep_verification(
    client, market_moderator, owner_umkm
):
    client.force_login(market_moderator)
    index = client.get(reverse("umkm:index")).content.decode()
    assert reverse("umkm:add") not in index
    assert client.get(reverse("umkm:add"))["Location"] == reverse("wagtailadmin_home")
    edit = client.get(reverse("umkm:edit", args=[owner_umkm.pk]))
    assert edit.status_code == HTTPStatus.OK
    assert "terverifikasi" not in edit.context["form"].fields
    assert UMKM.objects.get(pk=owner_umkm.pk).terverifikasi


@pytest.mark.django_db
def test_moderator_manages_product_categories(client, market_moderator):
    client.force_login(market_moderator)
    response = client.post(
        reverse("wagtailsnippets_pasar_kategoriproduk:add"),
        {"nama": "Kerajinan", "slug": "kerajinan", "deskripsi": "", "urutan": "10"},
    )
    assert response.status_code == HTTPStatus.FOUND
    listing = client.get(reverse("wagtailsnippets_pasar_kategoriproduk:list"))
    assert "Kerajinan" in listing.content.decode()


@pytest.mark.django_db
def test_moderator_edit_saves_the_profile_and_cannot_touch_verification(
    client, market_moderator, unverified
):
    client.force_login(market_moderator)
    url = reverse("umkm:edit", args=[unverified.pk])
    edit = client.get(url).content.decode()
    assert reverse("umkm:verify", args=[unverified.pk]) in edit
    response = client.post(
        url,
        {
            "nama_usaha": "Batik Tulis Stabat Asli",
            "slug": unverified.slug,
            "nib": "",
            "kecamatan": unverified.kecamatan_id,
            "desa": "",
            "alamat": unverified.alamat,
            "whatsapp": unverified.whatsapp,
            "deskripsi": unverified.deskripsi,
            "terverifikasi": "on",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    unverified.refresh_from_db()
    assert unverified.nama_usaha == "Batik Tulis Stabat Asli"
    assert not unverified.terverifikasi


@pytest.mark.django_db
def test_verified_umkm_offers_withdrawal_instead_of_verification(
    client, market_moderator, owner_umkm
):
    client.force_login(market_moderator)
    edit = client.get(reverse("umkm:edit", args=[owner_umkm.pk])).content.decode()
    assert reverse("umkm:unverify", args=[owner_umkm.pk]) in edit
    assert reverse("umkm:verify", args=[owner_umkm.pk]) not in edit
    assert "Cabut verifikasi" in edit
