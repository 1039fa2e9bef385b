"""Loads Langkat's 23 kecamatan and 277 desa/kelurahan from portal/fixtures/langkat-wilayah.json.

The data comes from areaid 1.1.2 (MIT licence); its attribution travels in the file's
"source" key and in the README.
"""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "langkat-wilayah.json"


def load_wilayah(apps, schema_editor):
    Kecamatan = apps.get_model("portal", "Kecamatan")
    Desa = apps.get_model("portal", "Desa")
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for entry in data["kecamatan"]:
        kecamatan, _created = Kecamatan.objects.get_or_create(
            nama=entry["nama"], defaults={"slug": slugify(entry["nama"])}
        )
        for desa in entry["desa_kelurahan"]:
            Desa.objects.get_or_create(
                kecamatan=kecamatan,
                nama=desa["nama"],
                defaults={"kode_pos": desa.get("kode_pos", ""), "jenis": desa.get("jenis", "")},
            )


def unload_wilayah(apps, schema_editor):
    apps.get_model("portal", "Desa").objects.all().delete()
    apps.get_model("portal", "Kecamatan").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(load_wilayah, unload_wilayah)]
