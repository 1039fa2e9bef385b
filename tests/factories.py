"""Factories for the shared core and the editorial pages."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

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
