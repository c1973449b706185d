"""The events list filters, shared by the list page, the calendar feed and the JSON export."""

import datetime as dt
import functools

import django_filters
from django import forms
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation, partners_of_the_project
from practices.models import Theme

from .models import Event, Participation


def year_options():
    """The options of the year select: the years in which published events start, newest first.

    A callable, so the query runs only when a page renders the select (not for the feeds or the
    JSON export, which read the same filters)."""
    years = Event.objects.published().dates("start_date", "year", order="DESC")
    return [("", _("Any year"))] + [(str(day.year), str(day.year)) for day in years]


class YearFilter(django_filters.NumberFilter):
    """A calendar year within a sane range, so a huge number is a form error and not a crash.

    Offered as a select of the years that have events; any year in range is accepted (a feed
    subscribed to next year's events is valid before they exist)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1990)
        kwargs.setdefault("max_value", 2100)
        kwargs.setdefault("widget", forms.Select(choices=year_options))
        super().__init__(*args, **kwargs)


def event_organisations():
    """The organisations the partner filter accepts: the consortium partners, and every
    organisation that hosts or takes part in a published event (co-hosts, outside hosts, hubs)."""
    published = Event.objects.published()
    return Organisation.objects.filter(
        partners_of_the_project()
        | Q(pk__in=published.values("host"))
        | Q(pk__in=Participation.objects.filter(event__in=published).values("organisation"))
    )


class _OfferedChoices(ModelChoiceIterator):
    """The options a select renders: the field's `offered` queryset, not all it accepts."""

    def __init__(self, field):
        super().__init__(field)
        self.queryset = field.offered


class OrganisationChoiceField(forms.ModelChoiceField):
    """Accepts any organisation of its queryset but offers only `offered` as options: the
    project's partners (a bounded list), plus the one chosen, so that it shows as selected."""

    iterator = _OfferedChoices

    def __init__(self, *args, offered=None, **kwargs):
        self.offered = offered
        super().__init__(*args, **kwargs)


class OrganisationFilter(django_filters.ModelChoiceFilter):
    field_class = OrganisationChoiceField


class EventFilter(django_filters.FilterSet):
    """Narrows an already-visible queryset of events; never widens it."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Event.Kind.choices, empty_label=_("All kinds")
    )
    partner = OrganisationFilter(
        label=_("Partner"),
        empty_label=_("Any partner"),
        queryset=lambda request: event_organisations(),
        # Offered as options: the project's partners, not the hundreds of other organisations,
        # which would make the list page render a select of hundreds of options (and grow with
        # the data). Any organisation that hosts or takes part is accepted (`?partner=vastkom`).
        offered=Organisation.objects.consortium(),
        to_field_name="slug",
        method="filter_partner",
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        field_name="themes",
        empty_label=_("All themes"),
    )
    year = YearFilter(label=_("Year"), method="filter_year")
    format = django_filters.ChoiceFilter(
        label=_("Format"),
        choices=[c for c in Event.Format.choices if c[0]],
        empty_label=_("Any format"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Event.Status.choices, empty_label=_("Any status")
    )
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        method="filter_when",
        empty_label=_("Upcoming and past"),
    )

    class Meta:
        model = Event
        fields = ["kind", "partner", "theme", "year", "format", "status", "when"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # The select reads its options more than once per render: one query per form.
        self.form.fields["year"].widget.choices = functools.cache(year_options)
        chosen = (data or {}).get("partner")
        if chosen:
            # The chosen organisation is offered too, so the select shows what is applied.
            field = self.form.fields["partner"]
            field.offered = Organisation.objects.filter(
                partners_of_the_project() | Q(slug=chosen)
            ).in_partner_order(nulls_last=True)
            field.widget.choices = field.choices

    def filter_partner(self, queryset, name, value):
        attended = Participation.objects.filter(organisation=value).values("event")
        return queryset.filter(Q(host=value) | Q(pk__in=attended))

    def filter_year(self, queryset, name, value):
        # Date bounds rather than __year, so the date indexes serve the filter.
        return queryset.filter(
            start_date__lte=dt.date(value, 12, 31), end_date__gte=dt.date(value, 1, 1)
        )

    def filter_when(self, queryset, name, value):
        return queryset.upcoming() if value == "upcoming" else queryset.past()
