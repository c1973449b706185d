from contextlib import contextmanager

import pytest
from django.utils import translation


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

    @contextmanager
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
