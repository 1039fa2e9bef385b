"""Citizens' records stay out of Wagtail's reference index: the admin's "usage" of a
kecamatan or category never lists the reports, applications or KIP requests that
name it, and a submission queues no indexing task."""

import pytest
from django.urls import reverse
from wagtail.models import ReferenceIndex

from layanan.models import Permohonan
from pengaduan.models import Laporan
from ppid.models import PermohonanInformasi
from tests.pengaduan.factories import LaporanFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Laporan, Permohonan, PermohonanInformasi])
def test_citizen_records_are_not_indexed(model):
    assert not ReferenceIndex.model_is_indexable(model)
    assert model not in ReferenceIndex.tracked_models


def test_a_report_is_no_usage_of_its_kecamatan_or_category(admin_client):
    # The admin's URLs register every snippet model with the index.
    admin_client.get(reverse("wagtailadmin_home"))
    laporan = LaporanFactory(judul="Jalan rusak di depan rumah Pak Ahmad")
    assert not ReferenceIndex.get_references_to(laporan.kategori).exists()
    assert not ReferenceIndex.get_references_to(laporan.kecamatan).exists()
    assert not ReferenceIndex.get_references_for_object(laporan).exists()


def test_the_migration_drops_rows_indexed_before(admin_client):
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from portal.reference_index import forget_references_from

    laporan = LaporanFactory()
    report_type = ContentType.objects.get_for_model(Laporan)
    kategori_type = ContentType.objects.get_for_model(laporan.kategori)
    row = {
        "content_type": report_type,
        "base_content_type": report_type,
        "object_id": str(laporan.pk),
        "to_content_type": kategori_type,
        "to_object_id": str(laporan.kategori.pk),
        "model_path": "kategori",
        "content_path": "kategori",
        "content_path_hash": ReferenceIndex._get_content_path_hash("kategori"),
    }
    ReferenceIndex.objects.create(**row)
    assert ReferenceIndex.get_references_to(laporan.kategori).exists()
    forget_references_from("pengaduan", "laporan").code(apps, None)
    assert not ReferenceIndex.get_references_to(laporan.kategori).exists()
