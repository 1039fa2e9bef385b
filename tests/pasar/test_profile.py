from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pasar.models import UMKM
from portal.models import Desa, Kecamatan
from tests.pasar.conftest import image_upload
from tests.pasar.factories import OwnerFactory, UMKMFactory


def _profile(**overrides):
    kecamatan = Kecamatan.objects.get(slug="babalan")
    data = {
        "nama_usaha": "Dodol Bu Siti",
        "nib": "",
        "kecamatan": kecamatan.slug,
        "desa": str(Desa.objects.filter(kecamatan=kecamatan).first().pk),
        "alamat": "Jl. Pelabuhan No. 5",
        "whatsapp": "0812-3456-7890",
        "deskripsi": "Dodol durian sejak 2010.",
    }
    data.update(overrides)
    return data


@pytest.fixture
def new_owner(client, db):
    owner = OwnerFactory()
    client.force_login(owner)
    return owner


@pytest.mark.django_db
def test_new_profile_is_saved_unverified_with_normalised_number_slug_and_logo(
    client, new_owner
):
    response = client.post(
        reverse("pasar:profile_create"),
        {**_profile(), "logo_baru": image_upload("logo.png", "PNG")},
    )
    assert response.status_code == HTTPStatus.FOUND
    umkm = UMKM.objects.get(pemilik=new_owner)
    assert umkm.whatsapp == "+6281234567890"
    assert umkm.slug == "dodol-bu-siti"
    assert not umkm.terverifikasi
    assert umkm.logo.collection.name == "UMKM"
    # A second profile for the same account is not possible.
    assert client.get(reverse("pasar:profile_create"))["Location"] == reverse(
        "pasar:profile_edit"
    )


@pytest.mark.django_db
def test_slug_is_unique_across_umkm(client, new_owner):
    UMKMFactory(slug="dodol-bu-siti")
    client.post(reverse("pasar:profile_create"), _profile())
    assert UMKM.objects.get(pemilik=new_owner).slug == "dodol-bu-siti-2"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"whatsapp": "0621-22334"}, "Nomor WhatsApp tidak valid"),
        ({"whatsapp": "0812"}, "Nomor WhatsApp tidak valid"),
        ({"whatsapp": "telepon saya"}, "Nomor WhatsApp tidak valid"),
        ({"nib": "12345"}, "NIB terdiri atas 13 angka"),
        ({"nama_usaha": ""}, "Nama usaha"),
    ],
)
@pytest.mark.django_db
def test_invalid_profiles_are_refused_with_clear_messages(
    client, new_owner, overrides, message
):
    response = client.post(reverse("pasar:profile_create"), _profile(**overrides))
    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not UMKM.objects.exists()


@pytest.mark.django_db
def test_desa_must_be_in_the_chosen_kecamatan(client, new_owner):
    elsewhere = Desa.objects.exclude(kecamatan__slug="babalan").first()
    response = client.post(
        reverse("pasar:profile_create"), _profile(desa=str(elsewhere.pk))
    )
    assert "tidak berada di kecamatan" in response.content.decode()
    assert not UMKM.objects.exists()


@pytest.mark.django_db
def test_logo_must_be_an_image(client, new_owner):
    response = client.post(
        reverse("pasar:profile_create"),
        {**_profile(), "logo_baru": SimpleUploadedFile("logo.pdf", b"%PDF-1.4 x")},
    )
    assert "Hanya gambar yang diterima" in response.content.decode()
    assert not UMKM.objects.exists()


@pytest.mark.django_db
def test_editing_a_verified_profile_keeps_it_verified_and_its_slug(client):
    umkm = UMKMFactory(slug="usaha-lama")
    client.force_login(umkm.pemilik)
    page = client.get(reverse("pasar:profile_edit"))
    assert page.context["form"].initial["nama_usaha"] == umkm.nama_usaha
    response = client.post(
        reverse("pasar:profile_edit"), _profile(nama_usaha="Usaha Baru")
    )
    assert response.status_code == HTTPStatus.FOUND
    umkm.refresh_from_db()
    assert umkm.nama_usaha == "Usaha Baru"
    assert umkm.slug == "usaha-lama"
    assert umkm.terverifikasi
