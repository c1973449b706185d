"""Good practice cards (templates/includes/_practice_card.html), each rendered once per edit and
then read from the fragment cache (content/fragments.py)."""

from django import template

from content.columns import reusable
from content.fragments import cached_cards

from ..models import GoodPractice

register = template.Library()

# What a card shows: the practice, its owner's name (partners) and its themes' names (themes).
CARD_SCOPES = ("practices", "partners", "themes")


def _load(pks):
    practices = reusable("practice-cards", lambda: GoodPractice.objects.published().with_card())
    return {practice.pk: practice for practice in practices.in_order(pks)}


@register.simple_tag
def practice_cards(practices, heading="h3"):
    """The cards of `practices`, in their order: GoodPractices loaded `with_card()`, or their
    pks (`GoodPracticeQuerySet.card_rows()`)."""
    return cached_cards(
        "practice-card", "includes/_practice_card.html", practices, _load, CARD_SCOPES, heading
    )
