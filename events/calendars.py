"""iCalendar (RFC 5545) files of events: one event with its workshops, and the filtered list.

UIDs come from the PORTAL_CALENDAR_DOMAIN setting, not from the request's host, so that a
calendar keeps recognising an event whichever address it was fetched from.

A file is stitched from parts: the calendar's own lines, the VTIMEZONEs of the zones it uses,
and each event's VEVENTs (its own and its workshops'), each part serialised once and kept in
the cache under a key made of what it shows (the event's `updated` and version, its number of
changes, a summary of its workshops' versions, its zone, the language and the address), so an
edit changes the key and no invalidation is needed. Serialising and folding the lines was most
of the feed's time; with a shared cache the feed then reads only those keys' values in one
query (no rows), and the rows of the events whose VEVENTs are not cached.
"""

import datetime as dt
import hashlib
import threading

import icalendar
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Max
from django.db.models.functions import Cast, Concat
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe

from content.fallback import localized
from content.fragments import fragments_enabled
from content.scoping import cache_namespace
from content.site import current_project

from .listing import BadFilter, etag, filtered_events, fingerprint, list_etag
from .models import Event, change_count

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
    cal.add("prodid", f"-//{current_project().acronym}//Events//{get_language().upper()}")
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
    raw = "|".join(map(str, [cache_namespace(), *parts]))
    return PART_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _key_prefix(request):
    """What the VEVENTs of every event of a request share: the language and the address."""
    return "|".join(["event", get_language(), request.scheme, request.get_host()])


def _event_key(prefix, pk, zone, marker):
    """The key of an event's VEVENTs: the event, the zone its times are shown in (its own or
    its host's), and a marker of what they show (`_marker()`), after `_key_prefix()`."""
    return _part_key(prefix, pk, zone, *marker)


def _marker(event):
    """What changes whenever an event's VEVENTs may change: a save of the event moves its
    `updated` and `version`, a recorded change its sequence, and a save, addition or removal of
    a workshop the workshops' (count, highest pk, sum of versions): versions only rise, new
    pks are above all others. `_lean_entries()` reads the same values in SQL."""
    workshops = event.workshops.all()
    summary = None
    if workshops:
        pks, versions = [w.pk for w in workshops], [w.version for w in workshops]
        summary = f"{len(pks)}:{max(pks)}:{sum(versions)}"
    return (event.updated.isoformat(), event.version, event.sequence, summary)


def _workshop_summary():
    """_marker()'s summary of an event's workshops, as a subquery (NULL without workshops)."""
    from .models import Workshop

    text = models.CharField()
    return models.Subquery(
        Workshop.objects.filter(event=models.OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(
            summary=Concat(
                Cast(models.Count("pk"), text),
                models.Value(":"),
                Cast(models.Max("pk"), text),
                models.Value(":"),
                Cast(models.Sum("version"), text),
                output_field=text,
            )
        )
        .values("summary")
    )


class _Entry:
    """What the file needs of one event besides its cached VEVENTs: their key, and the dates
    and the zone (None for an all-day event without workshops) of the VTIMEZONEs."""

    __slots__ = ("pk", "key", "start_date", "end_date", "zone")

    def __init__(self, pk, key, start_date, end_date, zone):
        self.pk, self.key = pk, key
        self.start_date, self.end_date, self.zone = start_date, end_date, zone


def _entry(event, prefix):
    zone = event.tzname
    key = _event_key(prefix, event.pk, zone, _marker(event))
    shown_zone = zone if not event.is_date_only or event.workshops.all() else None
    return _Entry(event.pk, key, event.start_date, event.end_date, shown_zone)


def _lean_entries(events, request):
    """The entries of the first CALENDAR_LENGTH events of this queryset, read as plain values
    in one query: no rows, no workshops."""
    default, prefix = settings.PORTAL_DEFAULT_TIMEZONE, _key_prefix(request)
    rows = events.annotate(
        sequence=change_count() + models.F("calendar_revision"),
        workshop_summary=_workshop_summary(),
    ).values_list(
        "pk",
        "timezone",
        "host__timezone",
        "updated",
        "version",
        "sequence",
        "workshop_summary",
        "start_date",
        "end_date",
        "start_time",
    )[:CALENDAR_LENGTH]
    entries = []
    for pk, zone, host_zone, updated, version, sequence, summary, start, end, time in rows:
        zone = zone or host_zone or default
        key = _event_key(prefix, pk, zone, (updated.isoformat(), version, sequence, summary))
        shown_zone = zone if time is not None or summary is not None else None
        entries.append(_Entry(pk, key, start, end, shown_zone))
    return entries


def _head(name):
    return _empty_calendar(name).to_ical()


def _stitch(entries, name, render_missing):
    """The file of these entries: the calendar's lines, the VTIMEZONEs of the zones they use
    and each entry's VEVENTs, from the cache; `render_missing(entries)` gives {key: bytes} of
    the ones not cached, which are then stored. The file itself is kept under all its parts'
    keys too, so that a feed whose events did not change reads one value, not one per event."""
    end = b"END:VCALENDAR\r\n"
    if not entries:
        return _head(name)
    zones = sorted({entry.zone for entry in entries if entry.zone is not None})
    first = min(e.start_date for e in entries) - dt.timedelta(days=366)
    last = max(e.end_date for e in entries) + dt.timedelta(days=366)
    zone_key = _part_key("zones", zones, first, last)
    keys = [entry.key for entry in entries]
    file_key = _part_key("file", get_language(), current_project().acronym, name, zone_key, *keys)
    stitched = _recent_files.get(file_key)
    if stitched is None:
        stitched = cache.get(file_key)
    if stitched is not None:
        _recent_files.put(file_key, stitched)
        return stitched
    found = cache.get_many([*keys, zone_key])
    missing = [entry for entry in entries if entry.key not in found]
    if missing:
        rendered = render_missing(missing)
        cache.set_many(rendered, PART_SECONDS)
        found.update(rendered)
    timezones = found.get(zone_key)
    if timezones is None:
        timezones = _timezones(zones, first, last)
        cache.set(zone_key, timezones, PART_SECONDS)
    body = b"".join(found.get(key, b"") for key in keys)
    head = _head(name)
    stitched = head[: -len(end)] + timezones + body + end
    if all(key in found for key in keys):  # not when an event went off the site meanwhile
        cache.set(file_key, stitched, PART_SECONDS)
        _recent_files.put(file_key, stitched)
    return stitched


class _RecentFiles:
    """The last few stitched files of this process, by their key. Their keys say what they
    hold (every part's key), so they need no invalidation and may be kept per process: a
    feed read again reads neither its parts nor the file from the cache (300 kB at 100 events)."""

    def __init__(self, size):
        self.size, self.files, self.lock = size, {}, threading.Lock()

    def get(self, key):
        return self.files.get(key)

    def put(self, key, value):
        with self.lock:
            self.files.pop(key, None)
            if len(self.files) >= self.size:
                self.files.pop(next(iter(self.files)))
            self.files[key] = value


_recent_files = _RecentFiles(size=8)


def _timezones(zones, first, last):
    scratch = icalendar.Calendar()
    for zone in zones:
        stub = icalendar.Event()
        stub.add("dtstart", dt.datetime.combine(first, dt.time(12), tzinfo=_zone(zone)))
        scratch.add_component(stub)
    scratch.add_missing_timezones(first_date=first, last_date=last)
    return b"".join(tz.to_ical() for tz in scratch.timezones)


def _vevents(event, request):
    return b"".join(c.to_ical() for c in _components(event, request))


def calendar_bytes(events, name, request):
    """The same file as build_calendar(...).to_ical(), stitched from cached parts. `events`:
    rows `with_calendar()`."""
    by_key = {}

    def render_missing(missing):
        return {entry.key: _vevents(by_key[entry.key], request) for entry in missing}

    entries, prefix = [], _key_prefix(request)
    for event in events:
        entry = _entry(event, prefix)
        by_key[entry.key] = event
        entries.append(entry)
    return _stitch(entries, name, render_missing)


def lean_calendar_bytes(events, name, request):
    """calendar_bytes() of the first CALENDAR_LENGTH events of this queryset, reading only
    their keys and dates first, then the rows of those whose VEVENTs are not cached."""

    def render_missing(missing):
        rows = Event.objects.published().with_calendar().in_bulk([entry.pk for entry in missing])
        # An event taken off the site since the first query has no row, and no VEVENTs.
        return {
            entry.key: _vevents(rows[entry.pk], request) for entry in missing if entry.pk in rows
        }

    return _stitch(_lean_entries(events, request), name, render_missing)


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
    name = _("%(portal)s events") % {"portal": current_project().acronym}
    if fragments_enabled():
        # With a shared cache every process fills the same VEVENTs, which are then nearly
        # always cached: read their keys first. Else read the rows at once (a query fewer).
        content = lean_calendar_bytes(events, name, request)
    else:
        content = calendar_bytes(list(events.with_calendar()[:CALENDAR_LENGTH]), name, request)
    return calendar_response(content, "events.ics")
