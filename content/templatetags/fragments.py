"""`{% fragment "name" %}…{% endfragment %}`: a part of a template rendered once per edit of the
content it shows and then read from the fragment cache (content/fragments.py), in each language.

For what every page repeats alike, the page frame above all (the header and the footer show the
site identity, the navigation and the legal pages: the "site" scope): rendering them was about
half of an uncached list page's time. Other scopes may be named after the name
(`{% fragment "name" "events" %}`), and what tells one fragment of that name from another
after `by` (`{% fragment "event-facts" "events" "partners" by event.pk zone.key %}`): nothing
inside may depend on anything else of the request or the page. A part that is None renders
the fragment without the cache (a preview of a draft, whose edits change no version).
"""

from django import template
from django.utils.safestring import mark_safe

from content.fragments import cached_fragment
from content.page_cache import SCOPES

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, scopes, parts, nodelist):
        self.name, self.scopes, self.parts, self.nodelist = name, scopes, parts, nodelist

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        if any(part is None for part in parts):
            return self.nodelist.render(context)
        html = cached_fragment(
            "tag-" + self.name, parts, self.scopes, lambda: self.nodelist.render(context)
        )
        return mark_safe(html)  # noqa: S308 - a rendered template


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a quoted name.")
    parts = []
    if "by" in bits:
        at = bits.index("by")
        bits, parts = bits[:at], [parser.compile_filter(bit) for bit in bits[at + 1 :]]
    name, *scopes = (bit.strip("\"'") for bit in bits[1:])
    unknown = [scope for scope in scopes if scope not in SCOPES]
    if unknown:
        raise template.TemplateSyntaxError(f"Unknown content scopes {unknown}; one of {SCOPES}.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, tuple(scopes) or ("site",), parts, nodelist)
