"""The event's ICS as a mail attachment: the public calendar file, with a METHOD (RFC 5546)."""

from django.utils import translation

from events.calendars import build_calendar
from events.models import Event

from .links import absolute, default_urlconf


class _Site:
    """What build_calendar asks of a request, for mails written off the request: addresses on
    the site of the event's project."""

    def __init__(self, event):
        self.event = event

    def build_absolute_uri(self, path):
        return absolute(path, self.event)


def ics_attachment(event, language):
    """(filename, text, mimetype) of the event's calendar in `language`: METHOD:CANCEL for a
    cancelled event, else METHOD:REQUEST; its SEQUENCE is the public calendar's (recorded changes
    plus the saves that changed what subscribers see), so every change notice carries a higher
    one than the mail before."""
    event = Event.objects.with_calendar().get(pk=event.pk)
    method = "CANCEL" if event.is_cancelled else "REQUEST"
    with translation.override(language), default_urlconf():
        cal = build_calendar([event], str(event), _Site(event))
    cal.add("method", method)
    return (f"{event.slug}.ics", cal.to_ical().decode(), "text/calendar")
