"""Citizens' records are no longer in Wagtail's reference index: drop their rows."""

from django.db import migrations

from portal.reference_index import forget_references_from


class Migration(migrations.Migration):
    dependencies = [
        ("ppid", "0004_kip_page_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [forget_references_from("ppid", "permohonaninformasi")]
