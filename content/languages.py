"""The content languages, all derived from settings.LANGUAGES and the default language.

A seventh language is a settings change, its translations, and the migrations that
`makemigrations` then writes (translated columns, search columns and their indexes).
"""

import locale

from django.conf import settings
from django.utils.translation import get_language, get_language_info, pgettext, pgettext_lazy

# PostgreSQL's text-search configurations that stem the same way on every supported server.
# Greek is newer than some servers and PostgreSQL ships no Estonian: those, like any other
# language, use "simple" (lower-cased words, no stemming).
_STEMMED_SEARCH_CONFIGS = {
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "hungarian",
    "italian",
    "norwegian",
    "portuguese",
    "romanian",
    "russian",
    "spanish",
    "swedish",
    "turkish",
}


def codes():
    """Every content language's code, the default language first as in settings."""
    return [code for code, _name in settings.LANGUAGES]


def default():
    """The required language, the one every translated field falls back to."""
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def others():
    """Every content language but the default one."""
    return [code for code in codes() if code != default()]


def current():
    """The active language as a content language code: the default one if it is not one."""
    code = (get_language() or default()).split("-")[0]
    return code if code in codes() else default()


def column(field, code):
    """The column of a translated field in one language: ("title", "sv") -> "title_sv"."""
    return f"{field}_{code}"


def columns(*fields):
    """Every language's column of each field: ("title_en", "title_it", ...)."""
    return tuple(column(field, code) for field in fields for code in codes())


def search_config(code):
    """The PostgreSQL text-search configuration for a language's text."""
    name = get_language_info(code)["name"].lower()
    return name if name in _STEMMED_SEARCH_CONFIGS else "simple"


def open_graph_locale(code):
    """The territory-qualified locale Open Graph wants: "sv" -> "sv_SE", "el" -> "el_GR"."""
    normalized = locale.normalize(code).split(".")[0]
    return normalized if "_" in normalized else code


def name_in_label(code):
    """A language's name as the active language writes it after a form field's label:
    “English”, “engelska”, “inglise keeles”. Django's own name of the language where the
    portal's catalogue has no such form for it."""
    english_name = get_language_info(code)["name"]
    shown = pgettext("language of a form field", english_name)
    if shown != english_name or current() == "en":
        return shown
    return get_language_info(code)["name_translated"]


# The forms of name_in_label() that the catalogues translate; a language without its line here
# is named as Django names it.
_LABEL_NAMES = [
    pgettext_lazy("language of a form field", "English"),
    pgettext_lazy("language of a form field", "Italian"),
    pgettext_lazy("language of a form field", "Estonian"),
    pgettext_lazy("language of a form field", "Hungarian"),
    pgettext_lazy("language of a form field", "Swedish"),
    pgettext_lazy("language of a form field", "Greek"),
]
