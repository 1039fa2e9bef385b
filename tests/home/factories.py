"""Factories for news pages and page documents."""

import datetime

import factory
import wagtail_factories

from home.models import BeritaIndexPage, BeritaPage
from ppid.models import InformasiPublikDokumen


class DokumenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformasiPublikDokumen

    document = factory.SubFactory(wagtail_factories.DocumentFactory)


class BeritaIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BeritaIndexPage

    title = "Berita"
    slug = "berita"


class BeritaPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BeritaPage

    title = factory.Sequence(lambda n: f"Berita {n}")
    introduction = "Teras berita."
    tanggal = factory.Sequence(
        lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(n)
    )
