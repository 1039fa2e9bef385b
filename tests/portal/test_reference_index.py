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
