"""An edit makes stale only the cached pages that show what changed (content/page_cache.py), and
what it changes still shows on the next request."""

import datetime as dt

import pytest

from content.page_cache import SCOPES, content_version
from events.models import Event
from practices.models import GoodPractice
from tests.factories import EventFactory, GoodPracticeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def event():
    return EventFactory(
        title_en="Published event",
        slug="shown",
        start_date=dt.date(2099, 1, 1),
        end_date=dt.date(2099, 1, 2),
    )


@pytest.fixture
def practice():
    return GoodPracticeFactory(title_en="Published practice", slug="shown-practice")


def test_draft_save_changes_no_content_version(event, practice):
    draft_event = EventFactory(title_en="Draft event", is_published=False)
    draft_practice = GoodPracticeFactory(title_en="Draft", status=GoodPractice.Status.DRAFT)
    before = content_version(scopes=SCOPES)

    draft_event.title_en = "Draft event, edited"
    draft_event.save()
    draft_practice.title_en = "Draft, edited"
    draft_practice.save()
    draft_event.delete()

    assert content_version(scopes=SCOPES) == before


def test_draft_save_serves_every_public_page_from_the_cache(
    client, event, practice, django_assert_num_queries
):
    draft = EventFactory(title_en="Draft event", is_published=False)
    urls = ["/en/", "/en/events/", "/en/events/shown/", "/en/practices/", "/en/api/events/"]
    first = [client.get(url).content for url in urls]

    draft.title_en = "Draft event, edited"
    draft.save()

    with django_assert_num_queries(0):
        again = [client.get(url).content for url in urls]
    assert again == first


def test_event_edit_keeps_the_practice_catalogue_cached(
    client, event, practice, django_assert_num_queries
):
    catalogue = client.get("/en/practices/").content
    client.get("/en/events/")

    event.title_en = "Renamed event"
    event.save()

    with django_assert_num_queries(0):
        assert client.get("/en/practices/").content == catalogue
    html = client.get("/en/events/").content.decode()
    assert "Renamed event" in html
    assert "Published event" not in html


def test_publishing_a_draft_shows_it_on_the_next_request(client, event):
    draft = EventFactory(
        title_en="Fresh event",
        is_published=False,
        start_date=dt.date(2099, 2, 1),
        end_date=dt.date(2099, 2, 1),
    )
    assert "Fresh event" not in client.get("/en/events/").content.decode()

    draft.is_published = True
    draft.save()

    assert "Fresh event" in client.get("/en/events/").content.decode()


def test_unpublishing_removes_it_on_the_next_request(client, event):
    assert "Published event" in client.get("/en/events/shown/").content.decode()
    assert "Published event" in client.get("/en/events/").content.decode()

    event.is_published = False
    event.save()

    assert client.get("/en/events/shown/").status_code == 404
    assert "Published event" not in client.get("/en/events/").content.decode()


def test_practice_edit_shows_on_the_event_page_that_examines_it(client, event, practice):
    event.practices.add(practice)
    assert "Published practice" in client.get("/en/events/shown/").content.decode()

    practice.title_en = "Renamed practice"
    practice.save()

    html = client.get("/en/events/shown/").content.decode()
    assert "Renamed practice" in html
    assert "Published practice" not in html


def test_queryset_unpublish_of_events_keeps_the_practice_catalogue_cached(
    client, event, practice, django_assert_num_queries
):
    catalogue = client.get("/en/practices/").content

    Event.objects.filter(pk=event.pk).unpublish()

    with django_assert_num_queries(0):
        assert client.get("/en/practices/").content == catalogue
    assert "Published event" not in client.get("/en/events/").content.decode()
