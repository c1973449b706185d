from modeltranslation.translator import TranslationOptions, register

from .models import SubmittedEvent, SubmittedPractice


# Proxies inherit their concrete model's translated fields, but must be registered themselves.
@register([SubmittedEvent, SubmittedPractice])
class ReviewProxyTranslationOptions(TranslationOptions):
    fields = ()
