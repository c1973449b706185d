"""The EU's visibility rules in a real browser: every public page, in every language, shows the
emblem and the statement in that language without scrolling, and links the three legal pages."""

import pytest

from tests.content.test_site import STATEMENTS

from .test_accessibility import PAGE_TYPES

pytestmark = pytest.mark.django_db(transaction=True)

LEGAL_PATHS = ["/about/accessibility/", "/about/privacy/", "/about/contact/"]


def _above_the_fold(page, selector, height):
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _check(page, url, language, width, height):
    """What is wrong with the page at this size: an empty list when nothing is."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url)
    problems = []
    statement = page.locator(".site-header .eu-statement")
    if statement.inner_text().strip() != STATEMENTS[language]:
        problems.append(f"statement {statement.inner_text()!r}")
    for selector in (".site-header .eu-emblem", ".site-header .eu-statement-text"):
        if not page.locator(selector).is_visible() or not _above_the_fold(page, selector, height):
            problems.append(f"{selector} not visible above the fold")
    links = page.locator(".footer-legal a").evaluate_all("links => links.map(a => a.pathname)")
    if links != [f"/{language}{path}" for path in LEGAL_PATHS]:
        problems.append(f"legal links {links}")
    return problems


@pytest.mark.parametrize("language", list(STATEMENTS))
def test_every_page_shows_emblem_and_statement_above_the_fold(page, live_server, demo, language):
    found = {}
    for name, (path, _status) in PAGE_TYPES.items():
        url = f"{live_server.url}/{language}{path}"
        if problems := _check(page, url, language, 1280, 800):
            found[name] = problems

    assert found == {}


def test_emblem_and_statement_above_the_fold_on_a_phone(page, live_server, demo):
    found = {}
    for name, (path, _status) in PAGE_TYPES.items():
        if problems := _check(page, f"{live_server.url}/en{path}", "en", 390, 844):
            found[name] = problems

    assert found == {}


def test_legal_pages_open_from_the_footer(page, live_server, demo):
    page.goto(f"{live_server.url}/sv/")
    page.locator(".footer-legal a").first.click()

    assert page.locator("h1").inner_text() == "Tillgänglighetsredogörelse"
    assert page.locator(".legal-reviewed").inner_text() == "Senast granskad den 1 december 2026."


def test_favicon_is_found(page, live_server):
    response = page.goto(f"{live_server.url}/favicon.ico")

    assert response.status == 200
    assert response.headers["content-type"] == "image/x-icon"
