"""PostgreSQL's pg_trgm extension, for the search page's spelling suggestions
(search/suggestions.py) and Wagtail's ``Fuzzy`` queries. Django's
``TrigramExtension`` does nothing on other databases (SQLite)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [TrigramExtension()]
