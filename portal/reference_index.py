"""Removing a model's rows from Wagtail's reference index, for the migration that
leaves it out (``wagtail_reference_index_ignore``): rows written before stay until
the index is rebuilt otherwise, and would still list the records as "usage"."""

from django.db import migrations


def forget_references_from(app_label, model_name):
    """A migration operation deleting the index rows of ``app_label.model_name``."""

    def forget(apps, schema_editor):
        ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
        ReferenceIndex.objects.filter(
            content_type__app_label=app_label, content_type__model=model_name
        ).delete()

    return migrations.RunPython(forget, migrations.RunPython.noop)
