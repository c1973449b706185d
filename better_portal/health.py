"""Health checks, JSON, never cached, outside the language prefix:

- /health/: for monitoring, whether this app machine can serve and the task queue is being
  worked: 200 when the database answers and no task has waited longer than
  PORTAL_HEALTH_MAX_TASK_AGE seconds to run; 503 otherwise.
- /health/ready/: readiness, for load balancers: 200 when this machine can serve pages (its
  database answers), 503 otherwise; a stuck queue does not take it out of service.
- /health/live/: liveness, for process supervisors: 200 whenever the process answers, without
  asking the database or the cache (restarting the app cures neither's outage).

A cache that fails is reported but fails no check: the site serves without it, only slower.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)
CACHE_KEY = "health-check"


@require_GET
@never_cache
def health(request):
    checks = {"database": _database(), "cache": _cache()}
    checks["worker"] = _worker() if checks["database"]["status"] == "ok" else {"status": "unknown"}
    failing = checks["database"]["status"] != "ok" or checks["worker"]["status"] == "error"
    body = {"status": "error" if failing else "ok", "checks": checks}
    return JsonResponse(body, status=503 if failing else 200)


@require_GET
@never_cache
def ready(request):
    checks = {"database": _database(), "cache": _cache()}
    failing = checks["database"]["status"] != "ok"
    body = {"status": "error" if failing else "ok", "checks": checks}
    return JsonResponse(body, status=503 if failing else 200)


@require_GET
@never_cache
def live(request):
    return JsonResponse({"status": "ok"})


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any driver's error: the answer is the report
        logger.error("Health check: the database does not answer: %s", error)
        return {"status": "error", "error": type(error).__name__}
    return {"status": "ok"}


def _cache():
    try:
        cache.set(CACHE_KEY, "ok", 10)
        ok = cache.get(CACHE_KEY) == "ok"
    except Exception as error:  # Redis down: the site still serves, from the database
        logger.warning("Health check: the cache does not answer: %s", error)
        return {"status": "error", "error": type(error).__name__}
    return {"status": "ok" if ok else "error"}


def _worker():
    """The age of the task that has been ready to run the longest: a deferred task is ready
    from its run_after, any other from when it was enqueued."""
    now, never = timezone.now(), get_date_max()
    oldest = DBTaskResult.objects.ready().aggregate(
        enqueued=Min("enqueued_at", filter=Q(run_after=never)),
        deferred=Min("run_after", filter=~Q(run_after=never)),
    )
    ready_since = min((t for t in oldest.values() if t is not None), default=None)
    age = round((now - ready_since).total_seconds()) if ready_since else 0
    limit = settings.PORTAL_HEALTH_MAX_TASK_AGE
    return {
        "status": "error" if age > limit else "ok",
        "oldest_ready_task_seconds": age,
        "max_seconds": limit,
    }
