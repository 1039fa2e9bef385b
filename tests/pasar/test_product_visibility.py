"""Products of an UMKM that is not verified are never public: not in the catalogue,
the site search, the sitemap, the content API or the service API; they appear on all
five once the UMKM is verified and leave all five at once when a moderator withdraws
the verification in the admin."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pasar import services
from pasar.models import ProdukPage
from portal.roles import ADMIN_PORTAL
from tests.factories import UserFactory
from tests.pasar.factories import ProdukPageFactory, UMKMFactory

pytestmark = pytest.mark.django_db

EVERY_SURFACE = {
    "katalog",
    "pencarian",
    "peta situs",
    "API konten",
    "API konten (detail)",
    "API layanan",
    "API layanan (detail)",
}


def surfaces_showing(client, product):
    """The public surfaces on which ``product`` appears, as readers and API
    clients see them."""
    link = f'href="{product.url}"'
    catalogue = client.get("/e-pasar/").content.decode()
    search = client.get(reverse("search"), {"q": "dodol"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    content_api = client.get("/api/v2/pages/", {"type": "pasar.ProdukPage"}).json()
    service_api = client.get("/api/portal/v1/pasar/produk").json()
    found = {
        "katalog": link in catalogue,
        "pencarian": link in search,
        "peta situs": f"<loc>{product.full_url}</loc>" in sitemap,
        "API konten": product.pk in [item["id"] for item in content_api["items"]],
        "API konten (detail)": client.get(f"/api/v2/pages/{product.pk}/").status_code
        == HTTPStatus.OK,
        "API layanan": product.pk in [item["id"] for item in service_api["items"]],
        "API layanan (detail)": client.get(
            f"/api/portal/v1/pasar/produk/{product.pk}"
        ).status_code
        == HTTPStatus.OK,
    }
    return {surface for surface, shown in found.items() if shown}


def is_visible_to_public(product):
    return ProdukPage.objects.visible_to_public().filter(pk=product.pk).exists()


@pytest.fixture
def unverified_product(pasar_page):
    return ProdukPageFactory(
        parent=pasar_page,
        title="Dodol Durian Tanjung Pura",
        umkm=UMKMFactory(terverifikasi=False, nama_usaha="Dodol Bu Ani"),
    )


@pytest.fixture
def verified_product(pasar_page):
    return ProdukPageFactory(
        parent=pasar_page,
        title="Dodol Nanas Tanjung Pura",
        umkm=UMKMFactory(nama_usaha="Dodol Pak Amat"),
    )


def test_live_product_of_unverified_umkm_is_on_no_surface_until_verified(
    client, unverified_product, verified_product, market_moderator
):
    assert unverified_product.live
    assert not is_visible_to_public(unverified_product)
    assert surfaces_showing(client, unverified_product) == set()
    # The surfaces do work: the other UMKM's product is on every one of them.
    assert surfaces_showing(client, verified_product) == EVERY_SURFACE

    services.verify_umkm(unverified_product.umkm, market_moderator)

    assert is_visible_to_public(unverified_product)
    assert surfaces_showing(client, unverified_product) == EVERY_SURFACE


def test_moderator_withdraws_verification_and_products_leave_every_surface_at_once(
    client,
    verified_product,
    market_moderator,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    umkm = verified_product.umkm
    assert surfaces_showing(client, verified_product) == EVERY_SURFACE
    moderator = Client()
    moderator.force_login(market_moderator)
    listing = moderator.get(reverse("umkm:index")).content.decode()
    url = reverse("umkm:unverify", args=[umkm.pk])
    assert url in listing

    confirm = moderator.get(url)
    assert confirm.status_code == HTTPStatus.OK
    assert "1 produk yang tayang langsung hilang" in confirm.content.decode()
    without_reason = moderator.post(url, {"alasan": "  "})
    assert without_reason.status_code == HTTPStatus.BAD_REQUEST
    assert "Alasan pencabutan" in without_reason.content.decode()
    umkm.refresh_from_db()
    assert umkm.terverifikasi and mailoutbox == []
    reason = "Nomor WhatsApp tidak aktif dan alamat usaha tidak ditemukan."
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(url, {"alasan": reason}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("umkm:index")
    assert f"Verifikasi UMKM {umkm.nama_usaha} dicabut" in response.content.decode()
    umkm.refresh_from_db()
    assert not umkm.terverifikasi
    assert umkm.diverifikasi_oleh is None
    entry = ModelLogEntry.objects.get(action="pasar.umkm.unverify")
    assert entry.data["alasan"] == reason
    (email,) = mailoutbox
    assert email.to == [umkm.pemilik.email]
    assert "dicabut" in email.subject and reason in email.body
    assert not is_visible_to_public(verified_product)
    assert surfaces_showing(client, verified_product) == set()
    assert client.get(verified_product.url).status_code == HTTPStatus.NOT_FOUND
    # The product page itself is kept, live, for when the UMKM is verified again.
    verified_product.refresh_from_db()
    assert verified_product.live
    listing = moderator.get(reverse("umkm:index")).content.decode()
    assert reverse("umkm:verify", args=[umkm.pk]) in listing


def test_users_without_the_permission_cannot_withdraw_a_verification(
    client, verified_product
):
    umkm = verified_product.umkm
    url = reverse("umkm:unverify", args=[umkm.pk])
    admin_portal = UserFactory(username="admin.portal")
    admin_portal.groups.add(Group.objects.get(name=ADMIN_PORTAL))

    login = reverse("wagtailadmin_login")
    # Anonymous visitors and the owner (no admin access) are sent to the login.
    assert client.post(url)["Location"].startswith(login)
    client.force_login(umkm.pemilik)
    assert client.post(url)["Location"].startswith(login)
    # Admin Portal sees the UMKM list without the button; the admin answers the
    # refused action with a redirect to its dashboard.
    client.force_login(admin_portal)
    listing = client.get(reverse("umkm:index"))
    assert umkm.nama_usaha in listing.content.decode()
    assert url not in listing.content.decode()
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    assert client.post(url)["Location"] == reverse("wagtailadmin_home")
    client.logout()

    umkm.refresh_from_db()
    assert umkm.terverifikasi
    assert surfaces_showing(client, verified_product) == EVERY_SURFACE


def test_withdrawing_a_verification_needs_the_csrf_token(
    verified_product, market_moderator
):
    moderator = Client(enforce_csrf_checks=True)
    moderator.force_login(market_moderator)
    url = reverse("umkm:unverify", args=[verified_product.umkm.pk])
    assert moderator.post(url).status_code == HTTPStatus.FORBIDDEN
    verified_product.umkm.refresh_from_db()
    assert verified_product.umkm.terverifikasi


def test_sitemap_keeps_a_constant_number_of_queries_whatever_the_products(
    client, pasar_page, django_assert_max_num_queries
):
    ProdukPageFactory(parent=pasar_page, umkm=UMKMFactory(terverifikasi=False))
    ProdukPageFactory(parent=pasar_page)
    with django_assert_max_num_queries(20) as few:
        client.get("/sitemap.xml")
    for _ in range(10):
        ProdukPageFactory(parent=pasar_page, umkm=UMKMFactory(terverifikasi=False))
        ProdukPageFactory(parent=pasar_page)
    with django_assert_max_num_queries(len(few.captured_queries)):
        sitemap = client.get("/sitemap.xml").content.decode()
    assert sitemap.count("/e-pasar/") == 1 + 11
