"""An e-pasar product's whole journey in a real browser (issue 7's browser test).

An UMKM owner signs up on a 360 px phone, confirms the account from the email, fills
in the business profile and submits a product with a photo; a Moderator Pasar
verifies the profile and approves the product in the Wagtail admin; the product then
appears in the catalogue, on its own page with a WhatsApp link, and in the site
search. axe checks the owner's forms on the way.
"""

import re
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from PIL import Image
from playwright.sync_api import expect
from wagtail.models import WorkflowPage

from pasar.models import UMKM, PasarIndexPage, ProdukPage
from portal.roles import MODERATOR_PASAR
from tests.e2e.conftest import (
    E2E_DB,
    admin_tab,
    assert_no_serious_a11y_violations,
    assert_no_sideways_scroll,
)
from tests.factories import UserFactory
from tests.pasar.factories import KategoriProdukFactory

pytestmark = [pytest.mark.e2e, E2E_DB]

OWNER_EMAIL = "siti.keripik.e2e@example.com"
OWNER_PASSWORD = "Pisang-Kepok-Renyah-77"
BUSINESS_NAME = "Keripik Mak Siti Brandan"
WHATSAPP_TYPED = "0812-3456-7890"
WHATSAPP_STORED = "+6281234567890"
PRODUCT_NAME = "Keripik Pisang Kepok Balado"
PRODUCT_TEXT = (
    "Keripik pisang kepok diiris tipis, digoreng setiap pagi dan dibalut bumbu "
    "balado pedas manis. Tahan dua bulan dalam kemasan tertutup."
)
PRODUCT_PRICE_TYPED = "25.000"
PRODUCT_PRICE_SHOWN = "Rp 25.000"
PRODUCT_UNIT = "per bungkus 250 g"
MARKET_TITLE = "Pasar UMKM Langkat"
CONFIRM_LINK = re.compile(r"https?://\S+/akun/konfirmasi/[^/\s]+/[^/\s]+/")


@pytest.fixture
def epasar(portal_site):
    """The e-pasar page under the home page (linked to "Moderasi Produk" by its
    post_save signal, as in production), a category and a Moderator Pasar."""
    # ``portal_site`` already has a plain "e-pasar" area page at /e-pasar/.
    market = portal_site.home.add_child(
        instance=PasarIndexPage(
            title=MARKET_TITLE,
            slug="pasar",
            show_in_menus=True,
        )
    )
    assert WorkflowPage.objects.get(page=market).workflow.name == "Moderasi Produk"
    kategori = KategoriProdukFactory(nama="Makanan ringan", slug="makanan-ringan")
    moderator = UserFactory(username="moderator.pasar.e2e")
    moderator.groups.add(Group.objects.get(name=MODERATOR_PASAR))
    return {
        "url": portal_site.url,
        "market": market,
        "kategori": kategori,
        "moderator": moderator,
    }


@pytest.fixture
def photo(tmp_path):
    """A product photo as a phone camera would produce it (a real JPEG)."""
    path = tmp_path / "keripik-balado.jpg"
    Image.new("RGB", (640, 480), (196, 120, 40)).save(path, "JPEG", quality=85)
    return path


def emails_to(address):
    """The emails sent so far to ``address`` (locmem backend, tasks run at once)."""
    return [message for message in mail.outbox if address in message.to]


def expect_message(tab, text):
    """The public site's flash message (shown above ``<main>``)."""
    expect(tab.locator(".messages")).to_contain_text(text)


def owner_signs_up_and_confirms(phone, base):
    """Sign-up form, then the confirmation link from the email."""
    phone.goto(base + "/akun/daftar/")
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Daftar sebagai pelaku UMKM"
    )
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    phone.get_by_label("Email").fill(OWNER_EMAIL)
    phone.get_by_label(re.compile(r"^\s*Kata sandi")).fill(OWNER_PASSWORD)
    phone.get_by_label("Ulangi kata sandi").fill(OWNER_PASSWORD)
    phone.get_by_role("button", name="Daftar", exact=True).click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Periksa email Anda")
    expect(phone.locator("main")).to_contain_text(OWNER_EMAIL)

    [email] = emails_to(OWNER_EMAIL)
    assert email.subject == "Konfirmasi akun e-pasar Anda"
    link = CONFIRM_LINK.search(email.body)
    assert link, email.body
    phone.goto(link.group(0))


def owner_creates_profile(phone):
    """The business profile, right after the confirmation link logged the owner in."""
    expect(phone.get_by_role("heading", level=1)).to_have_text("Buat profil usaha")
    expect_message(phone, "Akun Anda aktif.")
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    phone.get_by_label("Nama usaha").fill(BUSINESS_NAME)
    phone.get_by_label(re.compile(r"^\s*Kecamatan")).select_option(label="Babalan")
    phone.get_by_label("Desa/kelurahan").select_option(label="Brandan Barat")
    phone.get_by_label("Alamat usaha").fill("Jl. Pelabuhan No. 7, Pangkalan Brandan")
    phone.get_by_label("Nomor WhatsApp").fill(WHATSAPP_TYPED)
    phone.get_by_label("Tentang usaha").fill(
        "Usaha rumahan keripik pisang dan ubi sejak 2016."
    )
    phone.get_by_role("button", name="Simpan profil").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Produk saya")
    expect_message(phone, "Profil usaha tersimpan.")
    expect(phone.locator("main")).to_contain_text("menunggu verifikasi moderator")

    # The number typed with dashes is kept in the international format.
    phone.get_by_role("navigation", name="Menu akun").get_by_role(
        "link", name="Profil usaha"
    ).click()
    expect(phone.get_by_label("Nomor WhatsApp")).to_have_value(WHATSAPP_STORED)
    expect(phone.locator("main")).to_contain_text("Menunggu verifikasi")
    assert UMKM.objects.get(nama_usaha=BUSINESS_NAME).whatsapp == WHATSAPP_STORED


def owner_submits_product(phone, photo):
    """A product with a photo, saved and sent to the moderators in one go."""
    phone.get_by_role("navigation", name="Menu akun").get_by_role(
        "link", name="Produk saya"
    ).click()
    phone.get_by_role("link", name="Tambah produk").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Tambah produk")
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    phone.get_by_label("Nama produk").fill(PRODUCT_NAME)
    phone.get_by_label("Kategori").select_option(label="Makanan ringan")
    phone.get_by_label("Deskripsi").fill(PRODUCT_TEXT)
    phone.get_by_label("Harga (Rp)").fill(PRODUCT_PRICE_TYPED)
    phone.get_by_label("Satuan").fill(PRODUCT_UNIT)
    phone.get_by_label("Kata kunci").fill("keripik, balado, oleh-oleh")
    phone.get_by_label("Tambah foto").set_input_files(str(photo))
    phone.get_by_role("button", name="Simpan dan kirim untuk ditinjau").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Produk saya")
    expect_message(phone, "Produk dikirim untuk ditinjau moderator.")
    row = phone.locator(".pasar-product", has_text=PRODUCT_NAME)
    expect(row.locator(".pasar-state")).to_have_text("Sedang ditinjau")
    # Under review: neither editable nor submittable again, not public yet.
    expect(row.get_by_role("link", name=re.compile("^Ubah"))).to_have_count(0)
    expect(
        row.get_by_role("link", name=re.compile("^Lihat halaman produk"))
    ).to_have_count(0)
    assert_no_sideways_scroll(phone)

    product = ProdukPage.objects.get(title=PRODUCT_NAME)
    assert not product.live
    assert product.harga == 25_000
    assert product.gambar.count() == 1
    return product


def moderator_verifies_umkm(admin):
    """e-pasar > UMKM in the admin menu, then the profile's "Verifikasi" action."""
    admin.get_by_role("button", name="e-pasar").click()
    admin.get_by_role("link", name="UMKM", exact=True).click()
    expect(admin.get_by_role("heading", level=1)).to_contain_text("UMKM")
    admin.get_by_role("link", name=BUSINESS_NAME).click()
    admin.get_by_role("button", name=re.compile("^(Aksi|Actions)$")).click()
    admin.get_by_role("link", name="Verifikasi").click()
    expect(admin.locator("main")).to_contain_text(WHATSAPP_STORED)
    expect(admin.locator("main")).to_contain_text(OWNER_EMAIL)
    admin.get_by_role("button", name="Ya, verifikasi").click()
    expect(admin.locator(".messages .success")).to_contain_text(
        f"UMKM {BUSINESS_NAME} terverifikasi"
    )


def moderator_approves_product(admin, base):
    """The dashboard's "awaiting your review" panel, the page editor, "Setujui lalu
    terbitkan"."""
    admin.goto(base + "/admin/")
    panel = admin.get_by_role("region", name="Menunggu tinjauan anda")
    expect(panel).to_contain_text(PRODUCT_NAME)
    panel.get_by_role("link", name=PRODUCT_NAME).click()
    expect(admin.locator("#id_title")).to_have_value(PRODUCT_NAME)
    # "Request changes" is the footer's main button; "Approve and publish" (without
    # a comment, so without a modal) is in the footer's dropdown.
    footer = admin.locator("footer")
    footer.locator(".w-dropdown__toggle").click()
    approve = footer.locator(
        "[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    expect(approve).to_contain_text("Setujui lalu terbitkan")
    approve.click()
    expect(admin.locator(".messages .success")).to_be_visible()


def test_an_owner_product_from_a_phone_is_moderated_and_listed(
    epasar, browser, phone, photo
):
    base = epasar["url"]
    market_url = base + epasar["market"].url

    # The owner signs up, confirms, fills in the profile and submits a product.
    owner_signs_up_and_confirms(phone, base)
    owner_creates_profile(phone)
    product = owner_submits_product(phone, photo)

    # Not public before moderation: no page, not in the catalogue, not in the search.
    assert phone.goto(base + product.url).status == HTTPStatus.NOT_FOUND
    phone.goto(market_url)
    expect(phone.get_by_role("heading", level=1)).to_have_text(MARKET_TITLE)
    expect(phone.locator(".catalogue__count")).to_have_text("0 produk")
    expect(phone.locator("main")).not_to_contain_text(PRODUCT_NAME)
    phone.goto(base + f"/cari/?q={PRODUCT_NAME}")
    expect(phone.locator(".search-page__count")).to_contain_text("0 hasil")
    expect(phone.get_by_role("link", name=PRODUCT_NAME)).to_have_count(0)

    # The owner logs out; a Moderator Pasar verifies the UMKM and approves the product.
    phone.goto(base + "/akun/")
    phone.get_by_role("button", name="Keluar").click()
    expect_message(phone, "Anda sudah keluar.")

    context, admin = admin_tab(browser, base, epasar["moderator"].username)
    moderator_verifies_umkm(admin)
    moderator_approves_product(admin, base)
    context.close()

    product.refresh_from_db()
    assert product.live
    assert UMKM.objects.get(nama_usaha=BUSINESS_NAME).terverifikasi
    subjects = [email.subject for email in emails_to(OWNER_EMAIL)]
    assert f"Profil UMKM {BUSINESS_NAME} telah diverifikasi" in subjects
    assert f"Produk {PRODUCT_NAME} telah tayang di e-pasar" in subjects

    # The owner logs in again: the dashboard shows the product online.
    phone.goto(base + "/akun/masuk/")
    phone.get_by_label("Email").fill(OWNER_EMAIL)
    phone.get_by_label("Kata sandi").fill(OWNER_PASSWORD)
    phone.get_by_role("button", name="Masuk", exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Produk saya")
    row = phone.locator(".pasar-product", has_text=PRODUCT_NAME)
    expect(row.locator(".pasar-state")).to_have_text("Tayang")
    expect(phone.locator("main")).not_to_contain_text("menunggu verifikasi")

    # The catalogue lists it with its price in Rupiah.
    phone.goto(market_url)
    card = phone.locator(".product-card", has_text=PRODUCT_NAME)
    expect(card).to_contain_text(PRODUCT_PRICE_SHOWN)
    expect(card).to_contain_text(BUSINESS_NAME)
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    # Its page shows the photo and the seller's WhatsApp link.
    card.get_by_role("link", name=PRODUCT_NAME).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(PRODUCT_NAME)
    main_photo = phone.get_by_role("img", name=f"{PRODUCT_NAME}, foto 1 dari 1")
    expect(main_photo).to_be_visible()
    src = main_photo.evaluate("img => img.currentSrc || img.src")
    rendition = Path(settings.MEDIA_ROOT) / re.sub(
        r"^https?://[^/]+" + re.escape(settings.MEDIA_URL), "", src
    )
    assert rendition.is_file(), src
    whatsapp = phone.get_by_role("link", name=re.compile("^Tanya lewat WhatsApp"))
    expect(whatsapp).to_have_attribute(
        "href", re.compile(r"^https://wa\.me/6281234567890(\?|$)")
    )
    expect(phone.locator("main")).to_contain_text(PRODUCT_PRICE_SHOWN)
    assert_no_serious_a11y_violations(phone)
    assert_no_sideways_scroll(phone)

    # The site search finds it.
    phone.goto(base + f"/cari/?q={PRODUCT_NAME}")
    result = phone.locator(".search-result", has_text=PRODUCT_NAME)
    expect(result.get_by_role("link", name=PRODUCT_NAME)).to_have_attribute(
        "href", re.compile(re.escape(product.url) + "$")
    )
    expect(result).to_contain_text(PRODUCT_PRICE_SHOWN)
    expect(phone.get_by_role("navigation", name="Jenis hasil")).to_contain_text(
        "Produk UMKM (1)"
    )
    assert_no_sideways_scroll(phone)
