"""What a coordinator does in /admin/, in a real browser, and what the public then sees."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from events.models import Event

pytestmark = pytest.mark.django_db(transaction=True)

TITLE_EN = "Open data in city services"
TITLE_ET = "Avaandmed linna teenustes"


def fill_translated(page, field_id, language, text):
    """Fill one language of a translated field: open its tab of modeltranslation's tabs first."""
    page.locator(f'a[href="#tab_{field_id}_{language}"]').click()
    page.locator(f"#{field_id}_{language}").fill(text)


def add_workshop(page, index, title_en, title_et, day, start, end):
    page.get_by_text("Add another Workshop").click()
    prefix = f"id_workshops-{index}"
    page.locator(f"#{prefix}-order").fill(str(index + 1))
    fill_translated(page, f"{prefix}-title", "en", title_en)
    fill_translated(page, f"{prefix}-title", "et", title_et)
    page.locator(f"#{prefix}-start_0").fill(day)
    page.locator(f"#{prefix}-start_1").fill(start)
    page.locator(f"#{prefix}-end_0").fill(day)
    page.locator(f"#{prefix}-end_1").fill(end)


def test_coordinator_creates_thematic_event_that_appears_publicly(admin_page, live_server):
    page = admin_page
    page.goto(f"{live_server.url}/admin/events/thematicevent/add/")

    page.get_by_label("Number:", exact=True).fill("7")
    fill_translated(page, "id_title", "en", TITLE_EN)
    fill_translated(page, "id_title", "et", TITLE_ET)
    fill_translated(page, "id_summary", "en", "Two online workshops on open data.")
    fill_translated(page, "id_summary", "et", "Kaks veebiseminari avaandmetest.")
    page.get_by_label("Start date:", exact=True).fill("2030-09-16")
    page.get_by_label("End date:", exact=True).fill("2030-09-17")
    page.get_by_label("Time zone:", exact=True).select_option("Europe/Tallinn")
    page.get_by_label("Format:", exact=True).select_option("online")
    # Typed as wall-clock times in Tallinn, whatever the browser's zone (New York here).
    add_workshop(page, 0, "Publishing data", "Andmete avaldamine", "2030-09-16", "10:00", "11:30")
    add_workshop(page, 1, "Using data", "Andmete kasutamine", "2030-09-17", "14:00", "15:30")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"{live_server.url}/admin/events/thematicevent/")

    expect(page.locator(".messagelist .success")).to_have_count(1)
    event = Event.objects.get(title_en=TITLE_EN)
    assert [(w.start, w.end) for w in event.workshops.all()] == [
        (
            dt.datetime(2030, 9, 16, 7, 0, tzinfo=dt.UTC),
            dt.datetime(2030, 9, 16, 8, 30, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2030, 9, 17, 11, 0, tzinfo=dt.UTC),
            dt.datetime(2030, 9, 17, 12, 30, tzinfo=dt.UTC),
        ),
    ]
    page.goto(f"{live_server.url}/et/events/")
    assert page.get_by_role("link", name=TITLE_ET).count() == 0

    # Publish it with the list's action, as a coordinator reviewing drafts would.
    page.goto(f"{live_server.url}/admin/events/thematicevent/")
    page.locator(f'input[name="_selected_action"][value="{event.pk}"]').check()
    page.locator("select[name=action]").select_option(label="Publish the selected events")
    with page.expect_navigation():
        page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist .success")).to_have_text("1 event published.")

    page.goto(f"{live_server.url}/et/events/")
    page.get_by_role("link", name=TITLE_ET).click()

    page.wait_for_url(f"{live_server.url}/et/events/{event.slug}/")
    assert page.locator("h1").inner_text() == TITLE_ET
    assert page.locator("#workshop-1 .ws-time").inner_text() == "10:00–11:30 EEST"
    assert page.locator("#workshop-2 .ws-time").inner_text() == "14:00–15:30 EEST"
    assert page.locator("#workshop-1 .ws-title strong").inner_text() == "Andmete avaldamine"


def test_event_form_has_no_browser_offset_note_and_hints_follow_the_zone(admin_page, live_server):
    # The browser is in New York; the times are entered in the event's zone, so Django's
    # "You are N hours behind server time" note is beside the point.
    page = admin_page
    page.goto(f"{live_server.url}/admin/events/thematicevent/add/")
    page.get_by_text("Add another Workshop").click()
    hint = page.locator("#workshops-0 .field-start .help")
    expect(hint).to_have_text("Local time in Europe/Rome")

    page.get_by_label("Time zone:", exact=True).select_option("Europe/Tallinn")

    expect(hint).to_have_text("Local time in Europe/Tallinn")
    assert page.locator(".timezonewarning").count() == 0
    page.get_by_text("Add another Workshop").click()
    expect(page.locator("#workshops-1 .field-start .help")).to_have_text(
        "Local time in Europe/Tallinn"
    )
