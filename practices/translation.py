from modeltranslation.translator import TranslationOptions, register

from content import languages
from content.fallback import names
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


# Names of places and organisations are not translations: no "(in English)" hint.
names(GoodPractice, "location")

# History after the translation fields exist, so every language is kept and restorable.
track(GoodPractice, Theme)
