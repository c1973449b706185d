"""Organisation cards (templates/includes/_organisation_card.html), each rendered once per edit
and then read from the fragment cache (content/fragments.py)."""

from django import template

from content.fragments import cached_cards

from ..models import Organisation

register = template.Library()

# What a card shows: the organisation's own fields.
CARD_SCOPES = ("partners",)


def _load(pks):
    return {organisation.pk: organisation for organisation in Organisation.objects.in_order(pks)}


@register.simple_tag
def organisation_cards(organisations, heading="h3"):
    """The cards of `organisations`, in their order: Organisations, or their pks
    (`OrganisationQuerySet.cards_of()`)."""
    return cached_cards(
        "organisation-card",
        "includes/_organisation_card.html",
        organisations,
        _load,
        CARD_SCOPES,
        heading,
    )
