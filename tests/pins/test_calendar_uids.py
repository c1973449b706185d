"""Pins for issue 20: the calendars' UIDs, PRODID and names of today's single-project instance.

A subscribed calendar matches its entries by UID: a changed UID shows every event twice in every
subscriber's calendar (the old entry is never removed). A lowered SEQUENCE makes clients ignore
the update. Projects must not change any of them for an instance with one project.

The UIDs hold the primary key: `event-<pk>@<PORTAL_CALENDAR_DOMAIN>` and
`workshop-<pk>@<PORTAL_CALENDAR_DOMAIN>`. load_demo does not fix primary keys (it lets the
database number the rows), and within a test session the numbers depend on what ran before (a
PostgreSQL sequence is not rolled back with the test's transaction). So the module-scoped pins
below spell each UID as that literal pattern filled with the pk of the row found by its stable
fields (an event by its slug, a workshop by its event's slug and its order), and pin the order
of the entries; test_fresh_database_uids.py pins the literal UIDs of a demo loaded into an empty
database, which is what an instance that ran `load_demo` first has.
"""

import icalendar
import pytest

from events.models import Event, Workshop

pytestmark = pytest.mark.django_db

THEMATIC = "thematic-event-3"
GENOA = "study-visit-genoa-2021-07"
NYIREGYHAZA = "study-visit-nyiregyhaza-2021-09"
GAVLE = "study-visit-gavle-2021-10"
OFFENTLIGA = "offentliga-rummet-2018"
NEXT_GENERATION = "next-generation-of-public-services-2021"

# The VEVENTs of the whole calendar, in the file's order: (UID, SEQUENCE, RELATED-TO, URL path);
# "<slug>" stands for the pk of the event with that slug, "<slug#order>" for its workshop's.
WHOLE = [
    ("event-<study-visit-gavle-2021-10>@better.example", 0, None, f"/events/{GAVLE}/"),
    ("event-<study-visit-nyiregyhaza-2021-09>@better.example", 0, None, f"/events/{NYIREGYHAZA}/"),
    ("event-<study-visit-genoa-2021-07>@better.example", 0, None, f"/events/{GENOA}/"),
    (
        "event-<next-generation-of-public-services-2021>@better.example",
        0,
        None,
        f"/events/{NEXT_GENERATION}/",
    ),
    ("event-<thematic-event-3>@better.example", 1, None, f"/events/{THEMATIC}/"),
    (
        "workshop-<thematic-event-3#1>@better.example",
        1,
        "event-<thematic-event-3>@better.example",
        f"/events/{THEMATIC}/",
    ),
    (
        "workshop-<thematic-event-3#2>@better.example",
        1,
        "event-<thematic-event-3>@better.example",
        f"/events/{THEMATIC}/",
    ),
    (
        "workshop-<thematic-event-3#3>@better.example",
        1,
        "event-<thematic-event-3>@better.example",
        f"/events/{THEMATIC}/",
    ),
    ("event-<offentliga-rummet-2018>@better.example", 0, None, f"/events/{OFFENTLIGA}/"),
]
TARTU = [entry for entry in WHOLE if GAVLE in entry[0] or THEMATIC in entry[0]]
ONE_EVENT = {
    slug: [e for e in WHOLE if e[3] == f"/events/{slug}/"]
    for slug in (THEMATIC, GENOA, NYIREGYHAZA, GAVLE, OFFENTLIGA, NEXT_GENERATION)
}

# (PRODID, NAME = X-WR-CALNAME) by path.
HEADS = {
    "/en/events/calendar.ics": ("-//BETTER//Events//EN", "BETTER events"),
    "/et/events/calendar.ics": ("-//BETTER//Events//ET", "Projekti BETTER üritused"),
    "/en/events/calendar.ics?partner=tartu": ("-//BETTER//Events//EN", "BETTER events"),
    "/it/events/calendar.ics?partner=tartu": ("-//BETTER//Events//IT", "Eventi BETTER"),
    f"/en/events/{THEMATIC}/calendar.ics": (
        "-//BETTER//Events//EN",
        "Thematic event #3: BETTER virtual thematic event",
    ),
    f"/it/events/{THEMATIC}/calendar.ics": (
        "-//BETTER//Events//IT",
        "Evento tematico n. 3: BETTER virtual thematic event",
    ),
    f"/en/events/{GENOA}/calendar.ics": (
        "-//BETTER//Events//EN",
        "Study visit #1: Study visit to Genoa",
    ),
    f"/it/events/{GENOA}/calendar.ics": (
        "-//BETTER//Events//IT",
        "Visita di studio n. 1: Study visit to Genoa",
    ),
    f"/it/events/{NYIREGYHAZA}/calendar.ics": (
        "-//BETTER//Events//IT",
        "Visita di studio n. 2: Study visit to Nyíregyháza",
    ),
    f"/it/events/{GAVLE}/calendar.ics": (
        "-//BETTER//Events//IT",
        "Visita di studio n. 3: Study visit to Gävle",
    ),
    f"/it/events/{OFFENTLIGA}/calendar.ics": ("-//BETTER//Events//IT", "Offentliga Rummet 2018"),
    f"/it/events/{NEXT_GENERATION}/calendar.ics": (
        "-//BETTER//Events//IT",
        "Next generation of public services – international discussion on the digital "
        "transformation of public services and its benefits for communities and citizens",
    ),
}


def keys():
    """{"slug": pk, "slug#order": pk} of the demo's events and workshops."""
    found = {slug: pk for slug, pk in Event.objects.values_list("slug", "pk")}
    for slug, order, pk in Workshop.objects.values_list("event__slug", "order", "pk"):
        found[f"{slug}#{order}"] = pk
    return found


def expected(entries, lang):
    """The entries with their UIDs filled in and the pages' absolute URLs in `lang`."""
    pks = {f"<{key}>": str(pk) for key, pk in keys().items()}

    def fill(uid):
        if uid is None:
            return None
        for key, pk in pks.items():
            uid = uid.replace(key, pk)
        assert "<" not in uid, uid
        return uid

    return [
        (fill(uid), sequence, fill(parent), f"http://testserver/{lang}{page}")
        for uid, sequence, parent, page in entries
    ]


def read(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    cal = icalendar.Calendar.from_ical(response.content)
    entries = [
        (
            str(e["uid"]),
            e["sequence"],
            str(e["related-to"]) if "related-to" in e else None,
            str(e["url"]),
        )
        for e in cal.walk("VEVENT")
    ]
    return (str(cal["prodid"]), str(cal["name"]), str(cal["x-wr-calname"])), entries


@pytest.mark.parametrize("lang", ["en", "et"])
def test_whole_calendar(demo, client, lang):
    path = f"/{lang}/events/calendar.ics"
    prodid, name = HEADS[path]

    assert read(client, path) == ((prodid, name, name), expected(WHOLE, lang))


@pytest.mark.parametrize("lang", ["en", "it"])
def test_partner_calendar(demo, client, lang):
    path = f"/{lang}/events/calendar.ics?partner=tartu"
    prodid, name = HEADS[path]

    assert read(client, path) == ((prodid, name, name), expected(TARTU, lang))


@pytest.mark.parametrize(
    "path", [path for path in HEADS if "/calendar.ics?" not in path and path.count("/") == 4]
)
def test_event_calendar(demo, client, path):
    lang, slug = path.split("/")[1], path.split("/")[3]
    prodid, name = HEADS[path]

    assert read(client, path) == ((prodid, name, name), expected(ONE_EVENT[slug], lang))


def test_uid_pattern_holds_the_rows_pk(demo, client):
    """The pattern itself, spelt out: the same UID in every language, whatever the host."""
    event = Event.objects.get(slug=THEMATIC)
    workshop = event.workshops.get(order=2)
    uids = set()
    for lang in ("en", "el"):
        for host in ("testserver", "127.0.0.1"):
            _, entries = read(
                client.__class__(HTTP_HOST=host), f"/{lang}/events/{THEMATIC}/calendar.ics"
            )
            uids.add((entries[0][0], entries[2][0]))

    assert uids == {(f"event-{event.pk}@better.example", f"workshop-{workshop.pk}@better.example")}
