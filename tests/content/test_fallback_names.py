"""The "(in English)" hint is for prose only: names of places, organisations and people (and a
text entered identically in several languages) are not missing translations."""

import datetime as dt

import pytest

from events.models import EventChange
from tests.factories import EventChangeFactory, EventFactory, GoodPracticeFactory
from tests.html import inner, item_titles, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved_event():
    event = EventFactory(
        slug="thematic-event-3",
        title_en="Virtual thematic event",
        title_sv="Virtuellt tematiskt evenemang",
        city_en="Gothenburg",
        venue_en="Svenska Mässan",
    )
    EventChangeFactory(
        event=event,
        previous_start_date=dt.date(2020, 3, 1),
        previous_date_precision=EventChange.Precision.MONTH,
        previous_city_en="Birmingham",
        reason_en="moved online",
        reason_sv="flyttat online",
    )
    return event


def test_place_names_carry_no_fallback_hint(client, moved_event):
    html = client.get("/sv/events/thematic-event-3/").content.decode()

    assert text(inner(html, '<section class="changes"')).endswith("i Birmingham. Flyttat online")
    assert "Birmingham (på engelska)" not in html
    place = html.split("<dt>Plats</dt>", 1)[1].split("</dd>", 1)[0]
    assert text(place) == "Svenska Mässan, Gothenburg"


def test_prose_still_carries_fallback_hint(client, moved_event):
    html = client.get("/sv/events/thematic-event-3/").content.decode()

    assert text(inner(html, '<div class="lead">')) == "An event of the project.(på engelska)"


def test_practice_name_same_in_several_languages_no_hint(client):
    GoodPracticeFactory(title_en="Segnalaci", title_it="Segnalaci", title_et="Segnalaci")
    GoodPracticeFactory(title_en="Job policy platform", title_et="Tööpoliitika platvorm")

    html = client.get("/sv/practices/").content.decode()

    titles = sorted(item_titles(html, "practice-item"))
    assert titles == ["Job policy platform (på engelska)", "Segnalaci"]
