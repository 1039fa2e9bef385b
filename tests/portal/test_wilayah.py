"""Langkat's 23 kecamatan and 277 desa/kelurahan ship with the project."""

import json
from pathlib import Path

import pytest

from portal.models import Desa, Kecamatan

pytestmark = pytest.mark.django_db

FIXTURE = (
    Path(__file__).resolve().parents[2] / "portal" / "fixtures" / "langkat-wilayah.json"
)


def test_all_kecamatan_and_desa_are_loaded_by_migration():
    assert Kecamatan.objects.count() == 23
    assert Desa.objects.count() == 277


def test_each_kecamatan_has_its_desa_with_postal_codes():
    stabat = Kecamatan.objects.get(nama="Stabat")
    assert stabat.slug == "stabat"
    assert stabat.desa.exists()
    assert not Desa.objects.filter(kode_pos="").exists()
    assert Desa.objects.get(nama="Brandan Barat").kecamatan.nama == "Babalan"


def test_alternative_spellings_are_kept_and_slugs_are_clean():
    kecamatan = Kecamatan.objects.get(nama="Sei Binge (Bingai)")
    assert kecamatan.slug == "sei-binge-bingai"


def test_fixture_keeps_its_attribution():
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert "areaid" in data["source"]
    assert "MIT" in data["source"]
