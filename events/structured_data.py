"""schema.org JSON-LD for events: data for search engines, built from one event page's objects."""

from partners.structured_data import address_data, organisation_data

from .models import Event

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


def _location(event):
    places = []
    if event.format in (Event.Format.IN_PERSON, Event.Format.HYBRID):
        place = {"@type": "Place", "name": event.venue or event.city or ""}
        place["address"] = address_data(event.city, event.country)
        places.append(place)
    if event.format in (Event.Format.ONLINE, Event.Format.HYBRID):
        virtual = {"@type": "VirtualLocation"}
        if event.online_url:
            virtual["url"] = event.online_url
        if event.online_platform:
            virtual["name"] = event.online_platform
        places.append(virtual)
    return places[0] if len(places) == 1 else places


def event_data(event, request):
    """The Event object, with its workshops as subEvent and earlier dates as previousStartDate."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": (event.start or event.start_date).isoformat(),
        "endDate": (event.end or event.end_date).isoformat(),
        "eventStatus": f"https://schema.org/{STATUS[event.status]}",
        "location": _location(event),
    }
    previous = [
        c.previous_start_date.isoformat() for c in event.changes.all() if c.previous_start_date
    ]
    if previous:
        data["previousStartDate"] = previous
    if event.format in ATTENDANCE:  # none when the format is not stated
        data["eventAttendanceMode"] = f"https://schema.org/{ATTENDANCE[event.format]}"
    hosts = [organisation_data(host, request) for host in event.hosts]
    if hosts:
        data["organizer"] = hosts[0] if len(hosts) == 1 else hosts
    workshops = [
        {
            "@type": "Event",
            "name": w.title,
            "startDate": w.start.astimezone(event.tzinfo).isoformat(),
            "endDate": w.end.astimezone(event.tzinfo).isoformat(),
            "performer": [{"@type": "Person", "name": p.full_name} for p in w.experts.all()],
        }
        for w in event.workshops.all()
    ]
    if workshops:
        data["subEvent"] = workshops
    return data
