"""The good-practice catalogue filters (theme, owner and a text search), and the programme's
practice database's (project, theme, country, NUTS region and the search)."""

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from content.site import all_projects, project_with_slug
from partners.models import Organisation

from .models import GoodPractice, Theme

SEARCH_MAX_LENGTH = 200


class PracticeSearchFilter(django_filters.FilterSet):
    """The text search and the theme, which every list of practices offers. Narrows an
    already-visible queryset of practices; never widens it."""

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

    class Meta:
        model = GoodPractice
        fields = ["q", "theme"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_theme(self, queryset, name, value):
        # A subquery, not a join: no duplicates, so the list needs no DISTINCT over long texts.
        return queryset.filter(
            pk__in=GoodPractice.themes.through.objects.filter(theme=value).values("goodpractice")
        )


class PracticeFilter(PracticeSearchFilter):
    """The project's catalogue: the search, the theme and the owner."""

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


# A NUTS code, or the start of one: the country's two letters, then up to three characters of
# the region ("EE", "EE0", "EE008"; "EL" for Greece, "UK" for the United Kingdom).
NUTS_MAX_LENGTH = 5
NUTS_PREFIX = RegexValidator(
    r"^[A-Z]{2}[0-9A-Z]{0,3}$",
    _("Enter a NUTS code or its start: two letters, then up to three letters or digits (EE008)."),
    code="invalid_nuts",
)


def owner_countries():
    """The countries of the organisations that own a published practice, by their name in the
    reader's language (the programme level: read inside every_project())."""
    codes = (
        Organisation.objects.filter(pk__in=GoodPractice.objects.published().values("owner"))
        .exclude(country="")
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    return sorted(((code, countries.name(code)) for code in codes), key=lambda c: c[1])


class NutsField(forms.CharField):
    def to_python(self, value):
        return super().to_python(value).upper()


class NutsFilter(django_filters.CharFilter):
    field_class = NutsField


class ProgrammePracticeFilter(PracticeSearchFilter):
    """The programme's practice database: the catalogue's search and theme, and the project,
    the owner's country and the owner's NUTS region (a code's start). Narrows an
    already-visible queryset of every project's practices; never widens it."""

    project = django_filters.ChoiceFilter(
        label=_("Project"),
        empty_label=_("All projects"),
        # The cached list of projects (no query), by slug.
        choices=lambda: [(project.slug, project.acronym) for project in all_projects()],
        method="filter_project",
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        empty_label=_("All countries"),
        choices=owner_countries,
        field_name="owner__country",
    )
    nuts = NutsFilter(
        label=_("NUTS region"),
        field_name="owner__nuts_code",
        lookup_expr="istartswith",  # codes entered in the admin in lower case too
        # The pattern bounds the length, with its own message (no second one for the length).
        validators=[NUTS_PREFIX],
        widget=forms.TextInput(attrs={"maxlength": NUTS_MAX_LENGTH}),
    )

    class Meta:
        model = GoodPractice
        fields = ["q", "project", "theme", "country", "nuts"]

    def filter_project(self, queryset, name, value):
        return queryset.filter(project=project_with_slug(value))
