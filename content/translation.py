from modeltranslation.translator import TranslationOptions, register

from . import languages
from .history import track
from .site import LegalPage, Project


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("name", "tagline", "description", "programme_name")


@register(LegalPage)
class LegalPageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = (languages.default(),)


# History after the translation fields exist, so every language is kept and restorable.
track(Project, LegalPage)
