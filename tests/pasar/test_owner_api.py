import io
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import MULTIPART_CONTENT, encode_multipart
from PIL import Image

from pasar import services
from pasar.models import UMKM, ProdukPage
from tests.pasar.conftest import image_upload
from tests.pasar.factories import OwnerFactory

API = "/api/portal/v1/pasar/saya"


def _product(**overrides):
    data = {
        "title": "Kopi Bubuk Robusta",
        "kategori": "kuliner",
        "deskripsi": "Kopi robusta dari Bahorok.",
        "harga": "30000",
        "satuan": "per 250 g",
        "ketersediaan": "tersedia",
        "tags": "kopi, bahorok",
    }
    data.update(overrides)
    return data


def _profile(**overrides):
    data = {
        "nama_usaha": "Kopi Pak Ucok",
        "kecamatan": "babalan",
        "alamat": "Jl. Pasar 1",
        "whatsapp": "+62 812-1111-2222",
        "deskripsi": "Kopi bubuk.",
    }
    data.update(overrides)
    return data


def _put(client, path, data):
    return client.put(
        path,
        encode_multipart("BoUnDaRy", data),
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )


@pytest.fixture
def api_client(client, owner_umkm, pasar_page, kategori):
    client.force_login(owner_umkm.pemilik)
    return client


@pytest.mark.django_db
def test_unauthenticated_requests_get_401(client):
    for method, path in [
        (client.get, "/profil"),
        (client.post, "/profil"),
        (client.get, "/produk"),
        (client.post, "/produk"),
        (client.post, "/produk/1/kirim"),
    ]:
        response = method(API + path)
        assert response.status_code == HTTPStatus.UNAUTHORIZED
        assert response.json()["detail"] == "Autentikasi diperlukan."


@pytest.mark.django_db
def test_session_requests_need_the_csrf_token(owner_umkm, pasar_page, kategori):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner_umkm.pemilik)
    assert client.get(f"{API}/profil").status_code == HTTPStatus.OK
    response = client.post(f"{API}/produk", _product())
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not ProdukPage.objects.exists()


@pytest.mark.django_db
def test_profile_is_created_read_and_updated(client, db):
    owner = OwnerFactory()
    client.force_login(owner)
    assert client.get(f"{API}/profil").status_code == HTTPStatus.NOT_FOUND
    response = client.post(f"{API}/profil", _profile())
    assert response.status_code == HTTPStatus.CREATED
    assert response.json()["whatsapp"] == "+6281211112222"
    assert response.json()["terverifikasi"] is False
    again = client.post(f"{API}/profil", _profile())
    assert again.status_code == HTTPStatus.BAD_REQUEST
    assert UMKM.objects.count() == 1
    response = _put(client, f"{API}/profil", _profile(alamat="Jl. Baru 2"))
    assert response.status_code == HTTPStatus.OK
    assert client.get(f"{API}/profil").json()["alamat"] == "Jl. Baru 2"


@pytest.mark.django_db
def test_profile_field_errors_are_400_with_messages(client, db):
    client.force_login(OwnerFactory())
    response = client.post(f"{API}/profil", _profile(whatsapp="061 123456"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    errors = response.json()["errors"]
    assert errors[0]["field"] == "whatsapp"
    assert "WhatsApp tidak valid" in errors[0]["message"]


@pytest.mark.django_db
def test_product_is_created_updated_submitted_and_listed_with_state(api_client):
    response = api_client.post(
        f"{API}/produk",
        {**_product(), "gambar_baru": [image_upload("a.jpg"), image_upload("b.jpg")]},
    )
    assert response.status_code == HTTPStatus.CREATED
    body = response.json()
    assert body["status"] == "draft"
    assert body["tags"] == ["kopi", "bahorok"]
    assert len(body["gambar"]) == 2
    product_id = body["id"]
    first, second = (image["id"] for image in body["gambar"])

    response = _put(
        api_client,
        f"{API}/produk/{product_id}",
        {**_product(harga="32000"), f"hapus_{first}": "on"},
    )
    assert response.status_code == HTTPStatus.OK
    assert response.json()["harga"] == 32000
    assert [image["id"] for image in response.json()["gambar"]] == [second]

    response = api_client.post(f"{API}/produk/{product_id}/kirim")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["status"] == "in_moderation"
    listing = api_client.get(f"{API}/produk").json()
    assert [(item["id"], item["status"]) for item in listing] == [
        (product_id, "in_moderation")
    ]
    # Submitting twice is refused, not an error page.
    again = api_client.post(f"{API}/produk/{product_id}/kirim")
    assert again.status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"harga": "0"}, "harga"),
        ({"harga": "abc"}, "harga"),
        ({"harga": "20000", "harga_maks": "100"}, "harga_maks"),
        ({"kategori": "tidak-ada"}, "kategori"),
    ],
)
@pytest.mark.django_db
def test_product_field_errors_are_400(api_client, overrides, field):
    response = api_client.post(
        f"{API}/produk", {**_product(**overrides), "gambar_baru": [image_upload()]}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in [error["field"] for error in response.json()["errors"]]
    assert not ProdukPage.objects.exists()


@pytest.mark.django_db
def test_too_many_or_wrong_photos_are_400(api_client):
    response = api_client.post(
        f"{API}/produk",
        {**_product(), "gambar_baru": [image_upload(f"{n}.jpg") for n in range(6)]},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["errors"][0]["field"] == "gambar_baru"
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, format="GIF")
    gif = SimpleUploadedFile("x.gif", buffer.getvalue(), content_type="image/gif")
    response = api_client.post(f"{API}/produk", {**_product(), "gambar_baru": [gif]})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "bukan JPEG, PNG atau WebP" in response.json()["errors"][0]["message"]
    assert not ProdukPage.objects.exists()


@pytest.mark.django_db
def test_json_or_broken_bodies_are_4xx_not_500(api_client):
    response = api_client.post(
        f"{API}/produk", {"title": "x"}, content_type="application/json"
    )
    assert response.status_code == HTTPStatus.UNSUPPORTED_MEDIA_TYPE
    response = api_client.post(
        f"{API}/produk",
        b"--x\r\nrusak",
        content_type=MULTIPART_CONTENT.replace("BoUnDaRy", "x"),
    )
    assert response.status_code in (HTTPStatus.BAD_REQUEST,)


@pytest.mark.django_db
def test_owner_without_profile_gets_404_for_products(client, db):
    client.force_login(OwnerFactory())
    assert client.get(f"{API}/produk").status_code == HTTPStatus.NOT_FOUND
    assert client.post(f"{API}/produk", _product()).status_code == (
        HTTPStatus.NOT_FOUND
    )


@pytest.mark.django_db
def test_changes_requested_comment_is_in_the_api(
    api_client, owner_umkm, make_product, market_moderator
):
    page = make_product(owner_umkm)
    services.submit_product(page, owner_umkm.pemilik)
    task_state = services.current_workflow_state(page).current_task_state
    task_state.specific.reject(user=market_moderator, comment="Harga belum jelas.")
    body = api_client.get(f"{API}/produk/{page.pk}").json()
    assert body["status"] == "changes_requested"
    assert body["catatan_moderator"] == "Harga belum jelas."
