import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from events.models import Event
from tests.factories import (
    EventChangeFactory,
    EventFactory,
    PartnerFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

ROME = "Europe/Rome"


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


@pytest.fixture
def thematic_event_3():
    """Thematic event #3 of the seeds: online (Webex), three workshops at 08:30–10:00 UTC."""
    genoa = PartnerFactory(name_en="Comune di Genova", slug="genoa", timezone=ROME)
    event = EventFactory(
        kind=Event.Kind.THEMATIC,
        number=3,
        title_en="BETTER holds a virtual thematic event",
        title_et="BETTER projektis toimus virtuaalne temaatiline üritus",
        slug="thematic-event-3",
        host=genoa,
        start_date=dt.date(2020, 6, 16),
        end_date=dt.date(2020, 6, 18),
        timezone=ROME,
        format=Event.Format.ONLINE,
        online_platform="Webex",
        online_url="https://better.webex.com/meet/te3",
        status=Event.Status.MOVED_ONLINE,
    )
    for order, day in enumerate([16, 17, 18], start=1):
        WorkshopFactory(
            event=event,
            order=order,
            title_en=f"Workshop {order}",
            start=utc(2020, 6, day, 8, 30),
            end=utc(2020, 6, day, 10, 0),
        )
    return event


def event_ics_url(event, lang="en"):
    with translation.override(lang):
        return reverse("events:event_calendar", kwargs={"slug": event.slug})


def feed_ics_url(lang="en"):
    with translation.override(lang):
        return reverse("events:calendar")


def parse(response):
    return Calendar.from_ical(response.content)


def vevents_by_uid(cal):
    return {str(component["UID"]): component for component in cal.walk("VEVENT")}


def test_event_calendar_workshops_at_seed_instants(client, thematic_event_3):
    response = client.get(event_ics_url(thematic_event_3))

    workshops = [e for e in parse(response).walk("VEVENT") if str(e["UID"]).startswith("workshop")]
    assert [(e.start.astimezone(dt.UTC), e.end.astimezone(dt.UTC)) for e in workshops] == [
        (utc(2020, 6, 16, 8, 30), utc(2020, 6, 16, 10, 0)),
        (utc(2020, 6, 17, 8, 30), utc(2020, 6, 17, 10, 0)),
        (utc(2020, 6, 18, 8, 30), utc(2020, 6, 18, 10, 0)),
    ]
    assert [str(e["SUMMARY"]) for e in workshops] == ["Workshop 1", "Workshop 2", "Workshop 3"]


def test_event_calendar_dtstart_carries_event_zone_with_vtimezone(client, thematic_event_3):
    response = client.get(event_ics_url(thematic_event_3))

    cal = parse(response)
    workshop = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("workshop"))
    assert workshop["DTSTART"].params["TZID"] == ROME
    assert workshop["DTSTART"].to_ical() == b"20200616T103000"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == [ROME]
    rome = cal.walk("VTIMEZONE")[0].to_tz()
    assert dt.datetime(2020, 6, 16, 10, 30, tzinfo=rome).astimezone(dt.UTC) == utc(
        2020, 6, 16, 8, 30
    )


def test_event_calendar_response_is_utf8_calendar(client, thematic_event_3):
    response = client.get(event_ics_url(thematic_event_3))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="thematic-event-3.ics"'


def test_event_calendar_uids_stable_across_requests_and_hosts(client, thematic_event_3, settings):
    settings.PORTAL_CALENDAR_DOMAIN = "calendar.better.example"
    workshop_pks = [w.pk for w in thematic_event_3.workshops.order_by("order")]

    first = client.get(event_ics_url(thematic_event_3))
    second = client.get(event_ics_url(thematic_event_3, "sv"), HTTP_HOST="localhost")

    expected = [f"event-{thematic_event_3.pk}@calendar.better.example"] + [
        f"workshop-{pk}@calendar.better.example" for pk in workshop_pks
    ]
    assert [str(e["UID"]) for e in parse(first).walk("VEVENT")] == expected
    assert [str(e["UID"]) for e in parse(second).walk("VEVENT")] == expected


def test_event_calendar_sequence_rises_after_recorded_change(client, thematic_event_3):
    before = client.get(event_ics_url(thematic_event_3))
    EventChangeFactory(event=thematic_event_3, previous_city_en="Birmingham")
    after = client.get(event_ics_url(thematic_event_3))

    assert [e["SEQUENCE"] for e in parse(before).walk("VEVENT")] == [0, 0, 0, 0]
    assert [e["SEQUENCE"] for e in parse(after).walk("VEVENT")] == [1, 1, 1, 1]


def test_event_calendar_cancellation_raises_sequence(client):
    event = EventFactory(status=Event.Status.CONFIRMED)
    WorkshopFactory(event=event)
    before = client.get(event_ics_url(event))

    event = Event.objects.get(pk=event.pk)
    event.status = Event.Status.CANCELLED
    event.save()
    after = client.get(event_ics_url(event))

    assert [e["SEQUENCE"] for e in parse(before).walk("VEVENT")] == [0, 0]
    assert [(str(e["STATUS"]), e["SEQUENCE"]) for e in parse(after).walk("VEVENT")] == [
        ("CANCELLED", 1),
        ("CANCELLED", 1),
    ]


def test_event_calendar_workshop_time_change_raises_its_sequence(client):
    event = EventFactory()
    workshop = WorkshopFactory(event=event)

    workshop = type(workshop).objects.get(pk=workshop.pk)
    workshop.end += dt.timedelta(minutes=30)
    workshop.save()
    response = client.get(event_ics_url(event))

    assert [e["SEQUENCE"] for e in parse(response).walk("VEVENT")] == [0, 1]


def test_event_calendar_save_without_visible_change_keeps_sequence(client):
    event = EventFactory()
    event = Event.objects.get(pk=event.pk)
    event.summary_en = "A new summary."
    event.save()

    response = client.get(event_ics_url(event))

    assert [e["SEQUENCE"] for e in parse(response).walk("VEVENT")] == [0]


def test_event_calendar_multi_day_event_with_workshops_all_day(client):
    event = EventFactory(
        start_date=dt.date(2022, 3, 10),
        end_date=dt.date(2022, 3, 12),
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 0),
        timezone=ROME,
    )
    WorkshopFactory(event=event, start=utc(2022, 3, 10, 8), end=utc(2022, 3, 10, 10))

    response = client.get(event_ics_url(event))

    main, workshop = parse(response).walk("VEVENT")
    assert (main["DTSTART"].to_ical(), main["DTEND"].to_ical()) == (b"20220310", b"20220313")
    assert main["DTSTART"].params["VALUE"] == "DATE"
    assert workshop["DTSTART"].to_ical() == b"20220310T090000"


def test_event_calendar_cancelled_event_status_cancelled(client):
    event = EventFactory(status=Event.Status.CANCELLED)
    WorkshopFactory(event=event)

    response = client.get(event_ics_url(event))

    assert [str(e["STATUS"]) for e in parse(response).walk("VEVENT")] == ["CANCELLED"] * 2


def test_event_calendar_planned_event_status_tentative(client):
    event = EventFactory(status=Event.Status.PLANNED)

    response = client.get(event_ics_url(event))

    assert [str(e["STATUS"]) for e in parse(response).walk("VEVENT")] == ["TENTATIVE"]


def test_event_calendar_date_only_event_all_day(client):
    visit = EventFactory(
        kind=Event.Kind.STUDY_VISIT,
        start_date=dt.date(2021, 7, 17),
        end_date=dt.date(2021, 7, 17),
        city_en="Tartu",
        venue_en="Tartu City Hall",
    )

    response = client.get(event_ics_url(visit))

    (vevent,) = parse(response).walk("VEVENT")
    assert vevent["DTSTART"].to_ical() == b"20210717"
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent["DTEND"].to_ical() == b"20210718"
    assert str(vevent["LOCATION"]) == "Tartu City Hall, Tartu"
    assert parse(response).walk("VTIMEZONE") == []


def test_event_calendar_timed_event_in_its_zone(client):
    event = EventFactory(
        start_date=dt.date(2022, 3, 10),
        end_date=dt.date(2022, 3, 10),
        start_time=dt.time(9, 0),
        end_time=dt.time(12, 30),
        timezone="Europe/Tallinn",
    )

    response = client.get(event_ics_url(event))

    (vevent,) = parse(response).walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Tallinn"
    assert vevent.start.astimezone(dt.UTC) == utc(2022, 3, 10, 7, 0)
    assert vevent.end.astimezone(dt.UTC) == utc(2022, 3, 10, 10, 30)


def test_event_calendar_online_event_page_url_and_meeting_link(client, thematic_event_3):
    response = client.get(event_ics_url(thematic_event_3))

    event_vevent = vevents_by_uid(parse(response))[f"event-{thematic_event_3.pk}@better.example"]
    assert str(event_vevent["URL"]) == "http://testserver/en/events/thematic-event-3/"
    assert str(event_vevent["LOCATION"]) == "https://better.webex.com/meet/te3"
    assert [c.uri for c in event_vevent.conferences] == ["https://better.webex.com/meet/te3"]
    assert str(event_vevent["DESCRIPTION"]) == (
        "An event of the project.\n\n"
        "Online meeting: Webex https://better.webex.com/meet/te3\n\n"
        "http://testserver/en/events/thematic-event-3/"
    )


def test_event_calendar_estonian_summary_and_calendar_name(client, thematic_event_3):
    plain = EventFactory(title_en="Partner meeting in Tartu", title_et="Partnerite kohtumine")

    cal = parse(client.get(event_ics_url(plain, "et")))
    seminar = parse(client.get(event_ics_url(thematic_event_3, "et")))

    assert str(cal["X-WR-CALNAME"]) == "Partnerite kohtumine"
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Partnerite kohtumine"
    assert vevent["SUMMARY"].params["LANGUAGE"] == "et"
    assert str(vevent["URL"]) == f"http://testserver/et/events/{plain.slug}/"
    workshop = seminar.walk("VEVENT")[1]
    assert (str(workshop["SUMMARY"]), workshop["SUMMARY"].params["LANGUAGE"]) == (
        "Workshop 1",
        "en",
    )


def test_event_calendar_line_breaks_in_text_flattened_or_escaped(client):
    event = EventFactory(
        title_en="Partner meeting\r\nin Tartu; day 1, 2",
        summary_en="First line.\nSecond line.",
        venue="Town hall,\nroom 2",
        city="Tartu",
    )
    workshop = WorkshopFactory(event=event, title_en="Opening\nsession")

    response = client.get(event_ics_url(event))

    assert response.status_code == 200
    # The names as written: icalendar reads them back without unescaping.
    lines = response.content.split(b"\r\n")
    assert [line for line in lines if line.startswith((b"NAME", b"X-WR-CALNAME"))] == [
        b"NAME:Partner meeting in Tartu\\; day 1\\, 2",
        b"X-WR-CALNAME:Partner meeting in Tartu\\; day 1\\, 2",
    ]
    vevents = vevents_by_uid(parse(response))
    vevent = vevents[f"event-{event.pk}@better.example"]
    assert str(vevent["SUMMARY"]) == "Partner meeting in Tartu; day 1, 2"
    assert str(vevent["LOCATION"]) == "Town hall, room 2, Tartu"
    assert str(vevent["DESCRIPTION"]) == (
        f"First line.\nSecond line.\n\nhttp://testserver/en/events/{event.slug}/"
    )
    assert str(vevents[f"workshop-{workshop.pk}@better.example"]["SUMMARY"]) == "Opening session"


def test_event_calendar_categories_numbered_kind_in_hungarian(client, thematic_event_3):
    english = parse(client.get(event_ics_url(thematic_event_3)))
    hungarian = parse(client.get(event_ics_url(thematic_event_3, "hu")))

    assert english.walk("VEVENT")[0]["CATEGORIES"].cats == ["Thematic event #3"]
    assert hungarian.walk("VEVENT")[0]["CATEGORIES"].cats == ["3. tematikus rendezvény"]


def test_event_calendar_unpublished_event_not_found(client):
    draft = EventFactory(is_published=False)

    response = client.get(event_ics_url(draft))

    assert response.status_code == 404


def test_event_calendar_not_modified_with_if_none_match(client, thematic_event_3):
    first = client.get(event_ics_url(thematic_event_3))

    second = client.get(event_ics_url(thematic_event_3), HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == first["ETag"]


def test_event_calendar_not_modified_with_if_modified_since(client, thematic_event_3):
    first = client.get(event_ics_url(thematic_event_3))

    second = client.get(
        event_ics_url(thematic_event_3), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )

    assert second.status_code == 304


def test_event_calendar_etag_changes_after_recorded_change(client, thematic_event_3):
    first = client.get(event_ics_url(thematic_event_3))
    EventChangeFactory(event=thematic_event_3)

    second = client.get(event_ics_url(thematic_event_3), HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 200
    assert [e["SEQUENCE"] for e in parse(second).walk("VEVENT")] == [1, 1, 1, 1]


def test_event_calendar_etag_differs_per_language(client, thematic_event_3):
    english = client.get(event_ics_url(thematic_event_3))

    estonian = client.get(event_ics_url(thematic_event_3, "et"), HTTP_IF_NONE_MATCH=english["ETag"])

    assert estonian.status_code == 200
    assert estonian["ETag"] != english["ETag"]


def test_events_calendar_lists_published_events_with_workshops(client, thematic_event_3):
    visit = EventFactory(kind=Event.Kind.STUDY_VISIT)

    response = client.get(feed_ics_url())

    assert sorted(vevents_by_uid(parse(response))) == sorted(
        [f"event-{thematic_event_3.pk}@better.example", f"event-{visit.pk}@better.example"]
        + [f"workshop-{w.pk}@better.example" for w in thematic_event_3.workshops.all()]
    )


def test_events_calendar_unpublished_absent(client, thematic_event_3):
    draft = EventFactory(is_published=False, title_en="Draft meeting")
    WorkshopFactory(event=draft, title_en="Draft workshop")

    response = client.get(feed_ics_url())

    summaries = sorted(str(e["SUMMARY"]) for e in parse(response).walk("VEVENT"))
    assert summaries == [
        "BETTER holds a virtual thematic event",
        "Workshop 1",
        "Workshop 2",
        "Workshop 3",
    ]


def test_events_calendar_filters_narrow(client, thematic_event_3):
    visit = EventFactory(
        kind=Event.Kind.STUDY_VISIT, start_date=dt.date(2021, 7, 17), end_date=dt.date(2021, 7, 17)
    )

    response = client.get(feed_ics_url(), {"kind": "study_visit", "year": "2021"})

    assert list(vevents_by_uid(parse(response))) == [f"event-{visit.pk}@better.example"]


def test_events_calendar_partner_filter_includes_participants(client, thematic_event_3):
    tartu = PartnerFactory(slug="tartu")
    thematic_event_3.participations.create(organisation=tartu)
    EventFactory()

    response = client.get(feed_ics_url(), {"partner": "tartu"})

    uids = [uid for uid in vevents_by_uid(parse(response)) if uid.startswith("event")]
    assert uids == [f"event-{thematic_event_3.pk}@better.example"]


def test_events_calendar_bad_filter_value_400_with_message(client):
    response = client.get(feed_ics_url(), {"year": "abc"})

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "Bad value for the filter “year”: Enter a whole number."
    assert not response.has_header("ETag")


def test_events_calendar_unknown_partner_400_with_message(client):
    response = client.get(feed_ics_url(), {"partner": "atlantis"})

    assert response.status_code == 400
    assert response.content.decode() == (
        "Bad value for the filter “partner”: "
        "Select a valid choice. That choice is not one of the available choices."
    )


def test_events_calendar_name_in_estonian(client, better_identity):
    EventFactory()

    response = client.get(feed_ics_url("et"))

    assert str(parse(response)["X-WR-CALNAME"]) == "Projekti BETTER üritused"


def test_events_calendar_not_modified_with_if_none_match(client, thematic_event_3):
    first = client.get(feed_ics_url(), {"kind": "thematic"})

    second = client.get(feed_ics_url(), {"kind": "thematic"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 304
    assert second.content == b""


def test_events_calendar_etag_changes_when_event_published(client, thematic_event_3):
    draft = EventFactory(is_published=False)
    first = client.get(feed_ics_url())
    draft.is_published = True
    draft.save()

    second = client.get(feed_ics_url(), HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 200
    assert f"event-{draft.pk}@better.example" in vevents_by_uid(parse(second))


def test_events_calendar_etag_changes_when_event_deleted(client, thematic_event_3):
    other = EventFactory()
    first = client.get(feed_ics_url())
    other.delete()

    second = client.get(feed_ics_url(), HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]


@pytest.mark.parametrize("events", [1, 5])
def test_events_calendar_query_count_constant(client, django_assert_num_queries, events):
    for _ in range(events):
        WorkshopFactory(event=EventFactory())

    # ETag summary, events with their change counts, workshops.
    with django_assert_num_queries(3):
        response = client.get(feed_ics_url())

    assert len(parse(response).walk("VEVENT")) == events * 2


def test_calendar_links_partial_for_event():
    event = EventFactory(slug="study-visit-tartu")
    request = RequestFactory().get("/en/events/study-visit-tartu/", HTTP_HOST="localhost")

    html = render_to_string("includes/_calendar_links.html", {"event": event, "request": request})

    assert 'href="/en/events/study-visit-tartu/calendar.ics" download' in html
    assert 'href="webcal://localhost/en/events/study-visit-tartu/calendar.ics"' in html
    assert "feed/" not in html


def test_calendar_links_partial_for_filtered_list():
    request = RequestFactory().get("/en/events/", {"kind": "thematic"}, HTTP_HOST="localhost")

    html = render_to_string(
        "includes/_calendar_links.html",
        {"query": request.GET.urlencode(), "request": request},
    )

    assert 'href="/en/events/calendar.ics?kind=thematic" download' in html
    assert 'href="webcal://localhost/en/events/calendar.ics?kind=thematic"' in html
    assert 'href="/en/events/feed/?kind=thematic" type="application/atom+xml"' in html
