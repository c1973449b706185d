"""axe-core (pinned by axe-playwright-python, never a CDN) on every public page type."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

# Every public page type, with the demo content; the status says the page is the one meant.
PAGE_TYPES = {
    "home": ("/", 200),
    "events list": ("/events/", 200),
    "events list, filtered": ("/events/?kind=study_visit&year=2021", 200),
    "events list, filter error": ("/events/?kind=study_visit&year=1", 200),
    "thematic event": ("/events/thematic-event-3/", 200),
    "thematic event, other zone": ("/events/thematic-event-3/?tz=Europe/Tallinn", 200),
    "date-only study visit": ("/events/study-visit-genoa-2021-07/", 200),
    "partners list": ("/partners/", 200),
    "partner page": ("/partners/genoa/", 200),
    "practices list": ("/practices/", 200),
    "practice page": ("/practices/segnalaci/", 200),
    "search results": ("/search/?q=data", 200),
    "404 page": ("/no-such-page/", 404),
}


def test_axe_check_bites_on_broken_page(page, axe_violations):
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')

    violations = {rule for rule, _impact, _nodes in axe_violations(page)}

    assert {"image-alt", "label"} <= violations


@pytest.mark.parametrize("language", ["en", "et", "el"])
def test_public_pages_have_no_serious_violations(page, live_server, demo, axe_violations, language):
    found = {}
    for name, (path, status) in PAGE_TYPES.items():
        response = page.goto(f"{live_server.url}/{language}{path}")
        assert response.status == status, name
        assert page.locator("html").get_attribute("lang") == language, name
        if violations := axe_violations(page):
            found[name] = violations

    assert found == {}
