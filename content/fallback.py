"""The translation fallback, defined once: a field missing in the reader's language is read in
the default language (English), and the reader is told which language they got."""

from typing import NamedTuple

from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from modeltranslation.utils import build_localized_fieldname, resolution_order

from . import languages


class Localized(NamedTuple):
    value: str
    lang: str | None


def localized(obj, field):
    """The field's value in the active language, else in the first fallback language that has one.

    `lang` is the language of `value`; it is None when no language has a value (then `value` is "").
    """
    for lang in resolution_order(languages.current()):
        value = getattr(obj, build_localized_fieldname(field, lang), None)
        if value:
            return Localized(value, lang)
    return Localized("", None)


# Fields that hold names (of places, organisations, people), per model label: a name shown in
# English on a Swedish page is not a missing translation, so readers get no "(in English)" hint.
_NAME_FIELDS = {}


def names(model, *fields):
    """Declare `fields` of `model` as proper names (registered next to its translated fields)."""
    _NAME_FIELDS.setdefault(model._meta.label, set()).update(fields)


def is_prose(obj, field, shown):
    """Whether the fallback text `shown` (a Localized) is prose in another language, which gets
    the hint: not a name field, and not a text entered identically in several languages (a
    product's name such as “Segnalaci”, written the same in Italian, Estonian and English)."""
    if field in _NAME_FIELDS.get(obj._meta.label, ()):
        return False
    # A reader's query leaves out the other languages' columns and tells instead, in an
    # annotation, whether one of them repeats the fallback text (content/columns.py).
    repeated = repeated_alias(field, shown.lang)
    answered = repeated in obj.__dict__
    if answered and obj.__dict__[repeated]:
        return False
    deferred = obj.get_deferred_fields() if answered else ()
    for lang in languages.codes():
        column = build_localized_fieldname(field, lang)
        if (
            lang != shown.lang
            and column not in deferred
            and getattr(obj, column, None) == (shown.value)
        ):
            return False
    return True


def is_name(model, field):
    return field in _NAME_FIELDS.get(model._meta.label, ())


def repeated_alias(field, fallback):
    """The annotation telling whether a language column of field that a reader's query left out
    holds the same text as the fallback language's column."""
    return f"_{field}_repeats_{fallback}"


def reader_languages():
    """The languages a reader can be shown text in: theirs, then the fallback ones."""
    return list(resolution_order(languages.current()))


def shown(field):
    """The database expression of the text localized() shows: for ordering by what readers see."""
    return shown_in(field, languages.current())


def shown_in(field, code):
    """shown() for a reader of language `code`: also the expression of the indexes that keep
    rows in that order (practices' `practice_shown_title_<code>`), which must be the same."""
    columns = [
        NullIf(F(build_localized_fieldname(field, lang)), Value(""))
        for lang in resolution_order(code)
    ]
    return Coalesce(*columns, Value(""))
