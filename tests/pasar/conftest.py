import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portal.roles import MODERATOR_PASAR
from tests.factories import UserFactory
from tests.pasar.factories import (
    KategoriProdukFactory,
    PasarIndexPageFactory,
    UMKMFactory,
)


@pytest.fixture
def pasar_page(home_page):
    """The live market index under the home page (linked to "Moderasi Produk")."""
    return PasarIndexPageFactory(parent=home_page)


def image_upload(name="foto.jpg", image_format="JPEG", size=(64, 48), color="red"):
    """A small real image as an uploaded file."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type=content_type[image_format]
    )


@pytest.fixture
def owner_umkm(db):
    """A verified UMKM and its owner account (``owner_umkm.pemilik``)."""
    return UMKMFactory()


@pytest.fixture
def kategori(db):
    return KategoriProdukFactory(nama="Kuliner", slug="kuliner")


@pytest.fixture
def market_moderator(db):
    """A Moderator Pasar member with admin access (from the role migration)."""
    user = UserFactory(username="moderator.pasar")
    user.groups.add(Group.objects.get(name=MODERATOR_PASAR))
    return user


def product_data(kategori, **overrides):
    """Valid product fields for :func:`pasar.services.create_product`."""
    return {
        "title": "Keripik Pisang Kepok",
        "kategori": kategori,
        "deskripsi": "Keripik pisang kepok renyah, digoreng setiap pagi.",
        "harga": 15000,
        "harga_maks": None,
        "satuan": "per bungkus 250 g",
        "ketersediaan": "tersedia",
        "tags": ["keripik", "oleh-oleh"],
        **overrides,
    }


@pytest.fixture
def make_product(pasar_page, kategori):
    """Create a draft product of an UMKM through the service (with one photo)."""
    from pasar import services
    from portal.uploads import clean_upload

    def make(umkm, **overrides):
        return services.create_product(
            umkm,
            product_data(kategori, **overrides),
            [clean_upload(image_upload(), allow_pdf=False)],
            umkm.pemilik,
        )

    return make
