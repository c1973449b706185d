from django.db.models import Q
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView

from content.fragments import cached_fragment, cached_fragments, fragments_enabled

from .models import Organisation
from .structured_data import organisation_data


class OrganisationListView(ListView):
    """The consortium partners, then the outside organisations, in one query."""

    template_name = "partners/organisation_list.html"

    def get_queryset(self):
        return Organisation.objects.in_project().in_partner_order()

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
    # Up to this many event ids of the organisation's participations are sent with the query of
    # the events attended; beyond, a subquery (which PostgreSQL plans as a walk of every
    # published event in date order).
    IDS_INLINE = 500
    # What the cached people and imports sections show: people (partners); imports, the
    # practice (practices) and its owner's label (partners).
    SECTION_SCOPES = ("practices", "partners")
    template_name = "partners/organisation_detail.html"

    def get_object(self, queryset=None):
        organisation = super().get_object(queryset)
        if not organisation.is_in_project():  # another project's organisation
            raise Http404("The organisation takes no part in this project.")  # DEBUG only
        return organisation

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        hosted, attended, owned = self._lists(org)
        people_html, imports_html = self._sections(org)
        context.update(
            people_html=people_html,
            hosted_events=hosted[: self.EVENTS_SHOWN],
            more_hosted=len(hosted) > self.EVENTS_SHOWN,
            attended_events=attended[: self.EVENTS_SHOWN],
            more_attended=len(attended) > self.EVENTS_SHOWN,
            owned_practices=owned,
            imports_html=imports_html,
            projects=org.project_links(),
            structured_data={
                "@context": "https://schema.org",
                **organisation_data(org, self.request),
            },
        )
        return context

    def _lists(self, org):
        """The events hosted and attended, one more than shown of each (which says whether
        there are more, without counting them all), and the practices owned. With the fragment
        cache, their pks for the cached cards, kept until an event or a practice changes (the
        practices' order is the reader's language's: the key has the language); else the rows
        for the cards."""
        limit = self.EVENTS_SHOWN + 1
        practices = org.practices.published()
        if not fragments_enabled():
            return *self._event_rows(org, limit), practices.with_related()

        def pks():
            return *self._event_pks(org, limit), list(practices.values_list("pk", flat=True))

        return cached_fragment("organisation-lists", (org.pk,), ("events", "practices"), pks)

    @classmethod
    def _sections(cls, org):
        """The HTML of the people and the imports sections (templates/partners/
        _organisation_<name>.html), read in one cache round trip and rendered, when not cached,
        until a write to SECTION_SCOPES."""
        contexts = {
            "people": lambda: {"people": org.people.public()},
            "imports": lambda: {
                "imports": org.imports.filter(practice__status="published").select_related(
                    "practice__owner"
                )
            },
        }
        names = list(contexts)

        def render(indexes):
            return [
                render_to_string(f"partners/_organisation_{names[i]}.html", contexts[names[i]]())
                for i in indexes
            ]

        parts = [(name, org.pk) for name in names]
        html = cached_fragments("organisation-section", parts, cls.SECTION_SCOPES, render)
        return [mark_safe(text) for text in html]  # noqa: S308 - rendered templates

    @staticmethod
    def _event_rows(org, limit):
        """The latest `limit` events hosted (co-hosts, with the host role, host too) and attended,
        loaded for their cards (`with_related()`)."""
        # Reverse managers use each model's own QuerySet, so published() applies without
        # importing the apps that depend on this one. A subquery, not the join made DISTINCT:
        # DISTINCT would compare every column, the stored search vectors included.
        events = org.hosted_events.model.objects.published()
        cohosted = org.participations.filter(role="host").values("event")
        hosted = events.filter(Q(host=org) | Q(pk__in=cohosted)).with_related()
        attended = (
            events.filter(pk__in=org.participations.values("event"))
            .exclude(host=org)
            .exclude(pk__in=cohosted)
            .with_related()
            .order_by("-start_date", "-pk")
        )
        return list(hosted[:limit]), list(attended[:limit])

    @classmethod
    def _event_pks(cls, org, limit):
        """_event_rows()'s events as pks, for the cached cards (content/fragments.py), with
        queries that PostgreSQL answers from indexes at any size of the organisation."""
        events = org.hosted_events.model.objects.published()
        roles = list(org.participations.order_by().values_list("event_id", "role"))
        cohosted = {event for event, role in roles if role == "host"}
        # The events it hosts, read in the order of event_host_order_idx, then those it co-hosts
        # and does not host (disjoint: UNION ALL, no comparison of rows).
        columns = ("pk", "start_date", "start_time")
        hosted = events.filter(host=org).order_by().values_list(*columns)
        if cohosted:
            others = events.filter(pk__in=cohosted).exclude(host=org).order_by()
            hosted = hosted.union(others.values_list(*columns), all=True)
        hosted = hosted.order_by("-start_date", "-start_time", "-pk")[:limit]
        attended_ids = {event for event, _role in roles} - cohosted
        if len(attended_ids) > cls.IDS_INLINE:
            attended = events.filter(pk__in=org.participations.values("event")).exclude(
                pk__in=org.participations.filter(role="host").values("event")
            )
        else:
            attended = events.filter(pk__in=attended_ids)
        attended = attended.exclude(host=org).order_by("-start_date", "-pk")
        return [row[0] for row in hosted], list(attended.values_list("pk", flat=True)[:limit])
