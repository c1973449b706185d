"""Every calendar (each event's, and the feed) in every language, read by Mozilla's ical.js
(the parser of Thunderbird) and by icalendar: no errors in either."""

import io

import icalendar
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from content import languages
from events.models import Event

from .tools import ical_errors

pytestmark = pytest.mark.django_db


def calendar_urls():
    urls = []
    for lang in languages.codes():
        with translation.override(lang):
            urls.append(reverse("events:calendar"))
            for slug in Event.objects.published().values_list("slug", flat=True):
                urls.append(reverse("events:event_calendar", kwargs={"slug": slug}))
    return urls


def test_every_calendar_in_every_language_parses_without_errors(client, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    files = []
    for index, url in enumerate(calendar_urls()):
        response = client.get(url)
        assert (url, response.status_code) == (url, 200)
        icalendar.Calendar.from_ical(response.content)  # raises on what it cannot read
        path = tmp_path / f"{index:03d}.ics"
        path.write_bytes(response.content)
        files.append(path)

    errors = ical_errors(files)

    assert {name: found for name, found in errors.items() if found} == {}
    assert len(errors) == len(files) == 6 * (1 + Event.objects.published().count())
