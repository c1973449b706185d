"""The search page's one statement (content.search.first_matches): what the reader sees is what
the per-kind queries showed before (order, capped counts, languages), for any text."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection

from tests.better_portal.test_views import search_queries
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    ParticipationFactory,
    PartnerFactory,
    ThemeFactory,
)
from tests.html import inner, item_titles, text

pytestmark = pytest.mark.django_db


def section(html, key):
    return inner(html, f'<section aria-labelledby="results-{key}"')


def test_search_results_in_each_kinds_order(client):
    EventFactory(
        title_en="Harbour old", start_date=dt.date(2019, 1, 1), end_date=dt.date(2019, 1, 1)
    )
    EventFactory(
        title_en="Harbour new", start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 1)
    )
    EventFactory(
        title_en="Harbour mid", start_date=dt.date(2021, 1, 1), end_date=dt.date(2021, 1, 1)
    )
    GoodPracticeFactory(title_en="Harbour c")
    GoodPracticeFactory(title_en="Harbour a")
    GoodPracticeFactory(title_en="Harbour b")
    OrganisationFactory(name_en="Harbour z outside")
    OrganisationFactory(name_en="Harbour a outside")
    PartnerFactory(name_en="Harbour partner two", partner_number=2)
    PartnerFactory(name_en="Harbour partner one", partner_number=1)

    html = client.get("/en/search/", {"q": "harbour"}).content.decode()

    assert item_titles(section(html, "events"), "event-item") == [
        "Harbour new",
        "Harbour mid",
        "Harbour old",
    ]
    assert item_titles(section(html, "practices"), "practice-item") == [
        "Harbour a",
        "Harbour b",
        "Harbour c",
    ]
    assert item_titles(section(html, "organisations"), "organisation-item") == [
        "Harbour partner one",
        "Harbour partner two",
        "Harbour a outside",
        "Harbour z outside",
    ]


def test_search_counts_more_than_one_hundred_per_kind(client):
    EventFactory.create_batch(101, title_en="Harbour day")
    GoodPracticeFactory.create_batch(100, title_en="Harbour plan")

    html = client.get("/en/search/", {"q": "harbour"}).content.decode()

    assert text(inner(html, '<h2 id="results-events"')) == "Events (more than 100)"
    assert text(inner(html, '<h2 id="results-practices"')) == "Good practices (100)"
    assert text(inner(html, '<h2 id="results-organisations"')) == "Organisations (0)"
    assert item_titles(section(html, "events"), "event-item") == ["Harbour day"] * 20


@pytest.mark.parametrize("query", ["'", "%", "_", "\\", ";", "a'b; --", "100%_\\x", "' OR 1=1 --"])
def test_search_metacharacters_found_literally(client, query):
    # Names without digits: on PostgreSQL "' OR 1=1 --" is the prefixes "or" and "1", which a
    # factory name such as "Organisation 1304" would rightly match.
    EventFactory(title_en="Plain event", host=OrganisationFactory(name_en="Plain host"))
    OrganisationFactory(name_en="Plain organisation")

    response = client.get("/en/search/", {"q": query})

    html = response.content.decode()
    assert response.status_code == 200
    assert item_titles(section(html, "events"), "event-item") == []
    assert item_titles(section(html, "organisations"), "organisation-item") == []


def test_search_metacharacters_in_text_found(client):
    OrganisationFactory(name_en="Rate 100%_off \\ o'brien; ltd")
    OrganisationFactory(name_en="Rate 100 off")

    html = client.get("/en/search/", {"q": "100%_off"}).content.decode()

    found = item_titles(section(html, "organisations"), "organisation-item")
    if connection.vendor == "postgresql":  # words as prefixes: "100" and "_off" ("off")
        assert sorted(found) == ["Rate 100 off", "Rate 100%_off \\ o'brien; ltd"]
    else:  # the substring, literally
        assert found == ["Rate 100%_off \\ o'brien; ltd"]


def test_search_in_reader_language_or_english(client):
    EventFactory(title_en="Harbour walk", title_et="Sadama jalutuskäik")
    EventFactory(title_en="Other", title_et="Sadama päev")

    estonian = client.get("/et/search/", {"q": "sadama"}).content.decode()
    english = client.get("/et/search/", {"q": "harbour"}).content.decode()
    italian = client.get("/it/search/", {"q": "sadama"}).content.decode()

    assert sorted(item_titles(section(estonian, "events"), "event-item")) == [
        "Sadama jalutuskäik",
        "Sadama päev",
    ]
    assert item_titles(section(english, "events"), "event-item") == ["Sadama jalutuskäik"]
    assert item_titles(section(italian, "events"), "event-item") == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement")
def test_search_one_statement_on_postgresql(django_assert_num_queries):
    from django.db.models import F

    from content.search import first_matches
    from events.models import Event
    from partners.models import Organisation
    from practices.models import GoodPractice

    EventFactory(title_en="Harbour day")
    GoodPracticeFactory(title_en="Harbour plan")
    organisations = Organisation.objects.order_by(F("partner_number").asc(nulls_last=True), "name")
    kinds = [
        ("events", Event.objects.published()),
        ("practices", GoodPractice.objects.published()),
        ("organisations", organisations),
    ]

    # Outside a transaction: BEGIN, the statement, ROLLBACK (the planner settings end with it).
    with django_assert_num_queries(3) as queries:
        found = first_matches(kinds, "harbour", 20, 100)
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        seqscan = cursor.fetchone()[0]

    assert [q["sql"].split()[0] for q in queries.captured_queries] == [
        "BEGIN",
        "SELECT",
        "ROLLBACK",
    ]
    assert seqscan == "on"
    assert {key: count for key, (count, _pks) in found.items()} == {
        "events": 1,
        "practices": 1,
        "organisations": 0,
    }


# With the fragment cache, as on a server with Redis: the cards are fragments, and a search
# loads the rows of only the cards it has not rendered before, one query per kind of row.


def _harbour_items(n):
    """n matches of each kind: events (every other one with a co-host), practices with two
    themes, partners and outside organisations."""
    themes = [ThemeFactory(name_en="Ports"), ThemeFactory(name_en="Water")]
    for i in range(n):
        event = EventFactory(title_en=f"Harbour event {i}")
        if i % 2 == 0:
            ParticipationFactory(event=event, role="host")
        GoodPracticeFactory(title_en=f"Harbour practice {i}").themes.set(themes)
        OrganisationFactory(name_en=f"Harbour agency {i}")


def _results(html):
    """The result sections of a search page."""
    return html[html.index("<section") : html.rindex("</section>")]


@pytest.mark.usefixtures("fragment_cache")
def test_search_cold_cards_query_count_constant(client, django_assert_num_queries):
    # The statement, the site's identity (the page frame, cold too), then the cards' rows:
    # events, their co-hosts, practices, their themes, organisations.
    for n in (1, 12):
        _harbour_items(n)
        cache.clear()
        with django_assert_num_queries(search_queries(7)):
            client.get("/en/search/", {"q": "harbour"})


@pytest.mark.usefixtures("fragment_cache")
def test_search_warm_cards_read_only_the_statement(client, django_assert_num_queries):
    _harbour_items(12)
    client.get("/en/search/", {"q": "harbour"})

    # Another text that finds the same items: a new query, but every card is cached.
    with django_assert_num_queries(search_queries(1)):
        html = client.get("/en/search/", {"q": "harbo"}).content.decode()

    assert len(item_titles(section(html, "events"), "event-item")) == 12
    assert len(item_titles(section(html, "organisations"), "organisation-item")) == 12


@pytest.mark.parametrize("language", ["en", "it"])
def test_search_cards_same_html_with_and_without_fragments(client, settings, language):
    _harbour_items(3)
    url = f"/{language}/search/"
    settings.PORTAL_FRAGMENT_CACHE = False
    rows = _results(client.get(url, {"q": "harbour"}).content.decode())

    settings.PORTAL_FRAGMENT_CACHE = True
    cache.clear()
    cold = _results(client.get(url, {"q": "harbour"}).content.decode())
    warm = _results(client.get(url, {"q": "harbour"}).content.decode())

    assert cold == rows
    assert warm == rows


@pytest.mark.usefixtures("fragment_cache")
def test_search_cold_event_card_shows_its_co_host(client):
    event = EventFactory(
        title_en="Harbour day", host=PartnerFactory(short_name="Genoa", partner_number=1)
    )
    co_host = PartnerFactory(name_en="Port of Tartu", short_name="Tartu", partner_number=4)
    ParticipationFactory(event=event, organisation=co_host, role="host")
    ParticipationFactory(event=event, organisation=PartnerFactory(short_name="Gävle"))

    html = client.get("/en/search/", {"q": "harbour"}).content.decode()

    assert text(inner(section(html, "events"), '<span class="event-host"')) == "P1 Genoa, P4 Tartu"


@pytest.mark.usefixtures("fragment_cache")
def test_search_cold_cards_in_the_reader_language_after_another(client):
    # The cards' querysets are built once per language (content.columns.reusable()).
    EventFactory(title_en="Harbour day", title_it="Giornata del porto")
    GoodPracticeFactory(title_en="Harbour plan", title_it="Piano del porto")

    english = client.get("/en/search/", {"q": "harbour"}).content.decode()
    italian = client.get("/it/search/", {"q": "harbour"}).content.decode()

    assert item_titles(section(english, "events"), "event-item") == ["Harbour day"]
    assert item_titles(section(italian, "events"), "event-item") == ["Giornata del porto"]
    assert item_titles(section(italian, "practices"), "practice-item") == ["Piano del porto"]
