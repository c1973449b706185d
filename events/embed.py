"""The embeddable list of upcoming events for partners' own websites (in an iframe).

The only page of the portal that may be framed, by any site: it is exempt from X-Frame-Options
and its Content Security Policy says `frame-ancestors *`. It has no JavaScript and no forms, so
framing risks nothing.
"""

from csp.decorators import csp_replace
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.defaults import page_not_found
from django.views.generic import ListView

from content.fallback import localized

from .filters import event_organisations
from .listing import BadFilter, filtered_events
from .models import Event

EMBED_LENGTH = 20


@method_decorator(xframe_options_exempt, name="dispatch")
@method_decorator(csp_replace({"frame-ancestors": ["*"]}), name="dispatch")
class EmbedEventListView(ListView):
    """Upcoming published events, narrowed by the list filters (`?partner=<slug>` mostly)."""

    template_name = "embed/event_list.html"
    context_object_name = "events"

    def get(self, request, *args, **kwargs):
        # The not-found page is answered here, not by the handler, so that it may be framed too:
        # the partner's site shows it instead of a browser's refusal.
        try:
            response = super().get(request, *args, **kwargs)
        except Http404 as error:
            response = page_not_found(request, error)
        except BadFilter as error:
            response = HttpResponseBadRequest(
                error.message, content_type="text/plain; charset=utf-8"
            )
        return response

    def filters(self):
        data = self.request.GET.copy()
        if self.partner is not None:
            data["partner"] = self.partner.slug
        return data

    def get_queryset(self):
        visible = Event.objects.published().upcoming().select_related("host")
        events = list(filtered_events(self.filters(), visible)[:EMBED_LENGTH])
        for event in events:
            event.shown_title = localized(event, "title")
        return events

    @cached_property
    def partner(self):
        """The organisation the page is for, by path or `?partner=`: a consortium partner or any
        organisation that hosts or takes part in a published event; 404 for any other."""
        slug = self.kwargs.get("partner") or self.request.GET.get("partner")
        if not slug:
            return None
        if "\x00" in slug:  # no slug holds one, and PostgreSQL refuses it in a query
            raise Http404("No organisation has this slug.")
        return get_object_or_404(event_organisations(), slug=slug)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partner"] = self.partner
        context["query"] = self.filters().urlencode()
        return context


app_name = "embed"
urlpatterns = [
    path("events/", EmbedEventListView.as_view(), name="events"),
    path("events/<slug:partner>/", EmbedEventListView.as_view(), name="partner_events"),
]
