"""Factories for the shared core and the editorial pages."""

from io import BytesIO

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from pypdf import PdfWriter

from home.models import HomePage, StandardPage
from portal.models import HariLibur, PerangkatDaerah, ProfilPetugas


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"petugas{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@langkatkab.go.id")
    password = factory.django.Password("kata-sandi-uji-123")


class PerangkatDaerahFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerangkatDaerah

    nama = factory.Sequence(lambda n: f"Dinas Uji {n}")
    singkatan = factory.Sequence(lambda n: f"DU{n}")
    slug = factory.Sequence(lambda n: f"dinas-uji-{n}")


class HariLiburFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HariLibur

    nama = "Hari Jadi Kabupaten Langkat"


class ProfilPetugasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProfilPetugas

    user = factory.SubFactory(UserFactory)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Beranda"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Halaman {n}")
    introduction = "Pengantar halaman."


def pdf_bytes(pages=1):
    """A plain PDF of ``pages`` blank A4 pages, as uploads accept it."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    output = BytesIO()
    writer.write(output)
    return output.getvalue()
