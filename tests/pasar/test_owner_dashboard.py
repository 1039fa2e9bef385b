from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pasar import services
from pasar.models import ProdukPage
from tests.pasar.conftest import image_upload
from tests.pasar.factories import OwnerFactory


def _form(**overrides):
    data = {
        "title": "Dodol Durian",
        "kategori": "kuliner",
        "deskripsi": "Dodol durian asli Langkat.",
        "harga": "25000",
        "harga_maks": "",
        "satuan": "per kotak",
        "ketersediaan": "tersedia",
        "tags": "Dodol, durian , oleh-oleh, dodol",
    }
    data.update(overrides)
    return data


@pytest.fixture
def owner_client(client, owner_umkm, pasar_page, kategori):
    client.force_login(owner_umkm.pemilik)
    return client


@pytest.mark.django_db
def test_login_is_required(client):
    response = client.get(reverse("pasar:dashboard"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("pasar:login"))


@pytest.mark.django_db
def test_owner_without_profile_is_sent_to_create_it_first(client):
    client.force_login(OwnerFactory())
    for name in ("pasar:dashboard", "pasar:product_create", "pasar:profile_edit"):
        response = client.get(reverse(name))
        assert response["Location"] == reverse("pasar:profile_create")


@pytest.mark.django_db
def test_empty_dashboard_invites_to_add_a_first_product(owner_client):
    response = owner_client.get(reverse("pasar:dashboard"))
    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Belum ada produk" in content
    assert reverse("pasar:product_create") in content
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_adding_a_product_saves_a_draft_with_photos_tags_and_state(
    owner_client, owner_umkm
):
    response = owner_client.post(
        reverse("pasar:product_create"),
        {
            **_form(harga="Rp 25.000"),
            "gambar_baru": [image_upload("a.jpg"), image_upload("b.png", "PNG")],
            "simpan": "1",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    page = ProdukPage.objects.get()
    assert not page.live
    assert page.umkm == owner_umkm
    assert page.owner == owner_umkm.pemilik
    assert page.kecamatan == owner_umkm.kecamatan
    assert page.harga == 25000
    assert sorted(tag.name for tag in page.tags.all()) == [
        "dodol",
        "durian",
        "oleh-oleh",
    ]
    images = [item.image for item in page.gambar.all()]
    assert len(images) == 2
    assert all(image.title == "Dodol Durian" for image in images)
    assert {image.collection.name for image in images} == {"Produk UMKM"}
    assert services.product_state(page).code == services.DRAFT
    listing = owner_client.get(reverse("pasar:dashboard")).content.decode()
    assert "Dodol Durian" in listing
    assert "Draf, belum dikirim" in listing


@pytest.mark.django_db
def test_save_and_submit_sends_the_product_to_moderation(owner_client):
    owner_client.post(
        reverse("pasar:product_create"),
        {**_form(), "gambar_baru": [image_upload()], "kirim": "1"},
    )
    page = ProdukPage.objects.get()
    assert services.product_state(page).code == services.IN_MODERATION


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"harga": "0"}, "Harga harus lebih dari Rp 0."),
        ({"harga": "-500"}, "Harga harus lebih dari Rp 0."),
        ({"harga": "lima ribu"}, "Tulis harga dalam Rupiah"),
        ({"harga": "15000,50"}, "Tulis harga dalam Rupiah"),
        ({"harga": "20000", "harga_maks": "20000"}, "Harga tertinggi harus lebih"),
        ({"harga": "5000000000"}, "Harga terlalu besar"),
        ({"title": ""}, "Nama produk"),
    ],
)
@pytest.mark.django_db
def test_invalid_prices_are_refused_with_indonesian_messages(
    owner_client, overrides, message
):
    response = owner_client.post(
        reverse("pasar:product_create"),
        {**_form(**overrides), "gambar_baru": [image_upload()]},
    )
    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not ProdukPage.objects.exists()


@pytest.mark.django_db
def test_price_range_is_accepted(owner_client):
    owner_client.post(
        reverse("pasar:product_create"),
        {**_form(harga="10000", harga_maks="35.000"), "gambar_baru": [image_upload()]},
    )
    page = ProdukPage.objects.get()
    assert (page.harga, page.harga_maks) == (10000, 35000)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            [SimpleUploadedFile("daftar.pdf", b"%PDF-1.4 daftar harga")],
            "Hanya gambar yang diterima",
        ),
        (
            [SimpleUploadedFile("foto.jpg", b"bukan gambar")],
            "bukan JPEG, PNG atau WebP yang valid",
        ),
        (
            [SimpleUploadedFile("besar.jpg", b"0" * (5 * 1024 * 1024 + 1))],
            "terlalu besar",
        ),
        ([image_upload(f"{n}.jpg") for n in range(6)], "Paling banyak 5 foto"),
        ([], "Unggah paling sedikit satu foto"),
    ],
)
@pytest.mark.django_db
def test_wrong_photos_are_refused(owner_client, files, message):
    response = owner_client.post(
        reverse("pasar:product_create"), {**_form(), "gambar_baru": files}
    )
    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not ProdukPage.objects.exists()


@pytest.mark.django_db
def test_edit_form_is_prefilled_from_the_latest_revision(
    owner_client, owner_umkm, make_product, kategori
):
    from tests.pasar.conftest import product_data

    page = make_product(owner_umkm)
    services.update_product(
        page,
        product_data(kategori, title="Keripik Pisang Pedas", harga=17000),
        [],
        owner_umkm.pemilik,
    )
    response = owner_client.get(reverse("pasar:product_edit", args=[page.pk]))
    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert form.initial["title"] == "Keripik Pisang Pedas"
    assert form.initial["harga"] == 17000
    assert form.initial["tags"] == "keripik, oleh-oleh"


@pytest.mark.django_db
def test_owner_can_remove_and_reorder_photos(owner_client, owner_umkm, make_product):
    page = make_product(owner_umkm)
    first = services.latest_product(page).gambar.all()[0].image
    # Add two photos, then remove the first and put the last on top.
    form = {
        **_form(),
        f"urutan_{first.pk}": "1",
        "gambar_baru": [image_upload("b.jpg"), image_upload("c.jpg")],
    }
    owner_client.post(reverse("pasar:product_edit", args=[page.pk]), form)
    second, third = [item.image for item in services.latest_product(page).gambar.all()][
        1:
    ]
    owner_client.post(
        reverse("pasar:product_edit", args=[page.pk]),
        {
            **_form(),
            f"hapus_{first.pk}": "on",
            f"urutan_{second.pk}": "2",
            f"urutan_{third.pk}": "1",
        },
    )
    images = [item.image for item in services.latest_product(page).gambar.all()]
    assert images == [third, second]


@pytest.mark.django_db
def test_dashboard_list_keeps_a_constant_number_of_queries(
    owner_client, owner_umkm, pasar_page, kategori, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.pasar.factories import ProdukPageFactory

    def add(count):
        for _number in range(count):
            page = ProdukPageFactory(
                parent=pasar_page, umkm=owner_umkm, kategori=kategori
            )
            page.save_revision()

    add(3)
    owner_client.get(reverse("pasar:dashboard"))  # warm per-site caches
    with CaptureQueriesContext(connection) as few:
        response = owner_client.get(reverse("pasar:dashboard"))
    assert len(response.context["rows"]) == 3
    few_queries = len(few)
    add(27)
    # A change retires the menu and banner shared by every page: read them again.
    owner_client.get(reverse("pasar:dashboard"))
    with django_assert_max_num_queries(few_queries):
        response = owner_client.get(reverse("pasar:dashboard"))
    assert len(response.context["rows"]) == 30
