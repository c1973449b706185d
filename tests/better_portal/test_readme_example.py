"""The README's example of the JSON export is the API's real answer, not a hand-written guess."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from events.models import Event, EventChange, Participation
from tests.factories import (
    EventChangeFactory,
    EventFactory,
    PartnerFactory,
    PersonFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE = re.compile(
    r"Example: `curl -H 'If-None-Match: \"...\"' 'https://better\.example(?P<url>[^']+)'`\n\n"
    r"```json\n(?P<answer>.*?)\n```",
    re.S,
)


def readme_example():
    match = EXAMPLE.search(README.read_text(encoding="utf-8"))
    return match["url"], match["answer"]


@pytest.fixture
def thematic_event_3():
    """Thematic event #3 of the demo data, with one of its workshops and its move online."""
    birmingham = PartnerFactory(
        slug="birmingham", short_name="Birmingham", partner_number=2, timezone="Europe/London"
    )
    tartu = PartnerFactory(slug="tartu", short_name="Tartu", partner_number=4)
    event = EventFactory(
        kind=Event.Kind.THEMATIC,
        number=3,
        slug="thematic-event-3",
        title_en="BETTER virtual thematic event",
        title_et="BETTER projekti virtuaalne temaatiline üritus",
        summary_en="The BETTER team held its thematic event #3 online.",
        host=birmingham,
        timezone="Europe/Rome",
        start_date=dt.date(2020, 6, 16),
        end_date=dt.date(2020, 6, 18),
        start_time=dt.time(10, 30),
        end_time=dt.time(12, 0),
        format=Event.Format.ONLINE,
        online_platform="Webex",
        status=Event.Status.MOVED_ONLINE,
    )
    Participation.objects.create(event=event, organisation=birmingham, role="host")
    Participation.objects.create(event=event, organisation=tartu)
    workshop = WorkshopFactory(
        event=event,
        order=1,
        title_en="Building partnerships for data collection",
        title_et="Partnerluse kujundamine andmete kogumiseks",
        start=dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC),
        end=dt.datetime(2020, 6, 16, 10, 0, tzinfo=dt.UTC),
    )
    workshop.experts.add(PersonFactory(name="Lauri Sock", organisation=tartu))
    EventChangeFactory(event=event, previous_date_precision=EventChange.Precision.MONTH)
    # A fixed save time, so that the example's `updated` is the real value.
    Event.objects.filter(pk=event.pk).update(
        updated=dt.datetime(2026, 11, 23, 13, 9, 15, tzinfo=dt.UTC)
    )
    return event


def test_readme_json_example_is_the_api_answer(client, settings, thematic_event_3):
    settings.ALLOWED_HOSTS = ["better.example"]
    url, answer = readme_example()

    response = client.get(url, HTTP_HOST="better.example", secure=True)

    assert response.status_code == 200
    assert json.loads(answer) == response.json()
