"""Event cards (templates/includes/_event_card.html), each rendered once per edit and then read
from the fragment cache (content/fragments.py)."""

from django import template

from content.columns import reusable
from content.fragments import cached_cards

from ..models import Event

register = template.Library()

# What a card shows: the event's own fields and participations (events) and its hosts' names
# (partners).
CARD_SCOPES = ("events", "partners")


def _load(pks):
    events = reusable("event-cards", lambda: Event.objects.published().with_card_columns())
    return {event.pk: event for event in events.cards(pks)}


@register.simple_tag
def event_cards(events, heading="h3"):
    """The cards of `events`, in their order: Events loaded `with_card()`, or their pks
    (`EventQuerySet.card_rows()`)."""
    return cached_cards(
        "event-card", "includes/_event_card.html", events, _load, CARD_SCOPES, heading
    )
