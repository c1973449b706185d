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


# A programme card also shows the practice's project (its acronym, its site's address: "site").
PROGRAMME_CARD_SCOPES = ("site", *CARD_SCOPES)


def _load_with_project(pks):
    return GoodPractice.objects.published().with_related().with_project().in_bulk(pks)


@register.simple_tag
def programme_practice_cards(practices, heading="h3"):
    """The cards of the programme's practice database (templates/includes/
    _programme_practice_card.html), as practice_cards() gives them: GoodPractices loaded
    `with_related().with_project()`, or their pks. Read inside every_project()."""
    return cached_cards(
        "programme-practice-card",
        "includes/_programme_practice_card.html",
        practices,
        _load_with_project,
        PROGRAMME_CARD_SCOPES,
        heading,
    )
