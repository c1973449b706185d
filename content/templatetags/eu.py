"""The EU emblem in templates: `{% load eu %}{% eu_emblem %}`."""

from django import template
from django.utils.safestring import mark_safe

from content.emblem import emblem_svg

register = template.Library()

_EMBLEM = emblem_svg()


@register.simple_tag
def eu_emblem():
    return mark_safe(_EMBLEM)  # noqa: S308 - built from numbers and constants only
