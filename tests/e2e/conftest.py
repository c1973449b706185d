"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Without Chromium they are skipped and the run says so plainly; under CI (CI=true) a skip is a
failure, so a missing browser can never pass unnoticed.
"""

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIP_REASON = "Chromium is not installed (apt-get install chromium): browser tests skipped"

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test body
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in item.nodeid:
            item.add_marker(pytest.mark.e2e)
            if not CHROMIUM:
                item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


# The note on skipped browser tests, and the failure under CI, are in tests/conftest.py: under
# pytest-xdist only the controller decides the exit status, and it never loads this conftest.


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


# Recorded in the page before any of its own scripts run; Playwright's init scripts are not
# subject to the page's Content Security Policy.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    event.violatedDirective + " blocked " + (event.blockedURI || "inline") +
    " at " + event.sourceFile + ":" + event.lineNumber
  );
});
"""


@pytest.fixture
def page(browser, request, live_server):
    context = browser.new_context(locale="en-GB", timezone_id="America/New_York")
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    # Chromium reports each refused script, style or image on the console too; unlike
    # window.__cspViolations, this list survives navigations.
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.set_default_timeout(15_000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture
def axe_violations():
    """Runs axe-core (the copy pinned in axe-playwright-python) in the page; serious ones only."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(page):
        results = axe.run(page)
        return [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return run


@pytest.fixture
def csp_violations():
    """The CSP violations the current document has reported so far."""

    def collect(page):
        return page.evaluate("window.__cspViolations || []")

    return collect


@pytest.fixture
def demo(transactional_db):
    """The BETTER demo content (thematic event #3, study visits, partners, practices)."""
    call_command("load_demo", stdout=io.StringIO())


COORDINATOR_PASSWORD = "a-long-test-password"


@pytest.fixture
def admin_page(page, live_server, django_user_model, settings):
    """The browser page, logged in to /admin/ as a coordinator through the login form."""
    # A fast hasher: the live server runs in this process, so it checks the password with it too.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_superuser(
        "coord", "coord@better.example", COORDINATOR_PASSWORD
    )
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("coord")
    page.get_by_label("Password").fill(COORDINATOR_PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.locator("#logout-form").wait_for()
    return page
