from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Person


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("role", "bio")
