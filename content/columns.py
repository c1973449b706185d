"""Which columns a query reads: never the stored search vectors outside search, and for what a
reader sees, only the translated columns of the languages they can be shown (theirs and the
fallback, English). A page's rows are then a fraction as wide: reading and converting the other
languages' text and six tsvectors per row was most of a page's time.

The columns are chosen when the query runs (the active language is known then, and so are the
relations that select_related() follows), not when the QuerySet is built.
"""

from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.query import ModelIterable
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, translator

from . import languages
from .fallback import is_name, reader_languages, repeated_alias
from .scoping import cache_namespace

# Querysets built once per name and language (reusable()).
_built = {}


def reusable(name, build):
    """The queryset that build() makes, built once per name, active language and project in
    this process, then reused: building one with only(), select_related() and annotations costs
    about as much as compiling it (1 ms for an event card's). Only for a queryset that each use
    narrows (filter(), in_order()), which clones it, and whose building reads nothing but the
    language and the project (whose scope the queryset holds)."""
    key = (name, get_language(), cache_namespace())
    queryset = _built.get(key)
    if queryset is None:
        queryset = _built[key] = build()
    return queryset


def search_columns(model):
    """The stored search vectors (content/search.py's `fts_<language>` generated columns)."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.GeneratedField) and f.name.startswith("fts_")
    ]


def other_language_columns(model):
    """The translated columns of the languages the reader cannot be shown."""
    try:
        fields = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return []
    shown = set(reader_languages())
    return [
        languages.column(field, code)
        for field in fields
        for code in languages.codes()
        if code not in shown
    ]


def unread_columns(model, select_related, for_reader, prefix=""):
    """The columns of the model, and of the relations select_related() follows, to leave out."""
    unread = search_columns(model) + (other_language_columns(model) if for_reader else [])
    fields = [prefix + name for name in unread]
    if isinstance(select_related, dict):
        for name, nested in select_related.items():
            related = model._meta.get_field(name).related_model
            fields += unread_columns(related, nested, for_reader, f"{prefix}{name}__")
    return fields


class LeanQuerySet(models.QuerySet):
    """Leaves out the search vectors of every row it loads; after for_reader(), also the
    translated columns in languages the reader is not shown. A deferred column is still read on
    access (one query), so code that needs one can use it; pages never do."""

    _for_reader = False

    def for_reader(self):
        clone = self._chain()
        clone._for_reader = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._for_reader = self._for_reader
        return clone

    def in_order(self, pks):
        """The rows of this queryset with these pks, in the order of pks (a pk it does not hold
        has no row). Its prefetches run on the rows in that order, as for a page of a list: related
        rows that tie in their own order come in the same order."""
        pks = list(pks)
        if not pks:
            return []
        found = self.prefetch_related(None).order_by().in_bulk(pks)
        rows = [found[pk] for pk in pks if pk in found]
        prefetch_related_objects(rows, *self._prefetch_related_lookups)
        return rows

    def _leave_out_unread(self):
        if self._iterable_class is not ModelIterable:
            return
        deferred, defer_mode = self.query.deferred_loading
        unread = unread_columns(self.model, self.query.select_related, self._for_reader)
        if defer_mode:
            self.query.add_deferred_loading(unread)
            loaded = None
        else:
            # only(): what it names, less the columns never read (modeltranslation's only()
            # names a field's column in every language).
            loaded = frozenset(deferred).difference(unread)
            self.query.deferred_loading = (loaded, False)
        if self._for_reader:
            self._annotate_repeated(loaded)

    def _annotate_repeated(self, loaded=None):
        """For each translated field, whether a left-out language's column repeats the text of a
        fallback language (what is_prose() asks before the "(in English)" hint), so that
        showing a row in English does not load the left-out columns one query at a time. After
        only() (`loaded`: the names it loads), for the fields whose fallback column it loads."""
        try:
            fields = translator.get_options_for_model(self.model).all_fields
        except NotRegistered:
            return
        shown = reader_languages()
        others = [code for code in languages.codes() if code not in shown]
        if not others:
            return
        for field in fields:
            if is_name(self.model, field):
                continue
            for fallback in shown[1:]:
                alias = repeated_alias(field, fallback)
                if alias in self.query.annotations:
                    continue
                if loaded is not None and languages.column(field, fallback) not in loaded:
                    continue
                fallback_column = models.F(languages.column(field, fallback))
                same = models.Q()
                for code in others:
                    same |= models.Q(**{languages.column(field, code): fallback_column})
                self.query.add_annotation(
                    models.ExpressionWrapper(same, output_field=models.BooleanField()), alias
                )

    def _fetch_all(self):
        if self._result_cache is None:
            self._leave_out_unread()
        super()._fetch_all()

    def iterator(self, chunk_size=None):
        self._leave_out_unread()
        return super().iterator(chunk_size)
