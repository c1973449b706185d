"""Template tags shared by every public page: translation fallback marking and JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from content import languages
from content.fallback import is_prose, localized

register = template.Library()

# The characters that could end a <script> element or start an HTML entity, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def translated(obj, field, linebreaks=False, sentence=False):
    """Render a translated field; English shown on a non-English page is marked as such.

    The fallback text carries its lang (lang="en") and is followed by a visible hint in the
    page's language, so readers and screen readers know that a fallback happened.
    """
    shown = localized(obj, field)
    value, language = shown
    if sentence:  # starts a sentence: a capital, whichever language the text is in
        value = value[:1].upper() + value[1:]
    body = linebreaks_filter(value, autoescape=True) if linebreaks else conditional_escape(value)
    if not value or language == languages.current() or not is_prose(obj, field, shown):
        return mark_safe(body)  # noqa: S308 - body is escaped above
    hint = gettext("(in English)")
    if linebreaks:
        return format_html(
            '<div class="fallback"><div lang="{}">{}</div><p class="fallback-hint">{}</p></div>',
            language,
            body,
            hint,
        )
    return format_html(
        '<span class="fallback"><span lang="{}">{}</span> <small class="fallback-hint">{}</small>'
        "</span>",
        language,
        body,
        hint,
    )


def json_ld_script(data):
    """A <script type="application/ld+json"> block whose content cannot close the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def json_ld(data):
    if not data:
        return ""
    return json_ld_script(data)
