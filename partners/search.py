"""Search over translated columns, shared by the QuerySets of every app.

On PostgreSQL: full-text search, one text-search configuration per language, each backed by a
GIN index on the same expression (the `search_index_operation` migrations). Elsewhere (SQLite):
case-insensitive substring matching. Either way a reader finds items by the text in their
language or in English, the two languages they can be shown in.
"""

import re

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import connections, migrations, models
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# PostgreSQL 15 ships no Estonian stemmer, and the Greek one is newer than some servers: both
# use "simple" (lower-cased words, no stemming), so results are the same on every server.
SEARCH_CONFIGS = {
    "en": "english",
    "it": "italian",
    "et": "simple",
    "hu": "hungarian",
    "sv": "swedish",
    "el": "simple",
}


def reader_languages():
    """The reader's language and English, as language codes the portal knows."""
    languages = {(get_language() or "en").split("-")[0], settings.MODELTRANSLATION_DEFAULT_LANGUAGE}
    known = {code for code, _name in settings.LANGUAGES}
    return sorted(languages & known)


def translated_icontains(fields, text):
    """A Q matching text in each field's column of the active language or of English.

    Modeltranslation would rewrite `title__icontains` to the active language's column only, so
    a reader would miss the items that are shown to them in English.
    """
    query = Q()
    for field in fields:
        for language in reader_languages():
            query |= Q(**{f"{field}_{language}__icontains": text})
    return query


def search_vector(fields, language):
    """The tsvector of the fields' columns in one language: the expression the GIN index holds."""
    return SearchVector(
        *[f"{field}_{language}" for field in fields], config=SEARCH_CONFIGS[language]
    )


def translated_search(queryset, fields, text):
    """The queryset narrowed to items whose text matches, in the reader's language or English.

    On PostgreSQL the stored `fts_<language>` columns (see `search_column`) are matched: reading
    a stored tsvector costs microseconds where computing one costs a third of a millisecond, so
    the planner's choice between walking the list's order index and collecting the matches
    through the GIN index is right for rare and common words alike.
    """
    if connections[queryset.db].vendor != "postgresql":
        return queryset.filter(translated_icontains(fields, text))
    words = re.findall(r"\w+", text)
    if not words:
        return queryset.none()
    # Every word as a prefix ("digital" finds "digitalises"), as the substring search does.
    prefixes = " & ".join(f"{word}:*" for word in words)
    query = Q()
    for language in reader_languages():
        config = SEARCH_CONFIGS[language]
        query |= Q(**{f"fts_{language}": SearchQuery(prefixes, config=config, search_type="raw")})
    return queryset.filter(query)


class StoredSearchVector(SearchVector):
    """The tsvector of the fields' columns in one language, as a generated column stores it.
    NULL on databases without full-text search (SQLite), which search by substring instead."""

    def __init__(self, fields, language):
        super().__init__(
            *[f"{field}_{language}" for field in fields], config=SEARCH_CONFIGS[language]
        )

    def as_sql(self, compiler, connection, *args, **kwargs):
        if connection.vendor != "postgresql":
            return "NULL", []
        return super().as_sql(compiler, connection, *args, **kwargs)


def search_column(fields, language):
    """A stored, generated tsvector of the fields in one language: the database keeps it up to
    date on every write. Named `fts_<language>`; `search_column_index_operation` indexes it."""
    return models.GeneratedField(
        expression=StoredSearchVector(fields, language),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=format_lazy("{} ({})", _("full-text search"), language),
    )


def search_index_operation(app_label, model_name, fields, prefix):
    """A migration operation adding one GIN index per language, on PostgreSQL only.

    A RunPython, not AddIndex: SQLite has no GIN indexes, and the indexes stay out of the model
    state, so `makemigrations --check` does not ask for them in Meta.indexes.
    """

    def indexes():
        for language in SEARCH_CONFIGS:
            name = f"{prefix}_fts_{language}"
            yield GinIndex(search_vector(fields, language), name=name)

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            model = apps.get_model(app_label, model_name)
            for index in indexes():
                schema_editor.add_index(model, index)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            model = apps.get_model(app_label, model_name)
            for index in indexes():
                schema_editor.remove_index(model, index)

    return migrations.RunPython(forwards, backwards, elidable=False)


def search_column_index_operation(app_label, model_name, fields, prefix):
    """A migration operation moving each language's GIN index from the expression (migrations
    0003) to the stored `fts_<language>` column, on PostgreSQL only; the names stay."""

    def column_indexes():
        for language in SEARCH_CONFIGS:
            yield GinIndex(fields=[f"fts_{language}"], name=f"{prefix}_fts_{language}")

    def expression_indexes():
        for language in SEARCH_CONFIGS:
            yield GinIndex(search_vector(fields, language), name=f"{prefix}_fts_{language}")

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            model = apps.get_model(app_label, model_name)
            for index in column_indexes():
                schema_editor.execute(
                    f"DROP INDEX IF EXISTS {schema_editor.quote_name(index.name)}"
                )
                schema_editor.add_index(model, index)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            model = apps.get_model(app_label, model_name)
            for index in column_indexes():
                schema_editor.remove_index(model, index)
            for index in expression_indexes():
                schema_editor.add_index(model, index)

    return migrations.RunPython(forwards, backwards, elidable=False)
