"""No page breaks its own Content Security Policy (no inline script or style anywhere)."""

import pytest

from events.models import Event

from .test_workspace_flows import add_photo, log_in_to_workspace, make_partner_staff

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = [
    "/en/",
    "/en/events/",
    "/en/events/?kind=study_visit&year=2021",
    "/en/events/thematic-event-3/",
    "/en/events/thematic-event-3/?tz=Europe/Tallinn",
    "/en/events/study-visit-genoa-2021-07/",
    "/en/partners/",
    "/en/partners/genoa/",
    "/en/practices/",
    "/en/practices/segnalaci/",
    "/en/search/?q=data",
    "/en/embed/events/",
    "/el/no-such-page/",
]


def csp_console_errors(page):
    return [text for text in page.console_errors if "Content Security Policy" in text]


def test_public_pages_keep_their_content_security_policy(page, live_server, demo, csp_violations):
    found = {}
    for path in PUBLIC_PAGES:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == (404 if "no-such-page" in path else 200), path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        if violations := csp_violations(page):
            found[path] = violations

    assert found == {}
    assert csp_console_errors(page) == []


def test_admin_event_form_keeps_its_content_security_policy(
    admin_page, live_server, demo, csp_violations
):
    page = admin_page
    event = Event.objects.get(slug="thematic-event-3")
    page.goto(f"{live_server.url}/admin/events/event/{event.pk}/change/")

    # Exercise the admin's scripts: translation tabs, calendar and clock, inlines, collapsed
    # fieldsets and autocomplete widgets.
    page.locator('a[href="#tab_id_title_et"]').click()
    page.locator("#calendarlink0").click()
    page.locator("#calendarbox0").wait_for()
    page.locator("#clocklink0").click()
    page.get_by_text("Add another Workshop").click()
    page.locator("#changes-heading").click()
    page.locator(".field-themes .select2-selection").click()
    page.locator(".select2-results__option").first.wait_for()

    assert csp_violations(page) == []
    assert csp_console_errors(page) == []


def test_csp_check_bites_on_inline_script(page, live_server, csp_violations):
    # A page under the site's policy with an inline script and style, served by the browser's
    # router so that nothing broken has to exist in the app.
    page.route(
        "**/csp-probe/",
        lambda route: route.fulfill(
            content_type="text/html",
            headers={"Content-Security-Policy": "script-src 'self'; style-src 'self'"},
            body="<!doctype html><style>p{}</style><p>probe</p><script>1;</script>",
        ),
    )

    page.goto(f"{live_server.url}/csp-probe/")

    directives = {violation.split(" ")[0] for violation in csp_violations(page)}
    assert directives == {"script-src-elem", "style-src-elem"}
    assert len(csp_console_errors(page)) == 2


WORKSPACE_PAGES = [
    "",
    "visits/new/",
    "visits/{visit}/",
    "visits/{visit}/photos/{photo}/caption/",
    "visits/{visit}/photos/{photo}/delete/",
    "practices/new/",
    "practices/{practice}/",
]


def test_workspace_pages_keep_their_content_security_policy(
    page, live_server, settings, tmp_path, csp_violations
):
    _user, visit, practice = make_partner_staff(settings)
    photo = add_photo(visit, settings, tmp_path)
    found = {}

    def record(path):
        if violations := csp_violations(page):
            found[path] = violations

    for language in ["en", "et"]:
        response = page.goto(f"{live_server.url}/{language}/workspace/login/")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        record(page.url)
        log_in_to_workspace(page, live_server, language, "staff-tartu")
        for path in WORKSPACE_PAGES:
            url = f"{live_server.url}/{language}/workspace/{path}"
            response = page.goto(url.format(visit=visit.pk, practice=practice.pk, photo=photo.pk))
            assert response.status == 200, path
            record(page.url)
        for path in ["visits/new/", "practices/new/"]:
            page.goto(f"{live_server.url}/{language}/workspace/{path}")
            page.locator(".workspace-form button[type=submit]").click()
            page.locator(".workspace-form [role=alert]").wait_for()
            record(f"{page.url} (errors)")
        page.locator(".workspace-logout button").click()
        page.wait_for_url(f"{live_server.url}/{language}/workspace/login/")

    assert found == {}
    assert csp_console_errors(page) == []


def test_admin_review_queue_keeps_its_content_security_policy(
    admin_page, live_server, settings, csp_violations
):
    _user, visit, _practice = make_partner_staff(settings)
    Event.objects.filter(pk=visit.pk).update(review_status=Event.ReviewStatus.SUBMITTED)
    page = admin_page

    page.goto(f"{live_server.url}/admin/workspace/submittedevent/")
    assert csp_violations(page) == []
    page.get_by_role("link", name="Tartu draft visit").click()
    page.get_by_label("Decision").select_option(label="Approve and publish")

    assert csp_violations(page) == []
    assert csp_console_errors(page) == []
