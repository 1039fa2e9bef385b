"""Citizens' records are no longer in Wagtail's reference index: drop their rows."""

from django.db import migrations

from portal.reference_index import forget_references_from


class Migration(migrations.Migration):
    dependencies = [
        ("layanan", "0004_letters_and_ikm_profile"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [forget_references_from("layanan", "permohonan")]
