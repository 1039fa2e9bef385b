"""Factories for e-pasar: owners, UMKM profiles, categories and product pages."""

import factory
import wagtail_factories

from pasar.models import (
    UMKM,
    GambarProduk,
    KategoriProduk,
    PasarIndexPage,
    ProdukPage,
)
from portal.models import Kecamatan
from tests.factories import UserFactory


class OwnerFactory(UserFactory):
    """A public-site owner account: no staff flag, no admin group."""

    username = factory.Sequence(lambda n: f"pemilik{n}@example.com")
    email = factory.LazyAttribute(lambda user: user.username)


class KategoriProdukFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KategoriProduk
        django_get_or_create = ["slug"]

    nama = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")


class UMKMFactory(factory.django.DjangoModelFactory):
    """A verified UMKM in Babalan."""

    class Meta:
        model = UMKM

    pemilik = factory.SubFactory(OwnerFactory)
    nama_usaha = factory.Sequence(lambda n: f"Usaha Bersama {n}")
    slug = factory.Sequence(lambda n: f"usaha-bersama-{n}")
    kecamatan = factory.LazyFunction(lambda: Kecamatan.objects.get(slug="babalan"))
    alamat = "Jl. Pelabuhan No. 3, Pangkalan Brandan"
    whatsapp = "+6281234567890"
    deskripsi = "Usaha rumahan keripik dan kue kering sejak 2015."
    terverifikasi = True


class PasarIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PasarIndexPage

    title = "e-pasar"
    slug = "e-pasar"


class ProdukPageFactory(wagtail_factories.PageFactory):
    """A live product page; pass ``parent`` (the market index)."""

    class Meta:
        model = ProdukPage

    title = factory.Sequence(lambda n: f"Keripik Pisang {n}")
    umkm = factory.SubFactory(UMKMFactory)
    kategori = factory.SubFactory(KategoriProdukFactory)
    deskripsi = "Keripik pisang renyah dari pisang kepok pilihan."
    harga = 15000
    satuan = "per bungkus 250 g"


class GambarProdukFactory(factory.django.DjangoModelFactory):
    """A photo of a product: a real small image file, so renditions can be made."""

    class Meta:
        model = GambarProduk

    image = factory.SubFactory(
        wagtail_factories.ImageFactory,
        title=factory.Sequence(lambda n: f"Foto produk {n}"),
    )


def product_with_photos(parent, photos=1, **fields):
    """A live product page under ``parent`` with ``photos`` images."""
    product = ProdukPageFactory(parent=parent, **fields)
    for order in range(photos):
        GambarProdukFactory(page=product, sort_order=order)
    return product
