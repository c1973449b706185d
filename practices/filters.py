"""The good-practice catalogue filters: theme, owner and a text search."""

import django_filters
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation

from .models import GoodPractice, Theme

SEARCH_MAX_LENGTH = 200


class PracticeFilter(django_filters.FilterSet):
    """Narrows an already-visible queryset of practices; never widens it."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=SEARCH_MAX_LENGTH
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        method="filter_theme",
        empty_label=_("All themes"),
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"),
        empty_label=_("Any owner"),
        # A subquery, not a join made DISTINCT: DISTINCT would compare every column, the stored
        # search vectors included (300 ms at 5,000 practices). Per request: the project's owners.
        queryset=lambda request: Organisation.objects.filter(
            pk__in=GoodPractice.objects.values("owner")
        ),
        to_field_name="slug",
    )

    class Meta:
        model = GoodPractice
        fields = ["q", "theme", "owner"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_theme(self, queryset, name, value):
        # A subquery, not a join: no duplicates, so the list needs no DISTINCT over long texts.
        return queryset.filter(
            pk__in=GoodPractice.themes.through.objects.filter(theme=value).values("goodpractice")
        )
