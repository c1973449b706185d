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


def reader_languages():
    """The languages a reader can be shown text in: theirs, then the fallback ones."""
    return list(resolution_order(languages.current()))


def shown(field):
    """The database expression of the text localized() shows: for ordering by what readers see."""
    columns = [
        NullIf(F(build_localized_fieldname(field, lang)), Value("")) for lang in reader_languages()
    ]
    return Coalesce(*columns, Value(""))
