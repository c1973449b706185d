from django.db import migrations

from partners.search import search_index_operation


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0002_history"),
    ]

    operations = [
        # Full-text search (PostgreSQL only): one GIN index per language on the columns that
        # Organisation.objects.search() reads.
        search_index_operation("partners", "organisation", ["name", "description"], "org"),
    ]
