from django.db import migrations

from content.search import search_index_operation


# The languages of the portal when this migration was written: it must not change with settings.
LANGUAGES = ("en", "it", "et", "hu", "sv", "el")


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0002_history"),
    ]

    operations = [
        # Full-text search (PostgreSQL only): one GIN index per language on the columns that
        # Organisation.objects.search() reads.
        search_index_operation("partners", "organisation", ["name", "description"], "org", LANGUAGES),
    ]
