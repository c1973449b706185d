"""The search page's one statement (content.search.first_matches): what the reader sees is what
the per-kind queries showed before (order, capped counts, languages), for any text."""

import datetime as dt

import pytest
from django.db import connection

from tests.factories import EventFactory, GoodPracticeFactory, OrganisationFactory, PartnerFactory
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

    from content.search import first_matches
    from content.site import current_project
    from events.models import Event
    from partners.models import Organisation
    from practices.models import GoodPractice

    EventFactory(title_en="Harbour day")
    GoodPracticeFactory(title_en="Harbour plan")
    organisations = Organisation.objects.in_partner_order(nulls_last=True)
    current_project()  # looked up once (and then cached), as a request does before its search
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
