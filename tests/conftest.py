import contextlib
import os

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation
from hypothesis import settings as hypothesis_settings

# Hypothesis profiles: max_examples is the count for the read-only fuzz tests; the workspace form
# tests, which write on every example, run 3/5 of it (tests/security/test_fuzzing.py).
# HYPOTHESIS_PROFILE=thorough runs many more on demand; CI (CI=true) runs "ci" unless told.
hypothesis_settings.register_profile("default", max_examples=50)
hypothesis_settings.register_profile("ci", max_examples=25, print_blob=True)
hypothesis_settings.register_profile("thorough", max_examples=1000)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """MD5 instead of PBKDF2 (a third of a second per password): no test checks the hasher, and
    the session scope covers module-scoped data (load_demo's staff logins) as well."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session")
def shared_data(django_db_setup, django_db_blocker):
    """A context manager for a module-scoped fixture that makes data once for tests that only
    read it, as TestCase.setUpTestData does: the data is made in an outer transaction, each
    test's own transaction (pytest-django's db) is a savepoint inside it and is rolled back after
    the test, and the outer one is rolled back when the fixture ends. For non-transactional
    tests only; run with --dist loadscope (make test) so a module stays on one worker in order."""

    @contextlib.contextmanager
    def shared():
        from content.scoping import activate
        from content.site import default_project

        # In the project the tests' requests are served in, as the tests themselves are.
        with django_db_blocker.unblock(), transaction.atomic(), activate(default_project()):
            yield
            transaction.set_rollback(True)

    return shared


@pytest.fixture(autouse=True)
def _english_by_default():
    """Every test starts in English; translation tests override explicitly."""
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_superuser(
        "coord", "coord@better.example", "a-long-test-password"
    )


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


# Under CI a skipped browser test fails the run (tests/e2e/conftest.py says why). This lives here,
# not in tests/e2e/conftest.py: under pytest-xdist the controller, whose exit status is the run's,
# collects nothing, so it never loads that conftest and its session.items is empty; it does see
# every worker's reports through this hook.
_skipped_browser_tests = []


def pytest_runtest_logreport(report):
    if report.skipped and "tests/e2e/" in report.nodeid:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skipped_browser_tests.append((report.nodeid, reason.removeprefix("Skipped: ")))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _skipped_browser_tests:
        reason = _skipped_browser_tests[0][1]
        terminalreporter.write_line(
            f"NOTE: {len(_skipped_browser_tests)} browser tests skipped: {reason}."
            + (" Under CI that fails the run." if os.environ.get("CI") else "")
        )


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("CI") and _skipped_browser_tests and session.exitstatus == 0:
        session.exitstatus = 1


@pytest.fixture
def run_tasks():
    """Work the task queue as `manage.py db_worker` does, in this process, until no task is
    ready (a deferred retry waits for its time); returns how many tasks ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )

    def run():
        ran = 0
        while (result := DBTaskResult.objects.ready().first()) is not None:
            result.claim(worker.worker_id)
            worker.run_task(result)
            ran += 1
        return ran

    return run


@pytest.fixture
def committed(django_capture_on_commit_callbacks, run_tasks):
    """`with committed():` runs, as if committed, what the block left for after the commit
    (enqueueing the mails), then works the task queue."""

    @contextlib.contextmanager
    def block():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        run_tasks()

    return block


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, a test database in a file rather than in memory, so that another process
    (the task worker in tests/content/test_worker.py) can open it."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3" and not database["TEST"].get("NAME"):
        database["TEST"]["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


def pytest_configure(config):
    """Code outside a test function (module- and session-scoped fixtures) sees every project's
    rows, as the programme level does."""
    from django_scopes.state import state

    state.set({"_enabled": False})


@pytest.fixture(autouse=True)
def _served_project(request, _uncached_site_identity):
    """A test with the database runs in the project the test client's requests are served in
    (the first), as a one-project instance's code does; `every_project()` or `activate()` in
    the test reach the others. A test marked `unscoped` runs with no project active."""
    from django_scopes.state import state

    if request.node.get_closest_marker("unscoped") is not None:
        token = state.set({})
        yield
        state.reset(token)
        return
    names = request.fixturenames
    if request.node.get_closest_marker("django_db") is None and not (
        "db" in names or "transactional_db" in names
    ):
        yield
        return
    from content.scoping import activate
    from content.site import default_project

    request.getfixturevalue("transactional_db" if _transactional(request) else "db")
    # Where a transactional test emptied the tables (PostgreSQL keeps its sequences), the first
    # call makes the project, and a project made replaces the versions: the list it cached is
    # stale. The second reads it again, so that the test starts with it cached, as an instance
    # does, whatever ran before it on this worker (query counts would be one higher).
    default_project()
    with activate(default_project()):
        yield


def _transactional(request):
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    return (
        "transactional_db" in names
        or "live_server" in names
        or bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    )


@pytest.fixture(autouse=True)
def _uncached_site_identity():
    """The site identity is cached until the content changes, but a test's rolled-back rows
    change no version: each test reads the identity and the content its own database holds."""
    from django.core.cache import cache

    from content import page_cache
    from content.page_cache import bump_content_version, local_entries
    from content.site import PROJECTS_CACHE_KEY

    cache.delete(PROJECTS_CACHE_KEY)
    local_entries.clear()
    # What a request remembers is forgotten when its response is closed; a test that left a
    # streamed response (a file, a feed) unread never closed it, and its versions would serve
    # this test's reads outside any request (query counts one higher, in whatever test ran
    # next on this worker after the cache was cleared).
    page_cache._end_request()
    page_cache._namespaces_by_place.clear()
    # Nor is what an earlier test cached (a page, a fragment) valid for this one's rows.
    bump_content_version()


@pytest.fixture
def page_cache(settings):
    """The page cache on (in this process's memory cache, emptied before and after)."""
    from django.core.cache import cache

    settings.PORTAL_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fragment_cache(settings):
    """As on an uncached server with Redis: the page cache off, the fragment caches on (in
    this process's memory cache, emptied before and after)."""
    from django.core.cache import cache

    settings.PORTAL_PAGE_CACHE = False
    settings.PORTAL_FRAGMENT_CACHE = True
    cache.clear()
    yield
    cache.clear()
