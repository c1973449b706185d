"""Redis down is a cache miss (better_portal/cache.py): pages and logins still work, the outage is
logged once. Real connections: a closed local port, the Redis on 6379 and a private redis-server."""

import datetime as dt
import logging
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.contrib.sessions.models import Session
from django.core.cache import cache

from tests.factories import EventFactory
from tests.html import inner, item_titles

pytestmark = pytest.mark.django_db

BACKEND = "better_portal.cache.FailSoftRedisCache"


def free_port():
    """A local port where nothing listens (connections to it are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_redis(settings, location, **params):
    settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": location, **params}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.PORTAL_PAGE_CACHE = True


def outage_records(caplog):
    return [r for r in caplog.records if r.name == "better_portal.cache"]


@pytest.fixture
def event():
    return EventFactory(
        title_en="Study visit in Tartu",
        slug="tartu",
        start_date=dt.date(2099, 3, 1),
        end_date=dt.date(2099, 3, 1),
    )


@pytest.fixture
def redis_down(settings):
    # RETRY_SECONDS=0: every operation asks the closed port again, the worst case for the log.
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0", RETRY_SECONDS=0)


def test_pages_and_admin_login_served_with_redis_down_outage_logged_once(
    client, event, coordinator, redis_down, caplog
):
    caplog.set_level(logging.INFO, logger="better_portal.cache")

    home = client.get("/en/")
    detail = client.get("/en/events/tartu/")
    again = client.get("/en/")
    login = client.post(
        "/admin/login/?next=/admin/",
        {"username": "coord", "password": "a-long-test-password", "next": "/admin/"},
    )
    admin_index = client.get("/admin/")

    upcoming = inner(home.content.decode(), '<section aria-labelledby="upcoming-heading"')
    assert item_titles(upcoming, "event-item") == ["Study visit in Tartu"]
    assert again.content == home.content
    assert "<h1>Study visit in Tartu</h1>" in detail.content.decode()
    assert (login.status_code, login["Location"]) == (302, "/admin/")
    assert admin_index.status_code == 200
    assert admin_index.context["user"] == coordinator
    [record] = outage_records(caplog)
    assert (record.levelname, record.getMessage().split(" (")[0]) == (
        "ERROR",
        f"The cache at {cache._location} does not answer",
    )


def test_session_written_to_database_with_redis_down(client, coordinator, redis_down):
    client.post("/admin/login/", {"username": "coord", "password": "a-long-test-password"})

    session = Session.objects.get(session_key=client.cookies["sessionid"].value)

    assert session.get_decoded()["_auth_user_id"] == str(coordinator.pk)


def test_cache_operations_are_misses_with_redis_down(redis_down):
    cache.set("key", "value")

    assert (
        cache.get("key", "default"),
        cache.get_many(["key"]),
        cache.add("key", "value"),
        cache.delete("key"),
        "key" in cache,
    ) == ("default", {}, False, False, False)
    with pytest.raises(ValueError):
        cache.incr("key")


def test_working_redis_still_caches_pages(client, event, settings, django_assert_num_queries):
    use_redis(settings, "redis://127.0.0.1:6379/15", KEY_PREFIX=f"test-cache-{free_port()}")
    first = client.get("/en/events/tartu/")

    with django_assert_num_queries(0):
        second = client.get("/en/events/tartu/")

    assert second.content == first.content
    assert "<h1>Study visit in Tartu</h1>" in second.content.decode()
    cache.clear()


@pytest.fixture
def private_redis():
    """Start and stop a redis-server of our own: (port, start, stop)."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    port, processes = free_port(), []

    def start():
        args = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        processes.append(subprocess.Popen(args, stdout=subprocess.DEVNULL))
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop():
        processes[-1].terminate()
        processes[-1].wait(10)

    yield port, start, stop
    for process in processes:
        process.kill()
        process.wait(10)


def test_redis_stopped_and_restarted_during_requests(
    client, event, settings, private_redis, caplog
):
    """Slow (about a second): a real Redis stopped between requests, then started again."""
    port, start, stop = private_redis
    start()
    use_redis(settings, f"redis://127.0.0.1:{port}/0", RETRY_SECONDS=0)
    caplog.set_level(logging.INFO, logger="better_portal.cache")
    before = client.get("/en/events/tartu/")

    stop()
    during = [client.get("/en/events/tartu/") for _ in range(5)]
    start()
    after = client.get("/en/events/tartu/")

    assert [r.content for r in during + [after]] == [before.content] * 6
    assert [r.levelname for r in outage_records(caplog)] == ["ERROR", "WARNING"]
    assert "answers again" in outage_records(caplog)[1].getMessage()


def test_pages_cached_before_an_outage_are_stale_once_redis_answers_again(
    client, event, settings, private_redis
):
    """Slow (a few seconds): a Redis that hangs (SIGSTOP) keeps its data, including pages
    cached before an edit whose new content version was not sent while it was down."""
    port, start, stop = private_redis
    start()
    use_redis(settings, f"redis://127.0.0.1:{port}/0", RETRY_SECONDS=1)
    before = client.get("/en/events/tartu/")
    pid = redis.Redis(port=port).info("server")["process_id"]

    os.kill(pid, signal.SIGSTOP)
    try:
        during = client.get("/en/events/tartu/")  # times out: Redis is not asked for 1 s
        event.title_en = "Study visit in Tartu, moved"
        event.save()  # so its new content version is never sent
    finally:
        os.kill(pid, signal.SIGCONT)
    time.sleep(1.2)  # past RETRY_SECONDS: the next request asks Redis again
    after = client.get("/en/events/tartu/")

    assert [inner(r.content.decode(), "<h1") for r in (before, during, after)] == [
        "Study visit in Tartu",
        "Study visit in Tartu",
        "Study visit in Tartu, moved",
    ]
