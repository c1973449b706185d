from modeltranslation.translator import TranslationOptions, register

from content import languages
from content.history import track

from .models import Organisation, Person, ProjectPartner


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "city", "description")
    required_languages = (languages.default(),)


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("role", "bio")


# History after the translation fields exist, so every language is kept and restorable.
track(Organisation, Person, ProjectPartner)
