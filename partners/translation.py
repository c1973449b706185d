import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Person


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("role", "bio")


# History after the translation fields exist, so every language is kept and restorable.
simple_history.register(Organisation)
simple_history.register(Person)
