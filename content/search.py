"""Search over translated columns, shared by the QuerySets of every app.

On PostgreSQL: full-text search on stored, generated tsvector columns, one per language
(`fts_<language>`, each with its own text-search configuration and GIN index). Elsewhere
(SQLite): case-insensitive substring matching. Either way a reader finds items by the text in
their language or in English, the two languages they can be shown in.
"""

import re

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import connections, migrations, models, transaction
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import languages
from .columns import LeanQuerySet
from .fallback import reader_languages
from .scoping import cache_namespace


def translated_icontains(fields, text):
    """A Q matching text in each field's column of the active language or of English.

    Modeltranslation would rewrite `title__icontains` to the active language's column only, so
    a reader would miss the items that are shown to them in English.
    """
    query = Q()
    for field in fields:
        for language in reader_languages():
            query |= Q(**{f"{languages.column(field, language)}__icontains": text})
    return query


def prefix_query(text):
    """The tsquery (raw syntax) of the text's words, every word as a prefix ("digital" finds
    "digitalises", as the substring search does); None for a text without words."""
    words = re.findall(r"\w+", text)
    return " & ".join(f"{word}:*" for word in words) if words else None


def translated_search(queryset, fields, text):
    """The queryset narrowed to items whose text matches, in the reader's language or English.

    On PostgreSQL the stored `fts_<language>` columns are matched: reading a stored tsvector
    costs microseconds where computing one costs a third of a millisecond, so the planner's
    choice between walking the list's order index and collecting the matches through the GIN
    index is right for rare and common words alike.
    """
    if connections[queryset.db].vendor != "postgresql":
        return queryset.filter(translated_icontains(fields, text))
    prefixes = prefix_query(text)
    if prefixes is None:
        return queryset.none()
    query = Q()
    for language in reader_languages():
        config = languages.search_config(language)
        query |= Q(**{f"fts_{language}": SearchQuery(prefixes, config=config, search_type="raw")})
    return queryset.filter(query)


class StoredSearchVector(SearchVector):
    """The tsvector of the fields' columns in one language, as a generated column stores it.
    NULL on databases without full-text search (SQLite), which search by substring instead."""

    def __init__(self, fields, language):
        columns = [languages.column(field, language) for field in fields]
        super().__init__(*columns, config=languages.search_config(language))

    def as_sql(self, compiler, connection, *args, **kwargs):
        if connection.vendor != "postgresql":
            return "NULL", []
        return super().as_sql(compiler, connection, *args, **kwargs)


class SearchIndex(GinIndex):
    """A GIN index on PostgreSQL; elsewhere a plain index, so that one migration serves both."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return models.Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


def search_column(fields, language):
    """A stored, generated tsvector of the fields in one language: the database keeps it up to
    date on every write."""
    return models.GeneratedField(
        expression=StoredSearchVector(fields, language),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=format_lazy("{} ({})", _("full-text search"), language),
    )


def searchable(*fields, index_prefix):
    """Class decorator: a model searchable by `fields` in every content language.

    Adds the stored column `fts_<language>` and its index `<index_prefix>_fts_<language>` for
    each language of settings.LANGUAGES, and `search(text)` on the default manager's QuerySet
    finds by them. Changing the fields or the languages asks for a migration.
    """

    def decorate(model):
        model.SEARCH_FIELDS = fields
        for code in languages.codes():
            model.add_to_class(f"fts_{code}", search_column(list(fields), code))
            index = SearchIndex(fields=[f"fts_{code}"], name=f"{index_prefix}_fts_{code}")
            model._meta.indexes.append(index)
        # So that migrations see the indexes, as if Meta.indexes had listed them.
        model._meta.original_attrs["indexes"] = model._meta.indexes
        return model

    return decorate


class SearchableQuerySet(LeanQuerySet):
    def search(self, text):
        """Items whose searched fields hold the text, in the reader's language or English."""
        return translated_search(self, self.model.SEARCH_FIELDS, text)


# The planner settings of the search's statement, for that statement only: with them, a word
# matched by a few hundred items is collected through the GIN index instead of walking the whole
# order index and reading each row's tsvector (15 ms instead of 2 at 20,000 events), and the
# practices are never read by a sequential scan (100 ms for a common word); a common word still
# walks the order index and stops at the cap (docs/performance.md, EXPLAIN ANALYZE figures).
PLANNER_SETTINGS = (
    "SELECT set_config('enable_seqscan', 'off', true), "
    "set_config('enable_incremental_sort', 'off', true)"
)

# The text a statement is compiled with, replaced by the reader's in its parameters only.
_PLACEHOLDER_TEXT = "qzsearchedtextzq"
_statements = {}


def _text_parameter(text, connection):
    """The one value through which a searched text enters the SQL: on PostgreSQL its prefix
    query (None: it has no words, nothing matches); elsewhere its LIKE pattern, as the
    `icontains` of translated_icontains() binds it."""
    if connection.vendor == "postgresql":
        return prefix_query(text)
    return f"%{connection.ops.prep_for_like_query(text)}%"


def _union_statement(kinds, connection, shown, cap):
    """The SQL and parameters of the union, for each kind, of its first `shown` matches of the
    placeholder text in order (rows `index, pk`) and of their count up to cap + 1 in any order
    (a row `-1 - index, count`: the ordered walk that stops after 20 matches would read five
    times as far for 101), and the positions of the parameters that are the text."""
    quote = connection.ops.quote_name
    m = quote("m")
    branches, params = [], []
    for index, (_name, queryset) in enumerate(kinds):
        matches = queryset.search(_PLACEHOLDER_TEXT).values_list("pk")
        first = matches[:shown].query.get_compiler(connection=connection).as_sql()
        counted = matches.order_by()[: cap + 1].query.get_compiler(connection=connection).as_sql()
        branches.append(f"SELECT {index}, {m}.{quote('pk')} FROM ({first[0]}) {m}")
        branches.append(f"SELECT {-1 - index}, COUNT(*) FROM ({counted[0]}) {m}")
        params.extend(first[1])
        params.extend(counted[1])
    placeholder = _text_parameter(_PLACEHOLDER_TEXT, connection)
    positions = [i for i, param in enumerate(params) if param == placeholder]
    if not positions:
        raise RuntimeError("The search's statement does not bind the searched text.")
    return " UNION ALL ".join(branches), params, positions


def _execute(connection, sql, params):
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    # Settings made with set_config(..., true) last until the transaction ends: in a transaction
    # of our own, rolled back, or (inside a caller's transaction) a savepoint rolled back, so
    # that they never outlive this statement.
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute(f"{PLANNER_SETTINGS}; {sql}", params)
            rows = cursor.fetchall()
        transaction.set_rollback(True, using=connection.alias)
    return rows


def first_matches(kinds, text, shown, cap):
    """For each (name, queryset) of kinds, the items of the queryset (of a searchable model, in
    the order it lists them) that match the text as search() finds them: {name: (count, pks)},
    the pks of the first `shown` matches in order and how many match, counted no further than
    cap + 1. One SQL statement for all the kinds.

    The statement is compiled once per database, language and kinds (names and models) and then
    reused with the text as a parameter: the same names must always come with the same
    querysets."""
    names = [name for name, _queryset in kinds]
    connection = connections[kinds[0][1].db]
    value = _text_parameter(text, connection)
    if value is None:
        return {name: (0, []) for name in names}
    key = (
        connection.alias,
        cache_namespace(),  # the statement holds the project's id as a parameter
        get_language(),
        tuple((name, queryset.model) for name, queryset in kinds),
        shown,
        cap,
    )
    statement = _statements.get(key)
    if statement is None:
        statement = _statements[key] = _union_statement(kinds, connection, shown, cap)
    sql, params, positions = statement
    params = list(params)
    for position in positions:
        params[position] = value
    found = {name: [] for name in names}
    counts = {}
    # Each branch's rows come in its own order (a UNION ALL appends its branches' rows).
    for index, value in _execute(connection, sql, params):
        if index < 0:
            counts[names[-1 - index]] = value
        else:
            found[names[index]].append(value)
    return {name: (counts[name], pks) for name, pks in found.items()}


# Migration operations of the migrations that first built the search (PostgreSQL only), kept
# for those migrations. They name their languages: the migrations must not change with settings.


def _expression_index(fields, language, prefix):
    columns = [languages.column(field, language) for field in fields]
    vector = SearchVector(*columns, config=languages.search_config(language))
    return GinIndex(vector, name=f"{prefix}_fts_{language}")


def search_index_operation(app_label, model_name, fields, prefix, language_codes):
    """One GIN index per language on the fields' expression, on PostgreSQL only."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            model = apps.get_model(app_label, model_name)
            for language in language_codes:
                schema_editor.add_index(model, _expression_index(fields, language, prefix))

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            model = apps.get_model(app_label, model_name)
            for language in language_codes:
                schema_editor.remove_index(model, _expression_index(fields, language, prefix))

    return migrations.RunPython(forwards, backwards, elidable=False)


def drop_search_indexes_operation(app_label, model_name, fields, prefix, language_codes):
    """Drop the GIN indexes named as search_index_operation names them, if they exist, on
    PostgreSQL only; reversed, it builds the expression indexes again."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for language in language_codes:
                name = schema_editor.quote_name(f"{prefix}_fts_{language}")
                schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            model = apps.get_model(app_label, model_name)
            for language in language_codes:
                schema_editor.add_index(model, _expression_index(fields, language, prefix))

    return migrations.RunPython(forwards, backwards, elidable=False)
