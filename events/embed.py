"""The embeddable list of upcoming events for partners' own websites (in an iframe).

The only page of the portal that may be framed, by any site: it is exempt from X-Frame-Options
and its Content Security Policy says `frame-ancestors *`. It has no JavaScript and no forms, so
framing risks nothing.
"""

from csp.decorators import csp_replace
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import ListView

from content.fallback import localized
from partners.models import Organisation

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
        try:
            response = super().get(request, *args, **kwargs)
        except BadFilter as error:
            response = HttpResponseBadRequest(
                error.message, content_type="text/plain; charset=utf-8"
            )
        return response

    def filters(self):
        data = self.request.GET.copy()
        if "partner" in self.kwargs:
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
        slug = self.kwargs.get("partner") or self.request.GET.get("partner")
        if not slug:
            return None
        return get_object_or_404(Organisation, slug=slug)

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
