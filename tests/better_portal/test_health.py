"""/health/: the database, the cache and the task worker, as a monitor reads them."""

import datetime as dt
import json

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from content.mail import deliver_mail

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get("/health/")
    return response.status_code, json.loads(response.content)


def enqueue_task(ready_for=dt.timedelta(0), run_after=None):
    """A task in the queue, enqueued `ready_for` ago (or deferred to run_after)."""
    task = deliver_mail.using(run_after=run_after) if run_after else deliver_mail
    result = task.enqueue(0)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - ready_for)


def test_healthy_with_an_empty_queue(client):
    assert health(client) == (
        200,
        {
            "status": "ok",
            "checks": {
                "database": {"status": "ok"},
                "cache": {"status": "ok"},
                "worker": {"status": "ok", "oldest_ready_task_seconds": 0, "max_seconds": 300},
            },
        },
    )


def test_answers_outside_the_language_prefix_and_is_never_cached(client):
    response = client.get("/health/")

    assert (response["Content-Type"], response["Cache-Control"]) == (
        "application/json",
        "max-age=0, no-cache, no-store, must-revalidate, private",
    )
    assert client.get("/en/health/").status_code == 404


def test_reports_the_age_of_the_oldest_ready_task(client):
    enqueue_task(ready_for=dt.timedelta(seconds=42))
    enqueue_task(ready_for=dt.timedelta(seconds=5))

    status, body = health(client)

    assert (status, body["checks"]["worker"]) == (
        200,
        {"status": "ok", "oldest_ready_task_seconds": 42, "max_seconds": 300},
    )


def test_fails_when_a_task_has_waited_longer_than_the_threshold(client, settings):
    settings.PORTAL_HEALTH_MAX_TASK_AGE = 60
    enqueue_task(ready_for=dt.timedelta(minutes=2))

    status, body = health(client)

    assert (status, body["status"], body["checks"]["worker"]) == (
        503,
        "error",
        {"status": "error", "oldest_ready_task_seconds": 120, "max_seconds": 60},
    )


def test_a_deferred_task_counts_from_when_it_is_due(client, settings):
    settings.PORTAL_HEALTH_MAX_TASK_AGE = 60
    # A retry enqueued an hour ago for 10 minutes from now, and one due 90 seconds ago.
    enqueue_task(
        ready_for=dt.timedelta(hours=1), run_after=timezone.now() + dt.timedelta(minutes=10)
    )
    enqueue_task(
        ready_for=dt.timedelta(hours=1), run_after=timezone.now() - dt.timedelta(seconds=90)
    )

    status, body = health(client)

    assert (status, body["checks"]["worker"]["oldest_ready_task_seconds"]) == (503, 90)


def test_finished_tasks_do_not_count(client, run_tasks, settings):
    settings.PORTAL_HEALTH_MAX_TASK_AGE = 60
    enqueue_task(ready_for=dt.timedelta(hours=1))
    run_tasks()

    assert health(client)[1]["checks"]["worker"]["oldest_ready_task_seconds"] == 0


def test_a_cache_that_is_down_is_reported_but_the_site_still_serves(client, cache_down):

    status, body = health(client)

    assert (status, body["status"], body["checks"]["cache"]) == (
        200,
        "ok",
        {"status": "error", "error": "ConnectionError"},
    )


def get_json(client, url):
    response = client.get(url)
    return response.status_code, json.loads(response.content)


def test_readiness_is_the_database_and_ignores_a_stuck_queue(client, settings):
    settings.PORTAL_HEALTH_MAX_TASK_AGE = 60
    enqueue_task(ready_for=dt.timedelta(minutes=2))

    # The monitor sees the stuck queue; the load balancer keeps the machine in service.
    assert health(client)[0] == 503
    assert get_json(client, "/health/ready/") == (
        200,
        {"status": "ok", "checks": {"database": {"status": "ok"}, "cache": {"status": "ok"}}},
    )


def test_liveness_asks_neither_the_database_nor_the_cache(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live/")

    assert (response.status_code, json.loads(response.content)) == (200, {"status": "ok"})
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
