"""The event's ICS as a mail attachment: the public calendar file, with a METHOD (RFC 5546)."""

from django.utils import translation

from events.calendars import build_calendar
from events.models import Event

from .links import absolute


class _Site:
    """What build_calendar asks of a request, for mails written off the request."""

    @staticmethod
    def build_absolute_uri(path):
        return absolute(path)


def ics_attachment(event, language):
    """(filename, text, mimetype) of the event's calendar in `language`: METHOD:CANCEL for a
    cancelled event, else METHOD:REQUEST; its SEQUENCE is the public calendar's (recorded changes
    plus the saves that changed what subscribers see), so every change notice carries a higher
    one than the mail before."""
    event = Event.objects.with_calendar().get(pk=event.pk)
    method = "CANCEL" if event.is_cancelled else "REQUEST"
    with translation.override(language):
        cal = build_calendar([event], str(event), _Site())
    cal.add("method", method)
    return (f"{event.slug}.ics", cal.to_ical().decode(), "text/calendar")
