"""Pins for issue 20: the literal calendar UIDs of the demo loaded into an empty database.

What an instance that ran `load_demo` first (the demo site, a developer's `make run`) holds, on
SQLite and PostgreSQL alike: the numbering starts at 1 and follows load_demo's order. A
transactional test with the sequences reset, as the module-scoped pins in
test_calendar_uids.py cannot fix the primary keys (see there).
"""

import io

import icalendar
import pytest
from django.core.management import call_command


def _sequences_past_the_projects():
    """A migrated database holds the first project (its migration makes it), and its sequence
    has passed it: reset_sequences set every sequence back to 1, the projects' too."""
    from django.core.management.color import no_style
    from django.db import connection

    from content.site import Project

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Project]):
            cursor.execute(statement)


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_uids_of_a_fresh_demo(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _sequences_past_the_projects()
    call_command("load_demo", stdout=io.StringIO())

    cal = icalendar.Calendar.from_ical(client.get("/en/events/calendar.ics").content)
    entries = [
        (str(e["uid"]), str(e["related-to"]) if "related-to" in e else None, str(e["url"]))
        for e in cal.walk("VEVENT")
    ]

    assert entries == [
        ("event-4@better.example", None, "http://testserver/en/events/study-visit-gavle-2021-10/"),
        (
            "event-3@better.example",
            None,
            "http://testserver/en/events/study-visit-nyiregyhaza-2021-09/",
        ),
        ("event-2@better.example", None, "http://testserver/en/events/study-visit-genoa-2021-07/"),
        (
            "event-6@better.example",
            None,
            "http://testserver/en/events/next-generation-of-public-services-2021/",
        ),
        ("event-1@better.example", None, "http://testserver/en/events/thematic-event-3/"),
        (
            "workshop-1@better.example",
            "event-1@better.example",
            "http://testserver/en/events/thematic-event-3/",
        ),
        (
            "workshop-2@better.example",
            "event-1@better.example",
            "http://testserver/en/events/thematic-event-3/",
        ),
        (
            "workshop-3@better.example",
            "event-1@better.example",
            "http://testserver/en/events/thematic-event-3/",
        ),
        ("event-5@better.example", None, "http://testserver/en/events/offentliga-rummet-2018/"),
    ]
