"""iCalendar (RFC 5545) files of events: one event with its workshops, and the filtered list.

UIDs come from the PORTAL_CALENDAR_DOMAIN setting, not from the request's host, so that a
calendar keeps recognising an event whichever address it was fetched from.

A file is stitched from parts: the calendar's own lines, the VTIMEZONEs of the zones it uses,
and each event's VEVENTs (its own and its workshops'), each part serialised once and kept in
the cache under a key made of what it shows (the event's `updated`, its number of changes, its
workshops, the language and the address), so an edit changes the key and no invalidation is
needed. Serialising and folding the lines was most of the feed's time.
"""

import datetime as dt
import hashlib

import icalendar
from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe

from content.fallback import localized
from content.site import current_identity

from .listing import BadFilter, etag, filtered_events, fingerprint, list_etag
from .models import Event

CONTENT_TYPE = "text/calendar; charset=utf-8"
# A bound on the feed: the latest events in the list's order; filters reach older ones.
CALENDAR_LENGTH = 100

ICAL_STATUS = {
    Event.Status.PLANNED: "TENTATIVE",
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CONFIRMED: "CONFIRMED",
    Event.Status.MOVED_ONLINE: "CONFIRMED",
    Event.Status.CANCELLED: "CANCELLED",
}


def event_uid(event):
    return f"event-{event.pk}@{settings.PORTAL_CALENDAR_DOMAIN}"


def workshop_uid(workshop):
    return f"workshop-{workshop.pk}@{settings.PORTAL_CALENDAR_DOMAIN}"


PART_SECONDS = 24 * 3600
PART_PREFIX = "portal:ics:"


def _empty_calendar(name):
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{current_identity().acronym}//Events//{get_language().upper()}")
    cal.add("version", "2.0")
    # Not `cal.calendar_name = name`: icalendar has no type for NAME and X-WR-CALNAME, so it
    # writes them unescaped, and a line break in the name fails the whole file.
    for prop in ("name", "x-wr-calname"):
        cal.add(prop, icalendar.vText(one_line(name)))
    return cal


def _components(event, request):
    yield event_component(event, request)
    for workshop in event.workshops.all():
        yield workshop_component(workshop, event, request)


def build_calendar(events, name, request):
    """A VCALENDAR named `name`, with a VEVENT per event and per workshop, and their VTIMEZONEs."""
    cal = _empty_calendar(name)
    for event in events:
        for component in _components(event, request):
            cal.add_component(component)
    if cal.events:
        first, last = _zone_span(events)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal


def _zone_span(events):
    first = min(e.start_date for e in events) - dt.timedelta(days=366)
    last = max(e.end_date for e in events) + dt.timedelta(days=366)
    return first, last


def _part_key(*parts):
    return PART_PREFIX + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def _event_key(event, request):
    """What the event's VEVENTs show: a save of the event changes `updated`, a recorded change
    the sequence; a workshop's every shown field is named, as workshops have no `updated`."""
    workshops = [
        (w.pk, w.start.isoformat(), w.end.isoformat(), localized(w, "title"))
        + tuple(localized(w, "description"))
        for w in event.workshops.all()
    ]
    sequence = getattr(event, "sequence", None)
    return _part_key(
        "event",
        get_language(),
        request.scheme,
        request.get_host(),
        event.pk,
        event.updated.isoformat(),
        sequence,
        workshops,
    )


def calendar_bytes(events, name, request):
    """The same file as build_calendar(...).to_ical(), stitched from cached parts."""
    head = _empty_calendar(name).to_ical()
    end = b"END:VCALENDAR\r\n"
    if not events:
        return head
    keys = {event.pk: _event_key(event, request) for event in events}
    found = cache.get_many(list(keys.values()))
    missing = {}
    for event in events:
        if keys[event.pk] not in found:
            part = b"".join(c.to_ical() for c in _components(event, request))
            found[keys[event.pk]] = missing[keys[event.pk]] = part
    if missing:
        cache.set_many(missing, PART_SECONDS)
    zones = sorted({str(e.tzinfo) for e in events if not e.is_date_only or e.workshops.all()})
    first, last = _zone_span(events)
    zone_key = _part_key("zones", zones, first, last)
    timezones = cache.get(zone_key)
    if timezones is None:
        scratch = icalendar.Calendar()
        for zone in zones:
            stub = icalendar.Event()
            stub.add("dtstart", dt.datetime.combine(first, dt.time(12), tzinfo=_zone(zone)))
            scratch.add_component(stub)
        scratch.add_missing_timezones(first_date=first, last_date=last)
        timezones = b"".join(tz.to_ical() for tz in scratch.timezones)
        cache.set(zone_key, timezones, PART_SECONDS)
    body = b"".join(found[keys[event.pk]] for event in events)
    return head[: -len(end)] + timezones + body + end


def _zone(name):
    import zoneinfo

    return zoneinfo.ZoneInfo(name)


def event_component(event, request):
    """The VEVENT of an event: all-day when it has no times; else in its own zone (TZID)."""
    component = _common_component(event, request)
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.updated)
    component.add("created", event.created)
    component.add("last-modified", event.updated)
    start, end = _event_span(event)
    component.add("dtstart", start)
    if end is not None:
        component.add("dtend", end)
    _add_summary(component, localized(event, "title"))
    component.add("description", _description(localized(event, "summary").value, event, request))
    component.add("categories", [event.kind_label_numbered])
    return component


def workshop_component(workshop, event, request):
    """The VEVENT of a workshop, shown in its event's zone and related to the event's VEVENT."""
    component = _common_component(event, request, extra_revisions=workshop.calendar_revision)
    component.add("uid", workshop_uid(workshop))
    component.add("dtstamp", event.updated)
    component.add("last-modified", event.updated)
    component.add("dtstart", workshop.start.astimezone(event.tzinfo))
    component.add("dtend", workshop.end.astimezone(event.tzinfo))
    _add_summary(component, localized(workshop, "title"))
    part_of = _("Part of: %(event)s") % {"event": event}
    text = "\n\n".join(filter(None, [localized(workshop, "description").value, part_of]))
    component.add("description", _description(text, event, request))
    component.add("related-to", event_uid(event), parameters={"RELTYPE": "PARENT"})
    return component


def one_line(text):
    """The text with every run of whitespace, line breaks included, as one space.

    For the properties that clients show as a label (names, SUMMARY, LOCATION); vText escapes
    what else RFC 5545 requires (commas, semicolons, backslashes).
    """
    return " ".join(str(text).split())


def _add_summary(component, title):
    """SUMMARY, with the language it is actually in (English when the reader's is missing)."""
    component.add(
        "summary",
        one_line(title.value),
        parameters={"LANGUAGE": title.lang} if title.lang else None,
    )


def _common_component(event, request, extra_revisions=0):
    """What a VEVENT shares with its event: sequence, status, page, place and meeting link.

    SEQUENCE rises with each recorded change and each save that changed what subscribers see
    (the event's status, time or place; a workshop's own time or title: extra_revisions)."""
    component = icalendar.Event()
    sequence = getattr(event, "sequence", None)
    if sequence is None:
        sequence = event.changes.count() + event.calendar_revision
    component.add("sequence", sequence + extra_revisions)
    component.add("status", ICAL_STATUS[event.status])
    component.add("url", request.build_absolute_uri(event.get_absolute_url()))
    location = _location(event)
    if location:
        component.add("location", one_line(location))
    if event.online_url and event.format != Event.Format.IN_PERSON:
        component.conferences = [
            icalendar.Conference(
                event.online_url, feature=["VIDEO", "AUDIO"], label=event.online_platform or None
            )
        ]
    return component


def _event_span(event):
    """DTSTART and DTEND (exclusive) of an event; DTEND is None for a same-day start time only.

    All-day (DATE values) without times, and for a multi-day event with workshops: its times
    are those of its workshops, which have their own entries, not one block over them all."""
    multi_day = event.end_date > event.start_date
    if event.is_date_only or (multi_day and event.workshops.all()):
        return event.start_date, event.end_date + dt.timedelta(days=1)
    if event.end is not None:
        return event.start, event.end
    if event.end_date > event.start_date:
        next_day = event.end_date + dt.timedelta(days=1)
        return event.start, dt.datetime.combine(next_day, dt.time(), tzinfo=event.tzinfo)
    return event.start, None


def _location(event):
    """Venue and city in person; the meeting link (or platform) for an online-only event."""
    if event.format == Event.Format.ONLINE:
        return event.online_url or event.online_platform
    return ", ".join(filter(None, [event.venue, event.city]))


def _description(text, event, request):
    """The text, then the online meeting (clients rarely show CONFERENCE), then the page."""
    parts = [text]
    if event.format != Event.Format.IN_PERSON and (event.online_url or event.online_platform):
        meeting = " ".join(filter(None, [event.online_platform, event.online_url]))
        parts.append(_("Online meeting: %(meeting)s") % {"meeting": meeting})
    parts.append(request.build_absolute_uri(event.get_absolute_url()))
    return "\n\n".join(filter(None, parts))


def calendar_response(cal, filename):
    content = cal if isinstance(cal, bytes) else cal.to_ical()
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _event_etag(request, slug):
    events = Event.objects.published().filter(slug=slug)
    summary = fingerprint(events)
    return etag(request, summary) if summary["count"] else None


def _event_last_modified(request, slug):
    """The event's last save or its last recorded change, whichever is later."""
    summary = (
        Event.objects.published()
        .filter(slug=slug)
        .aggregate(updated=Max("updated"), changed=Max("changes__recorded_at"))
    )
    return max(filter(None, summary.values()), default=None)


@require_safe
@condition(etag_func=_event_etag, last_modified_func=_event_last_modified)
def event_calendar(request, slug):
    """The ICS of one published event: its VEVENT and one per workshop."""
    event = get_object_or_404(Event.objects.published().with_calendar(), slug=slug)
    cal = build_calendar([event], str(event), request)
    return calendar_response(cal, f"{event.slug}.ics")


@require_safe
@condition(etag_func=list_etag)
def events_calendar(request):
    """The calendar feed of published events, narrowed by the events list's filters.

    At most CALENDAR_LENGTH events, in the list's order. Without Last-Modified: removing an event
    from the list does not raise the latest `updated`.
    """
    try:
        events = filtered_events(request.GET)
    except BadFilter as error:
        return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
    name = _("%(portal)s events") % {"portal": current_identity().acronym}
    content = calendar_bytes(list(events.with_calendar()[:CALENDAR_LENGTH]), name, request)
    return calendar_response(content, "events.ics")
