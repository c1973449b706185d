"""The calendar feed and the JSON export with the fragment cache on, as with a shared cache: the
feed stitches cached VEVENTs read by their keys alone, the export cached JSON per event. A
published edit shows on the next response of each; the answers are those of the uncached path."""

import datetime as dt

import pytest
from django.core.cache import cache
from icalendar import Calendar

from events.models import Event
from tests.factories import EventChangeFactory, EventFactory, PartnerFactory, WorkshopFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache")]

FEED = "/en/events/calendar.ics"
EXPORT = "/en/api/events/"


@pytest.fixture
def event():
    event = EventFactory(title_en="Shared services day", slug="shared-services-day")
    WorkshopFactory(
        event=event,
        title_en="Opening workshop",
        start=dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC),
        end=dt.datetime(2020, 6, 16, 10, 0, tzinfo=dt.UTC),
    )
    return event


def vevents(client):
    """{UID: VEVENT} of the feed's next response."""
    cal = Calendar.from_ical(client.get(FEED).content)
    return {str(c["UID"]): c for c in cal.walk("VEVENT")}


def exported(client):
    """{slug: event} of the export's next response."""
    return {e["slug"]: e for e in client.get(EXPORT).json()["results"]}


def both(client):
    """The feed's and the export's next responses, in that order."""
    return vevents(client), exported(client)


def event_uid(event):
    return f"event-{event.pk}@better.example"


def test_event_title_edit_shows_in_next_feed_and_export(client, event):
    both(client)

    event.title_en = "Shared services week"
    event.save()
    feed, export = both(client)

    assert str(feed[event_uid(event)]["SUMMARY"]) == "Shared services week"
    assert export["shared-services-day"]["title"] == {"value": "Shared services week", "lang": "en"}


def test_workshop_time_edit_shows_in_next_feed_and_export(client, event):
    both(client)
    workshop = event.workshops.get()

    workshop.start = dt.datetime(2020, 6, 17, 9, 0, tzinfo=dt.UTC)
    workshop.end = dt.datetime(2020, 6, 17, 11, 0, tzinfo=dt.UTC)
    workshop.save()
    feed, export = both(client)

    entry = feed[f"workshop-{workshop.pk}@better.example"]
    assert entry["DTSTART"].dt == dt.datetime(2020, 6, 17, 11, 0, tzinfo=event.tzinfo)
    assert export["shared-services-day"]["workshops"][0]["start"] == "2020-06-17T09:00:00Z"


def test_workshop_description_edit_shows_in_next_feed(client, event):
    vevents(client)
    workshop = event.workshops.get()

    workshop.description_en = "Each city mapped its own services."
    workshop.save()
    entry = vevents(client)[f"workshop-{workshop.pk}@better.example"]

    assert str(entry["DESCRIPTION"]).split("\n\n")[0] == "Each city mapped its own services."


def test_cancellation_shows_in_next_feed_and_export(client, event):
    both(client)

    event.status = Event.Status.CANCELLED
    event.save()
    feed, export = both(client)

    assert str(feed[event_uid(event)]["STATUS"]) == "CANCELLED"
    assert export["shared-services-day"]["status"] == "cancelled"


def test_recorded_change_raises_sequence_in_next_feed_and_export(client, event):
    before, _ = both(client)

    EventChangeFactory(event=event)
    feed, export = both(client)

    assert feed[event_uid(event)]["SEQUENCE"] == before[event_uid(event)]["SEQUENCE"] + 1
    assert export["shared-services-day"]["changes"] == 1


def test_unpublished_event_leaves_next_feed_and_export(client, event):
    other = EventFactory(slug="other-event")
    both(client)

    Event.objects.filter(pk=event.pk).unpublish()
    feed, export = both(client)

    assert list(feed) == [event_uid(other)]
    assert list(export) == ["other-event"]
    assert client.get(EXPORT).json()["count"] == 1


def test_new_event_counts_in_next_export(client, event):
    assert client.get(EXPORT).json()["count"] == 1

    EventFactory(slug="new-event")
    answer = client.get(EXPORT).json()

    assert (answer["count"], [e["slug"] for e in answer["results"]]) == (
        2,
        ["new-event", "shared-services-day"],
    )


def test_draft_save_changes_neither_feed_nor_export(client, event):
    draft = EventFactory(is_published=False, slug="draft-event", title_en="Draft")
    first_feed, first_export = client.get(FEED).content, client.get(EXPORT).content

    draft.title_en = "Still a draft"
    draft.save()

    assert client.get(FEED).content == first_feed
    assert client.get(EXPORT).content == first_export


def test_host_zone_change_shows_for_event_without_zone(client):
    host = PartnerFactory(timezone="Europe/Rome")
    event = EventFactory(host=host, timezone="", start_time=dt.time(10, 0))
    assert vevents(client)[event_uid(event)]["DTSTART"].params["TZID"] == "Europe/Rome"

    host.timezone = "Europe/Tallinn"
    host.save()

    assert vevents(client)[event_uid(event)]["DTSTART"].params["TZID"] == "Europe/Tallinn"


@pytest.mark.parametrize("url", [FEED, EXPORT, "/et/events/calendar.ics", "/et/api/events/"])
def test_cached_answers_equal_uncached_ones(client, settings, event, url):
    EventFactory(title_en="Date-only visit", slug="visit", timezone="", status="cancelled")
    EventChangeFactory(event=event)
    first, warm = client.get(url).content, client.get(url).content

    settings.PORTAL_FRAGMENT_CACHE = False
    cache.clear()

    assert first == warm == client.get(url).content


@pytest.mark.parametrize("events", [1, 5])
def test_warm_feed_query_count_constant(client, django_assert_num_queries, events):
    for _ in range(events):
        WorkshopFactory(event=EventFactory())
    client.get(FEED)

    # ETag summary, the events' keys.
    with django_assert_num_queries(2):
        response = client.get(FEED)

    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == events * 2


@pytest.mark.parametrize("events", [1, 4])
def test_warm_export_query_count_constant(client, django_assert_num_queries, events):
    for _ in range(events):
        WorkshopFactory()
    client.get(EXPORT)

    # ETag summary, the page's pks (the count is cached).
    with django_assert_num_queries(2):
        response = client.get(EXPORT)

    assert response.json()["count"] == events
