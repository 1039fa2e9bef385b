"""Citizens' records are no longer in Wagtail's reference index: drop their rows."""

from django.db import migrations

from portal.reference_index import forget_references_from


class Migration(migrations.Migration):
    dependencies = [
        ("pengaduan", "0007_statistics_rollup"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [forget_references_from("pengaduan", "laporan")]
