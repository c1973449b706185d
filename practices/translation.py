from modeltranslation.translator import TranslationOptions, register

from content import languages
from content.history import track

from .models import GoodPractice, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = (languages.default(),)


@register(GoodPractice)
class GoodPracticeTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
        "description",
        "resources_needed",
        "evidence_of_success",
        "difficulties_encountered",
        "potential_for_learning",
        "location",
        "image_alt",
    )
    required_languages = (languages.default(),)


# History after the translation fields exist, so every language is kept and restorable.
track(GoodPractice, Theme)
