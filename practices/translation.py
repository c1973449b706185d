from modeltranslation.translator import TranslationOptions, register

from better_portal.history import track

from .models import GoodPractice, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


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
    )
    required_languages = ("en",)


# History after the translation fields exist, so every language is kept and restorable.
track(GoodPractice, Theme)
