from modeltranslation.translator import TranslationOptions, register

from content import languages
from content.fallback import names
from content.history import track

from .models import KIND_PROXIES, Event, EventChange, Material, Semester, Workshop


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "venue", "city", "image_alt")
    required_languages = (languages.default(),)


# The per-kind proxies inherit Event's translated fields but must be registered themselves.
@register(KIND_PROXIES)
class EventKindTranslationOptions(TranslationOptions):
    fields = ()


@register(Workshop)
class WorkshopTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = (languages.default(),)


@register(Material)
class MaterialTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = (languages.default(),)


@register(Semester)
class SemesterTranslationOptions(TranslationOptions):
    fields = ("summary",)


@register(EventChange)
class EventChangeTranslationOptions(TranslationOptions):
    fields = ("reason", "previous_city")
    required_languages = (languages.default(),)


# Names of places and organisations are not translations: no "(in English)" hint.
names(Event, "venue", "city")
names(EventChange, "previous_city")

# History after the translation fields exist, so every language is kept and restorable.
track(Event, Workshop)
