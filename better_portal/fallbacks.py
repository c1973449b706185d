"""Which language a translated field is actually read in, so pages and exports can say so."""

from typing import NamedTuple

from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order


class Localized(NamedTuple):
    value: str
    lang: str | None


def localized(obj, field):
    """The field's value in the active language, else in the first fallback language that has one.

    `lang` is the language of `value`; it is None when no language has a value (then `value` is "").
    """
    for lang in resolution_order(get_language()):
        value = getattr(obj, build_localized_fieldname(field, lang), None)
        if value:
            return Localized(value, lang)
    return Localized("", None)
