"""What a reader does on the public site, in a real browser: languages, time zones, filters, ICS."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

pytestmark = pytest.mark.django_db(transaction=True)

EVENT = "/events/thematic-event-3/"


def test_reader_switches_language_on_home_page(page, live_server):
    page.goto(f"{live_server.url}/en/")

    page.get_by_role("link", name="Eesti").click()

    page.wait_for_url(f"{live_server.url}/et/")
    assert page.locator("html").get_attribute("lang") == "et"


def test_reader_switches_language_on_event_page_and_stays_on_it(page, live_server, demo):
    page.goto(f"{live_server.url}/en{EVENT}")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Eesti").click()

    page.wait_for_url(f"{live_server.url}/et{EVENT}")
    assert page.locator("html").get_attribute("lang") == "et"
    assert page.locator("h1").inner_text() == "BETTER projekti virtuaalne temaatiline üritus"
    assert page.locator("#timetable-heading").inner_text() == "Ajakava"


def test_reader_switching_to_greek_sees_english_title_marked_as_english(page, live_server, demo):
    page.goto(f"{live_server.url}/et{EVENT}")

    page.get_by_role("link", name="Ελληνικά").click()

    page.wait_for_url(f"{live_server.url}/el{EVENT}")
    assert page.locator("h1 [lang]").get_attribute("lang") == "en"
    assert page.locator("h1 [lang]").inner_text() == "BETTER virtual thematic event"


def workshop_time(page, order):
    return page.locator(f"#workshop-{order} .ws-time").inner_text()


def test_reader_sees_workshop_times_in_the_zone_chosen(page, live_server, demo):
    page.goto(f"{live_server.url}/en{EVENT}")
    assert workshop_time(page, 1) == "10:30–12:00 CEST"

    page.get_by_label("Show times in").select_option("Europe/Tallinn")
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url("**?tz=Europe%2FTallinn")

    assert workshop_time(page, 1) == "11:30–13:00 EEST"

    page.get_by_label("Show times in").select_option("Europe/Stockholm")
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url("**?tz=Europe%2FStockholm")

    assert workshop_time(page, 1) == "10:30–12:00 CEST"
    assert page.get_by_label("Show times in").input_value() == "Europe/Stockholm"


def test_reader_choice_of_zone_is_remembered_on_the_next_visit(page, live_server, demo):
    page.goto(f"{live_server.url}/en{EVENT}?tz=Europe/Tallinn")

    page.goto(f"{live_server.url}/et{EVENT}")

    assert workshop_time(page, 1) == "11:30–13:00 EEST"


def test_script_offers_the_readers_own_zone(page, live_server, demo):
    # The browser context runs in America/New_York, which no partner city uses.
    page.goto(f"{live_server.url}/en{EVENT}")
    own = page.locator('#tz-select option[value="America/New_York"]')

    assert own.inner_text() == "Your time zone (America/New_York)"

    page.get_by_label("Show times in").select_option("America/New_York")
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url("**?tz=America%2FNew_York")

    assert workshop_time(page, 1) == "04:30–06:00 EDT"


def test_reader_filters_events_by_kind(page, live_server, demo):
    page.goto(f"{live_server.url}/en/events/")

    page.get_by_label("Kind").select_option(label="Study visit")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**kind=study_visit**")

    titles = page.locator(".event-list .item-title").all_inner_texts()
    assert sorted(titles) == [
        "Study visit to Genoa",
        "Study visit to Gävle",
        "Study visit to Nyíregyháza",
    ]
    assert page.locator(".result-count").inner_text() == "3 events"


def test_reader_downloads_the_events_calendar(page, live_server, demo):
    # The public event page has no calendar link yet, so the reader's request is made directly.
    page.goto(f"{live_server.url}/et{EVENT}")

    response = page.request.get(f"{live_server.url}/et{EVENT}calendar.ics")

    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.body())
    workshops = sorted(
        (c for c in calendar.walk("VEVENT") if "RELATED-TO" in c), key=lambda c: c["DTSTART"].dt
    )
    assert len(workshops) == 3
    first = workshops[0]
    assert first["DTSTART"].params["TZID"] == "Europe/Rome"
    assert first["DTSTART"].dt == dt.datetime(2020, 6, 16, 10, 30, tzinfo=ZoneInfo("Europe/Rome"))
    assert first["DTSTART"].dt.astimezone(dt.UTC) == dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC)
    assert str(first["SUMMARY"]).startswith("Partnerluse kujundamine andmete kogumiseks")
