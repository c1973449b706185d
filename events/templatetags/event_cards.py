"""Event cards (templates/includes/_event_card.html), each rendered once per edit and then read
from the fragment cache (content/fragments.py)."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from content.fragments import cached_fragments

from ..models import Event

register = template.Library()

# What a card shows: the event's own fields and participations (events) and its hosts' names
# (partners).
CARD_SCOPES = ("events", "partners")


@register.simple_tag
def event_cards(events, heading="h3"):
    """The cards of `events`, in their order. Each is an Event loaded `with_related()`, or only
    its pk (a light page of rows, `card_rows()`): those not cached are then loaded in one query."""
    events = list(events)
    pks = [event if isinstance(event, int) else event.pk for event in events]
    card = get_template("includes/_event_card.html")

    def render_missing(indexes):
        light = [pks[i] for i in indexes if isinstance(events[i], int)]
        loaded = Event.objects.published().with_related().in_bulk(light) if light else {}
        html = []
        for i in indexes:
            event = loaded.get(pks[i]) if isinstance(events[i], int) else events[i]
            # A light row unpublished between the two queries has no card.
            html.append(card.render({"event": event, "heading": heading}) if event else "")
        return html

    parts = [(pk, heading) for pk in pks]
    return mark_safe("".join(cached_fragments("event-card", parts, CARD_SCOPES, render_missing)))  # noqa: S308 - rendered templates
