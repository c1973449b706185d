"""Search over translated columns, shared by the QuerySets of every app."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language


def translated_icontains(fields, text):
    """A Q matching text in each field's column of the active language or of English.

    Modeltranslation would rewrite `title__icontains` to the active language's column only, so
    a reader would miss the items that are shown to them in English.
    """
    languages = {(get_language() or "en").split("-")[0], settings.MODELTRANSLATION_DEFAULT_LANGUAGE}
    known = {code for code, _name in settings.LANGUAGES}
    query = Q()
    for field in fields:
        for language in sorted(languages & known):
            query |= Q(**{f"{field}_{language}__icontains": text})
    return query
