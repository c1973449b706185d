"""One timetable: times live in workshops (shown in the reader's zone), never as prose in a body."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command

from events.models import Event, Workshop
from events.models.events import CLOCK_TIME
from tests.events.test_admin import admin_url, event_form_data
from tests.events.test_views import workshop_cell
from tests.factories import EventFactory
from tests.html import inner, text

pytestmark = pytest.mark.django_db


def test_demo_bodies_hold_no_clock_times():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert {e.slug: e.clock_times_in_body() for e in Event.objects.all()} == {
        e.slug: [] for e in Event.objects.all()
    }


def test_demo_timetable_facts_kept_in_workshops():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    event = Event.objects.get(kind=Event.Kind.THEMATIC, number=3)

    rows = [
        (w.order, w.start, w.end, [p.label for p in w.experts.all()], w.title_sv[:20])
        for w in Workshop.objects.filter(event=event).order_by("order")
    ]
    assert rows == [
        (
            1,
            dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC),
            dt.datetime(2020, 6, 16, 10, 0, tzinfo=dt.UTC),
            ["Lauri Sock (P4 Tartu)"],
            "Bygga samarbete för ",
        ),
        (
            2,
            dt.datetime(2020, 6, 17, 8, 30, tzinfo=dt.UTC),
            dt.datetime(2020, 6, 17, 10, 0, tzinfo=dt.UTC),
            ["Henrik Mazzanti (P3 Gävle)"],
            "Datavisualisering: E",
        ),
        (
            3,
            dt.datetime(2020, 6, 18, 8, 30, tzinfo=dt.UTC),
            dt.datetime(2020, 6, 18, 10, 0, tzinfo=dt.UTC),
            ["Dr Steve Harding (P2 Birmingham)"],
            "Reform i offentlig s",
        ),
    ]


def test_demo_event_page_in_tallinn_zone_shows_one_set_of_times(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    html = client.get("/sv/events/thematic-event-3/", {"tz": "Europe/Tallinn"}).content.decode()

    body = text(inner(html, '<div class="body">'))
    times = [workshop_cell(html, n, "ws-time") for n in (1, 2, 3)]
    assert (CLOCK_TIME.findall(body), "CET" in body) == ([], False)
    assert times == ["11:30–13:00 EEST"] * 3


def test_clock_times_in_body_found_in_any_language():
    event = EventFactory(body_en="Opening at 9.30.", body_sv="16 juni, 10.30 - 12.00 CET")

    assert event.clock_times_in_body() == ["9.30", "10.30", "12.00"]


def test_clock_times_in_body_ignore_dates_and_numbers():
    event = EventFactory(body_en="On 2020.06.16, 1,7 million people; version 3.14.1; 70 per cent.")

    assert event.clock_times_in_body() == []


def test_admin_warns_when_body_has_clock_times_and_saves(coordinator_client):
    event = EventFactory()
    data = event_form_data(event, body_en="Workshop 1: 16 June, 10:30–12:00 CEST")

    response = coordinator_client.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.body_en == "Workshop 1: 16 June, 10:30–12:00 CEST"
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        "The body contains clock times (10:30, 12:00). Times written in the text ignore the "
        "reader's “show times in” choice: put the timetable in workshops."
    ]


def test_admin_no_warning_without_clock_times(coordinator_client):
    event = EventFactory()
    data = event_form_data(event, body_en="Three workshops on data.")

    response = coordinator_client.post(admin_url(Event, "change", event.pk), data)

    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
