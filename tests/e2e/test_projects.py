"""Issue 20 in a real browser: the demo's two projects, each on its own domain (BETTER on the
server's own address, OPEN TOWNS on open-towns.localhost, which Chromium sends to this
machine), each showing its own identity and content, and Tartu in both."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def open_towns_url(live_server, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "open-towns.localhost"]
    return f"http://open-towns.localhost:{urlsplit(live_server.url).port}"


def test_each_project_shows_its_own_site(page, live_server, demo, open_towns_url):
    page.goto(f"{live_server.url}/et/events/")
    better_events = page.locator(".event-list .item-title a").all_inner_texts()
    assert page.locator(".brand-acronym").inner_text() == "BETTER"

    page.goto(f"{open_towns_url}/et/events/")

    assert page.locator(".brand-acronym").inner_text() == "OPEN TOWNS"
    assert page.locator(".event-list .item-title a").all_inner_texts() == [
        "Avakohtumine: avaandmed väikelinnades"
    ]
    assert "Avakohtumine: avaandmed väikelinnades" not in better_events
    assert len(better_events) == 6


def test_a_reader_follows_a_project_event_to_its_timetable(page, demo, open_towns_url):
    page.goto(f"{open_towns_url}/en/")
    page.get_by_role("link", name="Kick-off meeting: open data in small cities").first.click()

    assert page.locator("h1").inner_text() == "Kick-off meeting: open data in small cities"
    assert urlsplit(page.url).path == "/en/events/kick-off-tartu-2027/"
    assert page.locator(".timetable").get_by_text("What each city opens first").is_visible()
    assert page.locator(".site-header .brand-acronym").inner_text() == "OPEN TOWNS"


def test_tartus_page_links_its_page_on_the_other_project(page, live_server, demo, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "open-towns.localhost"]
    # The projects' development domains are linked with the scheme and port of the site.
    settings.PORTAL_SITE_URL = live_server.url
    page.goto(f"{live_server.url}/en/partners/tartu/")
    projects = page.get_by_role("region", name="Projects")

    assert projects.get_by_role("listitem").all_inner_texts() == [
        "BETTER: Better e-services through interregional learning · P4 · Partner",
        "OPEN TOWNS: Open towns: city data shared across the Baltic · P1 · Lead partner",
    ]
    projects.get_by_role("link", name="OPEN TOWNS", exact=False).click()

    page.wait_for_url(f"http://open-towns.localhost:{urlsplit(live_server.url).port}/**")
    assert urlsplit(page.url).path == "/en/partners/tartu/"
    assert page.locator(".site-header .brand-acronym").inner_text() == "OPEN TOWNS"
    assert page.locator("h1").inner_text() == "Tartu City Government"
