"""Cached pages change on the next request after an edit (SQLite and PostgreSQL)."""

import datetime as dt

import pytest
from django.test import Client

from events.models import Event
from practices.models import GoodPractice
from tests.factories import EventFactory, GoodPracticeFactory, WorkshopFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def event():
    return EventFactory(
        title_en="Old title",
        slug="cached",
        start_date=dt.date(2099, 1, 1),
        end_date=dt.date(2099, 1, 2),
    )


def test_cached_page_served_without_queries(client, event, django_assert_num_queries):
    first = client.get("/en/events/")

    with django_assert_num_queries(0):
        second = client.get("/en/events/")

    assert second.content == first.content
    assert "Old title" in second.content.decode()


@pytest.mark.parametrize(
    "url", ["/en/", "/en/events/", "/en/events/cached/", "/en/search/?q=title"]
)
def test_cached_page_shows_edited_title_on_next_request(client, event, url):
    assert "Old title" in client.get(url).content.decode()

    event.title_en = "New title"
    event.save()
    html = client.get(url).content.decode()

    assert "New title" in html
    assert "Old title" not in html


def test_cached_feed_and_export_change_after_edit(client, event):
    assert "Old title" in client.get("/en/events/calendar.ics").content.decode()
    assert "Old title" in client.get("/en/api/events/").content.decode()

    event.title_en = "New title"
    event.save()

    assert "New title" in client.get("/en/events/calendar.ics").content.decode()
    assert "New title" in client.get("/en/api/events/").content.decode()


def test_cached_list_drops_unpublished_event_after_queryset_unpublish(client, event):
    assert "Old title" in client.get("/en/events/").content.decode()

    Event.objects.filter(pk=event.pk).unpublish()

    assert "Old title" not in client.get("/en/events/").content.decode()


def test_cached_catalogue_shows_published_practice_after_queryset_publish(client):
    GoodPracticeFactory(title_en="Draft practice", status=GoodPractice.Status.DRAFT)
    assert "Draft practice" not in client.get("/en/practices/").content.decode()

    GoodPractice.objects.all().publish()

    assert "Draft practice" in client.get("/en/practices/").content.decode()


def test_cached_event_page_shows_edited_workshop(client, event):
    workshop = WorkshopFactory(
        event=event,
        title_en="Old workshop",
        start=dt.datetime(2099, 1, 1, 9, tzinfo=dt.UTC),
        end=dt.datetime(2099, 1, 1, 10, tzinfo=dt.UTC),
    )
    assert "Old workshop" in client.get("/en/events/cached/").content.decode()

    workshop.title_en = "New workshop"
    workshop.save()

    assert "New workshop" in client.get("/en/events/cached/").content.decode()


def test_cached_event_page_shows_theme_added_through_m2m(client, event):
    from tests.factories import ThemeFactory

    client.get("/en/events/cached/")
    event.themes.add(ThemeFactory(name_en="Newly added theme"))

    assert "Newly added theme" in client.get("/en/events/cached/").content.decode()


def test_cached_page_not_served_to_a_logged_in_coordinator(coordinator_client, event):
    anonymous = Client()
    anonymous.get("/en/events/cached/")
    Event.objects.filter(pk=event.pk).update(title_en="Changed quietly")  # no signal

    assert "Old title" in anonymous.get("/en/events/cached/").content.decode()
    assert "Changed quietly" in coordinator_client.get("/en/events/cached/").content.decode()


def test_cached_event_page_varies_with_tz_cookie(client, event):
    event.start_time, event.end_time = dt.time(10, 30), dt.time(12, 0)
    event.save()
    client.cookies["tz"] = "UTC"
    utc = client.get("/en/events/cached/").content.decode()
    client.cookies["tz"] = "Europe/Tallinn"
    tallinn = client.get("/en/events/cached/").content.decode()

    assert utc != tallinn


def test_cached_page_answers_304_to_its_etag(client, event):
    first = client.get("/en/events/")

    second = client.get("/en/events/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 304
    assert second.content == b""


def test_error_page_not_cached(client):
    assert client.get("/en/events/later/").status_code == 404
    EventFactory(slug="later")

    assert client.get("/en/events/later/").status_code == 200


def test_feed_answers_old_etag_with_new_calendar_after_a_workshop_edit(client, event):
    # The fingerprint ETag misses workshop edits; the content version does not.
    workshop = WorkshopFactory(
        event=event,
        title_en="Old workshop",
        start=dt.datetime(2099, 1, 1, 9, tzinfo=dt.UTC),
        end=dt.datetime(2099, 1, 1, 10, tzinfo=dt.UTC),
    )
    first = client.get("/en/events/calendar.ics")

    workshop.title_en = "New workshop"
    workshop.save()
    second = client.get("/en/events/calendar.ics", HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert "SUMMARY;LANGUAGE=en:New workshop" in second.content.decode()
