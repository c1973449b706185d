import datetime as dt

from django.conf import settings
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView

from content import images
from content.fragments import fragments_enabled
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


class EventPageParts:
    """What the event page shows beyond the event's own row: its workshops with their experts
    and materials, changes, participants, practices, photos and structured data. Read only
    when the page renders them: with the fragment cache, the parts are cached fragments
    (templates/events/event_detail.html) and a warm page reads the event's row alone."""

    def __init__(self, event, request):
        self._event, self._request = event, request

    @cached_property
    def event(self):
        if hasattr(self._event, "published_practices"):  # loaded with_details() already
            return self._event
        return Event.objects.with_details().get(pk=self._event.pk)

    @cached_property
    def participants(self):
        return [p for p in self.event.participations.all() if p.role != p.Role.HOST]

    @cached_property
    def structured_data(self):
        return event_data(self.event, self._request)


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"

    def get_queryset(self):
        events = Event.objects.visible_to(self.request.user)
        # With the fragment cache the page's parts are read only when not cached (EventPageParts).
        return events if fragments_enabled() else events.with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        self.display = choose_zone(self.request, event)
        context.update(
            display=self.display,
            zone=self.display.zone,
            day_end=_day_end(event),
            parts=EventPageParts(event, self.request),
            # What tells the page's cached parts apart; None (not cached) for a preview of a
            # draft, whose edits change no content version.
            parts_key=event.pk if event.is_published else None,
            # The zone form shows an invalid ?tz= back with its error: that part is not cached.
            form_key=None if self.display.error else event.pk if event.is_published else None,
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
