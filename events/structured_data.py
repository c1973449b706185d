"""schema.org JSON-LD for events: data for search engines, built from one event page's objects."""

from content.fallback import localized
from partners.structured_data import address_data, organisation_data

from .models import Event, EventChange

STATUS = {
    Event.Status.PLANNED: "EventScheduled",
    Event.Status.CONFIRMED: "EventScheduled",
    Event.Status.POSTPONED: "EventPostponed",
    Event.Status.MOVED_ONLINE: "EventMovedOnline",
    Event.Status.CANCELLED: "EventCancelled",
}
ATTENDANCE = {
    Event.Format.IN_PERSON: "OfflineEventAttendanceMode",
    Event.Format.ONLINE: "OnlineEventAttendanceMode",
    Event.Format.HYBRID: "MixedEventAttendanceMode",
}


def _location(event, request):
    """The place (the host's city when the event names none, as a study visit at the host)
    and, online, the meeting: its link, else the event's page, where the link will be."""
    places = []
    if event.format != Event.Format.ONLINE:  # in person, hybrid, or not stated: at the host
        host = event.host if event.host_id else None
        city = event.city or (host.city if host else "")
        country = event.country or (host.country if host else "")
        place = {"@type": "Place", "name": event.venue or city or (host.name if host else "")}
        place["address"] = address_data(city, country)
        places.append(place)
    if event.format in (Event.Format.ONLINE, Event.Format.HYBRID):
        virtual = {"@type": "VirtualLocation"}
        virtual["url"] = event.online_url or request.build_absolute_uri(event.get_absolute_url())
        if event.online_platform:
            virtual["name"] = event.online_platform
        places.append(virtual)
    return places[0] if len(places) == 1 else places


def _previous_start(change):
    """The earlier start date, to the precision it is known: "2020-03" when only the month is."""
    if change.previous_date_precision == EventChange.Precision.MONTH:
        return change.previous_start_date.strftime("%Y-%m")
    return change.previous_start_date.isoformat()


def _status(event, changes):
    """A postponed event whose new date is set (a change records the earlier one) is
    rescheduled, not still postponed."""
    if event.status == Event.Status.POSTPONED and any(
        c.previous_start_date and c.previous_start_date != event.start_date for c in changes
    ):
        return "https://schema.org/EventRescheduled"
    return f"https://schema.org/{STATUS[event.status]}"


def _image(event, request):
    # Lead images come from another part of the portal; read defensively until every event has one.
    image = getattr(event, "lead_image", None) or getattr(event, "image", None)
    url = getattr(image, "url", None) if image else None
    return request.build_absolute_uri(url) if url else None


def event_data(event, request):
    """The Event object, with its workshops as subEvent and earlier dates as previousStartDate."""
    changes = list(event.changes.all())
    status = _status(event, changes)
    # None when the format is not stated (a study visit whose article does not say).
    attendance = ATTENDANCE.get(event.format)
    attendance = f"https://schema.org/{attendance}" if attendance else None
    location = _location(event, request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": (event.start or event.start_date).isoformat(),
        "endDate": (event.end or event.end_date).isoformat(),
        "eventStatus": status,
        "location": location,
        "inLanguage": localized(event, "title").lang or "en",
    }
    if image := _image(event, request):
        data["image"] = image
    previous = [_previous_start(c) for c in changes if c.previous_start_date]
    if previous:
        data["previousStartDate"] = previous
    if attendance:
        data["eventAttendanceMode"] = attendance
    hosts = [organisation_data(host, request) for host in event.hosts]
    if hosts:
        data["organizer"] = hosts[0] if len(hosts) == 1 else hosts
    workshops = [
        {
            "@type": "Event",
            "name": w.title,
            "startDate": w.start.astimezone(event.tzinfo).isoformat(),
            "endDate": w.end.astimezone(event.tzinfo).isoformat(),
            "eventStatus": status,
            **({"eventAttendanceMode": attendance} if attendance else {}),
            "location": location,
            "performer": [{"@type": "Person", "name": p.full_name} for p in w.experts.all()],
        }
        for w in event.workshops.all()
    ]
    if workshops:
        data["subEvent"] = workshops
    return data
