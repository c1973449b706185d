"""Query budgets of the public pages that tests/<app>/test_views.py do not pin yet: each page
costs the same number of queries with one item as with many (no N+1)."""

import datetime as dt

import pytest

from events.models import Participation
from tests.factories import (
    EventChangeFactory,
    EventFactory,
    GoodPracticeFactory,
    PartnerFactory,
    PersonFactory,
    ThemeFactory,
    TransferFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached_server(settings):
    """The counts of a server without the page and fragment caches (the default, SQLite and
    local memory), whatever REDIS_URL says: with the fragments on, a list reads its cards'
    rows another way (their pks first, then the rows of the cards not cached)."""
    settings.PORTAL_PAGE_CACHE = False
    settings.PORTAL_FRAGMENT_CACHE = False


def _events(count, host=None, theme=None):
    for _ in range(count):
        event = EventFactory(kind="study_visit", **({"host": host} if host else {}))
        workshop = WorkshopFactory(event=event)
        workshop.experts.add(PersonFactory())
        event.themes.add(theme or ThemeFactory())
        event.practices.add(GoodPracticeFactory())
        EventChangeFactory(event=event)
        Participation.objects.create(event=event, organisation=PartnerFactory())


def _assert_constant(client, django_assert_num_queries, url, expected, grow):
    grow(1)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    grow(12)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_partner_page_query_count_constant(client, django_assert_num_queries):
    host = PartnerFactory(slug="host")

    def grow(n):
        _events(n, host=host)
        for _ in range(n):
            PersonFactory(organisation=host)
            TransferFactory(importer=host)
            GoodPracticeFactory(owner=host).themes.add(ThemeFactory())

    # With the projects the organisation takes part in (one query, cached until an edit).
    _assert_constant(client, django_assert_num_queries, "/en/partners/host/", 10, grow)


def test_filtered_and_deep_event_list_query_count_constant(client, django_assert_num_queries):
    theme = ThemeFactory(slug="data")

    def grow(n):
        _events(n, theme=theme)

    url = "/en/events/?kind=study_visit&theme=data&year=2020"
    _assert_constant(client, django_assert_num_queries, url, 8, grow)
    _events(30, theme=theme)
    with django_assert_num_queries(8):
        assert client.get(url + "&page=2").status_code == 200


def test_event_calendar_query_count_constant(client, django_assert_num_queries):
    event = EventFactory(slug="ics")

    def grow(n):
        for _ in range(n):
            WorkshopFactory(event=event)
            EventChangeFactory(event=event)

    _assert_constant(client, django_assert_num_queries, "/en/events/ics/calendar.ics", 4, grow)


def test_practice_catalogue_by_theme_query_count_constant(client, django_assert_num_queries):
    theme = ThemeFactory(slug="data")

    def grow(n):
        for _ in range(n):
            GoodPracticeFactory().themes.add(theme, ThemeFactory())

    _assert_constant(client, django_assert_num_queries, "/en/practices/?theme=data", 7, grow)


@pytest.mark.parametrize(
    ("url", "expected"), [("/en/api/practices/", 4), ("/en/api/organisations/", 3)]
)
def test_api_lists_query_count_constant(client, django_assert_num_queries, url, expected):
    def grow(n):
        for _ in range(n):
            GoodPracticeFactory().themes.add(ThemeFactory())

    _assert_constant(client, django_assert_num_queries, url, expected, grow)


def test_embed_query_count_constant(client, django_assert_num_queries):
    def grow(n):
        for _ in range(n):
            EventFactory(start_date=dt.date(2099, 1, 1), end_date=dt.date(2099, 1, 1))

    _assert_constant(client, django_assert_num_queries, "/en/embed/events/", 1, grow)


def test_sitemap_query_count_constant(client, django_assert_num_queries):
    def grow(n):
        _events(n)

    # The events, practices and organisations (the projects stay cached: no project changed).
    _assert_constant(client, django_assert_num_queries, "/sitemap.xml", 3, grow)
