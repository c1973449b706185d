import datetime as dt

from django.conf import settings
from django.views.generic import DetailView, ListView

from content import images
from content.views import FilteredListMixin

from .display_zone import TZ_COOKIE, TZ_COOKIE_MAX_AGE, choose_zone
from .filters import EventFilter
from .models import Event
from .structured_data import event_data


class EventListView(FilteredListMixin, ListView):
    """Published events, narrowed by the filters that are valid; invalid ones are reported."""

    paginate_by = 20
    template_name = "events/event_list.html"

    filterset_class = EventFilter
    # The filter form's options: years of events, partners, themes.
    filter_scopes = ("events", "partners", "themes")

    def visible_queryset(self):
        return Event.objects.published()

    def filtered(self, queryset):
        """With the fragment cache, a light page of pks: the cards read from the cache need no
        rows, and those not cached load theirs (events/templatetags/event_cards.py)."""
        return queryset.card_rows()


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return Event.objects.visible_to(self.request.user).with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        self.display = choose_zone(self.request, event)
        participations = list(event.participations.all())
        context.update(
            display=self.display,
            zone=self.display.zone,
            day_end=_day_end(event),
            hosts=[p for p in participations if p.role == p.Role.HOST],
            participants=[p for p in participations if p.role != p.Role.HOST],
            structured_data=event_data(event, self.request),
            og_image=images.og_image_url(self.request, event.image),
        )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.display.remember:
            # Like the session cookie: Secure in production (behind the proxy the request may
            # reach us as http). No script reads it, so HttpOnly.
            response.set_cookie(
                TZ_COOKIE,
                self.display.remember,
                max_age=TZ_COOKIE_MAX_AGE,
                secure=self.request.is_secure() or settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


def _day_end(event):
    """The end time on the first day: a multi-day event's daily hours read “10:30–12:00”."""
    if event.start_time is None or event.end_time is None:
        return None
    return dt.datetime.combine(event.start_date, event.end_time, tzinfo=event.tzinfo)
