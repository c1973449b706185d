from django.db.models import Q
from django.views.generic import DetailView, ListView

from .models import Organisation
from .structured_data import organisation_data


class OrganisationListView(ListView):
    """The consortium partners, then the outside organisations, in one query."""

    template_name = "partners/organisation_list.html"

    def get_queryset(self):
        return Organisation.objects.order_by("partner_number", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = list(context["object_list"])
        context["partners"] = [o for o in organisations if o.is_partner]
        context["others"] = [o for o in organisations if not o.is_partner]
        return context


class OrganisationDetailView(DetailView):
    """An organisation with its public people, and the published events and practices it has.

    Each list of events shows the latest EVENTS_SHOWN; when there are more, a link leads to the
    events list filtered by the organisation (which pages through all of them). The lead partner
    of a long-running programme hosts hundreds: rendering them all made this page 40 times
    slower than the others (README, Performance)."""

    model = Organisation
    EVENTS_SHOWN = 12
    template_name = "partners/organisation_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        # Reverse managers use each model's own QuerySet, so published() applies without
        # importing the apps that depend on this one.
        # A subquery, not the join made DISTINCT: DISTINCT would compare every column, the
        # stored search vectors included. Co-hosts (the host role) host too.
        events = org.hosted_events.model.objects
        cohosted = org.participations.filter(role="host").values("event")
        hosted = events.published().filter(Q(host=org) | Q(pk__in=cohosted)).with_related()
        attended = (
            events.published()
            .filter(pk__in=org.events.values("pk"))
            .exclude(host=org)
            .exclude(pk__in=cohosted)
            .with_related()
            .order_by("-start_date", "-pk")
        )
        # One row more than shown says whether there are more, without counting them all.
        hosted = list(hosted[: self.EVENTS_SHOWN + 1])
        attended = list(attended[: self.EVENTS_SHOWN + 1])
        context.update(
            people=org.people.public(),
            hosted_events=hosted[: self.EVENTS_SHOWN],
            more_hosted=len(hosted) > self.EVENTS_SHOWN,
            attended_events=attended[: self.EVENTS_SHOWN],
            more_attended=len(attended) > self.EVENTS_SHOWN,
            owned_practices=org.practices.published().with_related(),
            imports=org.imports.filter(practice__status="published").select_related(
                "practice__owner"
            ),
            structured_data={
                "@context": "https://schema.org",
                **organisation_data(org, self.request),
            },
        )
        return context
