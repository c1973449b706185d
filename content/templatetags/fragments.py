"""`{% fragment "name" %}…{% endfragment %}`: a part of a template rendered once per edit of the
content it shows and then read from the fragment cache (content/fragments.py), in each language.

For what every page repeats alike, the page frame above all (the header and the footer show the
site identity, the navigation and the legal pages: the "site" scope): rendering them was about
half of an uncached list page's time. Other scopes may be named after the name
(`{% fragment "name" "events" %}`). Nothing inside may depend on the request or the page: the
fragment is the same on every page in a language.
"""

from django import template
from django.utils.safestring import mark_safe

from content.fragments import cached_fragment
from content.page_cache import SCOPES

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, scopes, nodelist):
        self.name, self.scopes, self.nodelist = name, scopes, nodelist

    def render(self, context):
        html = cached_fragment(
            "frame-" + self.name, (), self.scopes, lambda: self.nodelist.render(context)
        )
        return mark_safe(html)  # noqa: S308 - a rendered template


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a quoted name.")
    name, *scopes = (bit.strip("\"'") for bit in bits[1:])
    unknown = [scope for scope in scopes if scope not in SCOPES]
    if unknown:
        raise template.TemplateSyntaxError(f"Unknown content scopes {unknown}; one of {SCOPES}.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, tuple(scopes) or ("site",), nodelist)
