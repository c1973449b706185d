"""Queries per request and uncached render time of each benchmarked page, with Django's test
Client against the benchmark database. Prints JSON: {name: {url, queries, ms, status}}.

The page cache is on, as when served, and made stale before every measured request (as an edit
does): the counts and times are those of a miss, the first request after an edit (every content
version replaced, so the fragment caches miss too).

With --uncached, the page cache is off and nothing is made stale, as on the uncached server of
`make bench` (PORTAL_PAGE_CACHE=0): the fragment caches (event cards, filter forms) stay warm.
Each page also reports `calls`, the function calls of one request under cProfile (deterministic,
unlike the times on a shared machine), and `min_ms`.
Usage: python bench/queries.py [--uncached] [--repeat N] [name ...]
"""

import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "better_portal.settings")
UNCACHED = "--uncached" in sys.argv
os.environ["PORTAL_PAGE_CACHE"] = "0" if UNCACHED else "1"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from content.page_cache import bump_content_version  # noqa: E402
from content.scoping import activate  # noqa: E402
from content.site import default_project  # noqa: E402
from events.models import Event  # noqa: E402
from partners.models import Organisation  # noqa: E402
from practices.models import GoodPractice  # noqa: E402

REPEAT = 5
SEARCH_TERM = "mobility"


def urls():
    """The benchmarked pages; the event is the latest published one with workshops, the partner
    the lead partner (the most events), the practice the latest published one examined at
    events."""
    event = Event.objects.published().filter(workshops__isnull=False).order_by("-pk").first()
    partner = Organisation.objects.order_by("partner_number", "pk").first()
    practice = GoodPractice.objects.published().filter(events__isnull=False).order_by("-pk").first()
    published = Event.objects.published().count()
    deep_page = max(1, min(500, published // 20))
    return {
        "home": "/en/",
        "events list p1": "/en/events/",
        f"events list p{deep_page}": f"/en/events/?page={deep_page}",
        "filtered list": "/en/events/?kind=study_visit&year=2020",
        "event page": event.get_absolute_url() if event else "/en/events/",
        "partner page": partner.get_absolute_url() if partner else "/en/partners/",
        "practice catalogue": "/en/practices/",
        "practice page": practice.get_absolute_url() if practice else "/en/practices/",
        "search": f"/en/search/?q={SEARCH_TERM}",
        "ICS feed": "/en/events/calendar.ics",
        "JSON export": "/en/api/events/",
    }


def measure(client, url):
    client.get(url)  # the first request loads templates, translations and zone data
    times, count, status = [], 0, 0
    for _ in range(REPEAT):
        if not UNCACHED:
            bump_content_version()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        count, status = len(queries), response.status_code
    if not UNCACHED:
        bump_content_version()
    profile = cProfile.Profile()
    profile.runcall(client.get, url)
    return {
        "url": url,
        "queries": count,
        "ms": round(statistics.median(times), 1),
        "min_ms": round(min(times), 1),
        "calls": pstats.Stats(profile).total_calls,
        "status": status,
    }


def main(args):
    global REPEAT
    names = [a for a in args if not a.startswith("--")]
    if "--repeat" in args:
        REPEAT = int(args[args.index("--repeat") + 1])
        names.remove(str(REPEAT))
    # No setup_test_environment(): its instrumented rendering copies every template context, which
    # would double the render times measured here.
    client = Client(HTTP_HOST="127.0.0.1")
    with activate(default_project()):  # the pages of the project served on 127.0.0.1
        pages = urls()
    chosen = {n: u for n, u in pages.items() if not names or any(n.startswith(x) for x in names)}
    print(json.dumps({name: measure(client, url) for name, url in chosen.items()}))


if __name__ == "__main__":
    main(sys.argv[1:])
