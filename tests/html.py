"""Reading rendered HTML in tests: text content and parts of a page, without a browser."""

import json
import re
from html import unescape

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def text(html):
    """The text a reader sees: tags removed, entities decoded, whitespace collapsed."""
    return _SPACE.sub(" ", unescape(_TAGS.sub("", html))).strip()


def inner(html, opening):
    """The HTML inside the first element whose opening tag starts with `opening`.

    Nested elements of the same name are counted, so the whole element is returned.
    """
    start = html.index(opening)
    name = re.match(r"<(\w+)", opening).group(1)
    content_start = html.index(">", start) + 1
    depth, position = 1, content_start
    tag = re.compile(rf"<(/?){name}\b[^>]*>")
    while depth:
        match = tag.search(html, position)
        depth += -1 if match.group(1) else 1
        position = match.end()
    return html[content_start : match.start()]


def item_titles(html, item_class):
    """The link texts of a list's items (class="item-title" inside each <li class=item_class>)."""
    items = re.findall(rf'<li class="{item_class}">(.*?)</li>', html, re.S)
    heading = (re.search(r'<h[2-6] class="item-title"', item) for item in items)
    return [text(inner(item, match.group(0))) for item, match in zip(items, heading, strict=True)]


def json_ld(html):
    """Every JSON-LD block of the page, parsed."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]
