"""axe-core (pinned by axe-playwright-python, never a CDN) on every public page type."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from .test_workspace_flows import add_photo, log_in_to_workspace, make_partner_staff

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
    "accessibility statement": ("/about/accessibility/", 200),
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


@pytest.mark.parametrize("language", ["en", "et"])
def test_workspace_pages_have_no_serious_violations(
    page, live_server, settings, tmp_path, axe_violations, language
):
    _user, visit, practice = make_partner_staff(settings)
    photo = add_photo(visit, settings, tmp_path)
    found = {}

    def check(name, heading):
        assert page.locator("html").get_attribute("lang") == language, name
        assert page.locator("h1").inner_text() == heading, name
        if violations := axe_violations(page):
            found[name] = violations

    with translation.override(language):
        headings = {
            "login": gettext("Log in to the partner workspace"),
            "dashboard": gettext("Workspace of %(partner)s") % {"partner": "P4 Tartu"},
            "visit form": gettext("Log a study visit"),
            "practice form": gettext("Propose a good practice"),
            "photo caption": gettext("Edit the photo's caption"),
            "photo deletion": gettext("Delete this photo?"),
        }
        error_banner = gettext(
            "Please correct the errors below. Everything else you entered is kept."
        )
    page.goto(f"{live_server.url}/{language}/workspace/login/")
    check("login", headings["login"])
    log_in_to_workspace(page, live_server, language, "staff-tartu")
    check("dashboard", headings["dashboard"])
    page.goto(f"{live_server.url}/{language}/workspace/visits/{visit.pk}/")
    check("visit detail", "Tartu draft visit")
    page.goto(f"{live_server.url}/{language}/workspace/practices/{practice.pk}/")
    check("practice detail", "Tartu draft practice")
    photo_path = f"{live_server.url}/{language}/workspace/visits/{visit.pk}/photos/{photo.pk}"
    page.goto(f"{photo_path}/caption/")
    check("photo caption", headings["photo caption"])
    page.goto(f"{photo_path}/delete/")
    check("photo deletion", headings["photo deletion"])
    for name, path in [("visit form", "visits/new/"), ("practice form", "practices/new/")]:
        page.goto(f"{live_server.url}/{language}/workspace/{path}")
        check(name, headings[name])
        page.locator(".workspace-form button[type=submit]").click()
        page.locator(".workspace-form [role=alert]").wait_for()
        assert page.locator(".workspace-form [role=alert]").inner_text() == error_banner
        check(f"{name}, errors", headings[name])

    assert found == {}
