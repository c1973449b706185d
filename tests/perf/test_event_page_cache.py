"""The event page's parts (facts, timetable, practices, gallery, structured data) are cached
fragments (templates/events/event_detail.html, events/views.py EventPageParts): a warm page
reads the event's row alone, shows what it showed uncached, and every published edit of what
it shows appears on the next request. The page cache is off, as on an uncached server."""

import datetime as dt

import pytest

from events.models import EventPhoto, Material, Participation
from tests.events.test_photos import camera_jpeg
from tests.factories import (
    EventChangeFactory,
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    PartnerFactory,
    PersonFactory,
    ThemeFactory,
    WorkshopFactory,
)
from tests.html import text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache")]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def event():
    host = PartnerFactory(name_en="Tartu City Government", short_name="Tartu", partner_number=4)
    event = EventFactory(
        title_en="Digital services",
        title_sv="Digitala tjänster",
        slug="digital",
        host=host,
        start_time=dt.time(10, 30),
        end_time=dt.time(12, 0),
        start_date=dt.date(2020, 6, 16),
        end_date=dt.date(2020, 6, 16),
    )
    Participation.objects.create(event=event, organisation=PartnerFactory(name_en="Gävle"))
    event.themes.add(ThemeFactory(name_en="Open data"))
    practice = GoodPracticeFactory(title_en="Citizen portal", status="published")
    event.practices.add(practice)
    workshop = WorkshopFactory(event=event, title_en="Welcome", order=1)
    workshop.experts.add(PersonFactory(name="Lauri Sock", organisation=host, is_public=True))
    Material.objects.create(workshop=workshop, title_en="Slides", url="https://example.org/s")
    EventChangeFactory(event=event, previous_city_en="Birmingham")
    return event


def _page(client, url="/en/events/digital/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_cached_event_page_is_the_page_rendered_without_fragments(client, settings, event):
    settings.PORTAL_FRAGMENT_CACHE = False
    uncached = _page(client)
    settings.PORTAL_FRAGMENT_CACHE = True
    cold, warm = _page(client), _page(client)
    assert cold == uncached
    assert warm == uncached
    assert "Lauri Sock (P4 Tartu)" in warm
    assert '"subEvent"' in warm


def test_warm_event_page_reads_only_the_event(client, event, django_assert_num_queries):
    _page(client)
    with django_assert_num_queries(1):
        html = _page(client)
    assert "Citizen portal" in html


def test_parts_are_cached_per_zone_and_language(client, event):
    assert "10:30–12:00 CEST" in text(_page(client))
    assert "08:30–10:00 UTC" in text(_page(client, "/en/events/digital/?tz=UTC"))
    assert "10:30–12:00 CEST" in text(_page(client, "/en/events/digital/?tz=Europe/Stockholm"))
    swedish = _page(client, "/sv/events/digital/")
    assert "Digitala tjänster" in swedish
    assert "Digital services" not in swedish.split("<main", 1)[1]


def test_invalid_zone_shows_its_error_with_warm_parts(client, event):
    _page(client)
    html = _page(client, "/en/events/digital/?tz=Mars/Olympus")
    assert 'id="tz-error"' in html
    assert 'id="tz-error"' not in _page(client)


def test_edits_of_what_the_page_shows_appear_on_the_next_request(client, event):
    _page(client)
    workshop = event.workshops.get()
    workshop.title_en = "Opening"
    workshop.end = dt.datetime(2020, 6, 16, 11, 0, tzinfo=dt.UTC)
    workshop.save()
    html = _page(client)
    assert "Opening" in html
    assert "10:30–13:00 CEST" in text(html)

    expert = workshop.experts.get()
    expert.name = "Lauri Uus"
    expert.save()
    assert "Lauri Uus (P4 Tartu)" in _page(client)

    Material.objects.create(workshop=workshop, title_en="Minutes", url="https://example.org/m")
    assert ">Minutes</a>" in _page(client)

    practice = event.practices.get()
    practice.title_en = "Citizen portal 2.0"
    practice.save()
    assert "Citizen portal 2.0" in _page(client)

    theme = event.themes.get()
    theme.name_en = "Data"
    theme.save()
    assert "<li>Data</li>" in _page(client)

    EventPhoto.objects.create(
        event=event, image=camera_jpeg(), caption="City hall", is_cleared=True, is_approved=True
    )
    assert "<figcaption>City hall</figcaption>" in _page(client)

    event.status = "cancelled"
    event.save()
    assert '<strong class="badge badge-cancelled">' in _page(client)


def test_unpublished_event_is_gone_on_the_next_request(client, event):
    _page(client)
    event.is_published = False
    event.save()
    assert client.get("/en/events/digital/").status_code == 404


def test_preview_of_a_draft_shows_each_edit(admin_client, event):
    event.is_published = False
    event.save()
    assert "Digital services" in _page(admin_client)
    event.title_en = "Draft title"
    event.save()
    assert "Draft title" in _page(admin_client)
    other = OrganisationFactory(name_en="Newcomer")
    Participation.objects.create(event=event, organisation=other)
    assert "Newcomer" in _page(admin_client)
