"""The e-pasar demo builds the market through the services, and loads again without
duplicates."""

import io
import re
from http import HTTPStatus

import pytest
from django.core.management.color import no_style
from wagtail.models import TaskState, WorkflowState

from home import demo as home_demo
from pasar import demo
from pasar.models import UMKM, KategoriProduk, PasarIndexPage, ProdukPage

pytestmark = pytest.mark.django_db

MAX_DEMO_IMAGE_BYTES = 100 * 1024


def load():
    output = io.StringIO()
    home_demo.load(output, no_style())
    demo.load(output, no_style())
    return output.getvalue()


# Loading the demo takes a while, so one load is checked by several helpers below.


def test_demo_builds_the_market_through_the_services(client):
    output = load()
    check_market_page_is_in_the_menu()
    check_categories_umkm_and_products()
    check_moderation_states()
    check_photos_are_small_generated_images()
    check_printed_logins_work(client, output)
    check_catalogue_and_home_show_the_demo_products(client)


def check_market_page_is_in_the_menu():
    market = PasarIndexPage.objects.get()
    assert market.url == "/e-pasar/"
    assert market.show_in_menus


def check_categories_umkm_and_products():
    assert set(KategoriProduk.objects.values_list("slug", flat=True)) == {
        "kuliner",
        "kerajinan",
        "pertanian",
        "perikanan",
        "fesyen",
    }
    assert UMKM.objects.count() == 15
    assert UMKM.objects.filter(terverifikasi=False).count() == 1
    assert UMKM.objects.values("kecamatan").distinct().count() == 15
    assert ProdukPage.objects.count() == 58
    assert ProdukPage.objects.live().count() == 52
    assert ProdukPage.objects.live().filter(umkm__terverifikasi=False).count() == 0
    assert ProdukPage.objects.filter(unggulan=True, live=True).count() == 4


def check_moderation_states():
    in_progress = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert in_progress.count() == 5
    sent_back = WorkflowState.objects.get(status=WorkflowState.STATUS_NEEDS_CHANGES)
    assert sent_back.content_object.title == "Kotak Tisu Ukir"
    rejected = TaskState.objects.get(status=TaskState.STATUS_REJECTED)
    assert "Foto produk masih buram" in rejected.comment


def check_photos_are_small_generated_images():
    photos = [
        photo for product in ProdukPage.objects.live() for photo in product.gambar.all()
    ]
    assert len(photos) >= 52
    for photo in photos:
        assert photo.image.file.size < MAX_DEMO_IMAGE_BYTES


def check_printed_logins_work(client, output):
    owner = re.search(r"'(dapur\.melayu@example\.com)', kata sandi '([^']+)'", output)
    assert owner, output
    assert client.login(username=owner.group(1), password=owner.group(2))
    moderator = re.search(r"pengguna 'moderator\.pasar', kata sandi '([^']+)'", output)
    assert moderator, output
    assert client.login(username="moderator.pasar", password=moderator.group(1))
    client.logout()


def check_catalogue_and_home_show_the_demo_products(client):
    response = client.get("/e-pasar/")
    assert response.status_code == HTTPStatus.OK
    assert response.context["products"].paginator.count == 52
    home = client.get("/").content.decode()
    assert "Produk unggulan UMKM" in home
    assert "Kain Songket Pucuk Rebung" in home


def test_loading_again_adds_nothing():
    load()
    assert PasarIndexPage.objects.get().url == "/e-pasar/"
    counts = (
        PasarIndexPage.objects.count(),
        KategoriProduk.objects.count(),
        UMKM.objects.count(),
        ProdukPage.objects.count(),
        WorkflowState.objects.count(),
    )
    second_output = load()
    assert (
        PasarIndexPage.objects.count(),
        KategoriProduk.objects.count(),
        UMKM.objects.count(),
        ProdukPage.objects.count(),
        WorkflowState.objects.count(),
    ) == counts
    assert "kata sandi" not in second_output
