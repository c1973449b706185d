"""Cached HTML fragments: what many pages render alike (an event's card, a list's filter form),
kept in the cache under the content versions of the scopes it shows (content/page_cache.py).

A fragment's key names what it is (its name and the parts that tell one apart from another, such
as an event's pk) and the active language; the value holds the content version it was rendered
under, so a write to a scope the fragment shows makes it stale and the next request renders it
afresh: a published edit shows on the next request, as with the page cache. The versions and the
fragments a page needs are read in one cache round trip.

Fragments are cached only where every process sees the same versions (`versions_are_shared()`:
the page cache on, or Redis), so an uncached server (`PORTAL_PAGE_CACHE=0` with Redis) still
renders each card once per edit. The setting `PORTAL_FRAGMENT_CACHE` (None: so) can turn them
off (False) or on (True: a single process, as in tests).
"""

import hashlib

from django.conf import settings
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .page_cache import read_versioned, store_versioned, versions_are_shared
from .scoping import cache_namespace

FRAGMENT_PREFIX = "portal:fragment:"


def fragment_seconds():
    """How long a fragment is kept: as long as a cached page (PORTAL_PAGE_CACHE_SECONDS). A
    fragment goes stale by its versions, but an edit made while Redis did not answer changed no
    version (docs/deployment.md): this bounds how long such a fragment may still show."""
    return settings.PORTAL_PAGE_CACHE_SECONDS


def fragments_enabled():
    enabled = getattr(settings, "PORTAL_FRAGMENT_CACHE", None)
    return versions_are_shared() if enabled is None else enabled


def fragment_key(name, parts):
    raw = "|".join([cache_namespace(), name, get_language() or "", *map(str, parts)])
    return FRAGMENT_PREFIX + name + ":" + hashlib.sha256(raw.encode()).hexdigest()


def cached_fragments(name, parts_list, scopes, render_missing):
    """The HTML of each fragment named `name` and told apart by one of `parts_list`, in that
    order. `render_missing(indexes)` renders those not cached (or stale), as a list of strings in
    the order of `indexes`; they are then stored."""
    parts_list = list(parts_list)
    everything = list(range(len(parts_list)))
    if not parts_list:
        return []
    if not fragments_enabled():
        return list(render_missing(everything))
    keys = [fragment_key(name, parts) for parts in parts_list]
    version, found = read_versioned(keys, scopes)
    if version is None:  # the cache does not answer: render, store nothing
        return list(render_missing(everything))
    html = [found.get(key) for key in keys]
    missing = [index for index, text in enumerate(html) if text is None]
    if missing:
        rendered = list(render_missing(missing))
        store_versioned(
            {keys[i]: text for i, text in zip(missing, rendered, strict=True)},
            version,
            fragment_seconds(),
        )
        for index, text in zip(missing, rendered, strict=True):
            html[index] = text
    return html


def cached_fragment(name, parts, scopes, render):
    """One fragment: render()'s HTML, cached as cached_fragments() does."""
    return cached_fragments(name, [parts], scopes, lambda indexes: [render()])[0]


def cached_cards(name, template_name, items, load, scopes, heading):
    """The cards of `items` in their order, each `template_name` rendered with the item (as
    `item`) and `heading`, and cached. An item is a row loaded with what its card shows, or only
    its pk (a light page of rows, `card_rows()`): the rows of the cards not cached are then
    loaded at once, `load(pks)` giving {pk: row}; a pk without a row (unpublished meanwhile)
    has no card."""
    items = list(items)
    pks = [item if isinstance(item, int) else item.pk for item in items]
    card = get_template(template_name)

    def render_missing(indexes):
        light = [pks[i] for i in indexes if isinstance(items[i], int)]
        loaded = load(light) if light else {}
        html = []
        for i in indexes:
            item = loaded.get(pks[i]) if isinstance(items[i], int) else items[i]
            html.append(card.render({"item": item, "heading": heading}) if item else "")
        return html

    parts = [(pk, heading) for pk in pks]
    return mark_safe("".join(cached_fragments(name, parts, scopes, render_missing)))  # noqa: S308 - rendered templates


def card_rows(queryset, with_related):
    """The rows of a list of cards: with the fragment cache, only the pks (the cached cards need
    no row, the others load theirs); else the rows, `with_related(queryset)`."""
    if fragments_enabled():
        return queryset.prefetch_related(None).values_list("pk", flat=True)
    return with_related(queryset)


def cards_of(queryset, pks, with_related):
    """The rows of a list of cards showing the items of pks, in that order, as card_rows()
    gives them: with the fragment cache, the pks; else the rows, `with_related(queryset)` (a pk
    not in the queryset has no card)."""
    pks = list(pks)
    if fragments_enabled():
        return pks
    return with_related(queryset).in_order(pks)
