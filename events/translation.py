from modeltranslation.translator import TranslationOptions, register

from .models import KIND_PROXIES, Event, EventChange, Material, Workshop


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "venue", "city")
    required_languages = ("en",)


@register(Workshop)
class WorkshopTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


@register(Material)
class MaterialTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)


@register(EventChange)
class EventChangeTranslationOptions(TranslationOptions):
    fields = ("reason", "previous_city")
    required_languages = ("en",)


# The per-kind proxies share Event's translated fields; registering them lets modeltranslation
# refresh their field caches and accept title_en= etc. in their constructors.
for _proxy in KIND_PROXIES:
    register(_proxy)(
        type(f"{_proxy.__name__}TranslationOptions", (TranslationOptions,), {"fields": ()})
    )
