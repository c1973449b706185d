import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.utils import translation

from events.models import Event
from tests.factories import EventFactory, GoodPracticeFactory, OrganisationFactory, PartnerFactory
from tests.html import inner, item_titles, json_ld, text

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "it", "et", "hu", "sv", "el"]


@pytest.fixture
def published_and_hidden():
    EventFactory(
        title_en="Future study visit",
        title_et="Tulevane õppevisiit",
        slug="future",
        start_date=dt.date(2099, 3, 1),
        end_date=dt.date(2099, 3, 1),
    )
    EventFactory(title_en="Past thematic event", slug="past")
    EventFactory(
        title_en="Hidden future draft",
        slug="hidden",
        is_published=False,
        start_date=dt.date(2099, 3, 2),
        end_date=dt.date(2099, 3, 2),
    )
    GoodPracticeFactory(title_en="Segnalaci reporting app", slug="segnalaci")
    GoodPracticeFactory(title_en="Hidden draft practice", slug="hidden-practice", status="draft")
    PartnerFactory(name_en="Municipality of Genoa", slug="genoa", partner_number=1)


# Languages


def test_root_redirects_by_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9,en;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == "/sv/"


def test_root_redirects_to_english_for_unknown_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja")

    assert response["Location"] == "/en/"


def test_language_switcher_keeps_page_and_query(client, published_and_hidden):
    response = client.get("/et/events/", {"kind": "thematic", "page": "1"})

    switcher = inner(response.content.decode(), '<nav class="language-switcher"')
    links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switcher)
    assert links == [(f"/{code}/events/?kind=thematic&amp;page=1", code) for code in LANGUAGES]
    assert 'hreflang="et" lang="et" aria-current="page">eesti</a>' in switcher


def test_language_switcher_on_event_page(client, published_and_hidden):
    response = client.get("/sv/events/future/")

    switcher = inner(response.content.decode(), '<nav class="language-switcher"')
    assert re.findall(r'<a href="([^"]+)"', switcher) == [
        f"/{code}/events/future/" for code in LANGUAGES
    ]


def test_hreflang_alternates_and_x_default_on_every_page(client, published_and_hidden):
    for path in [
        "",
        "events/",
        "events/future/",
        "practices/",
        "practices/segnalaci/",
        "partners/",
        "partners/genoa/",
        "search/",
    ]:
        html = client.get(f"/it/{path}", {"tz": "UTC"}).content.decode()

        alternates = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
        expected = [(code, f"http://testserver/{code}/{path}") for code in LANGUAGES]
        assert alternates == expected + [("x-default", f"http://testserver/en/{path}")]
        assert f'<link rel="canonical" href="http://testserver/it/{path}">' in html


# Home


def test_home_lists_published_only(client, published_and_hidden):
    html = client.get("/en/").content.decode()

    upcoming = inner(html, '<section aria-labelledby="upcoming-heading"')
    recent = inner(html, '<section aria-labelledby="recent-heading"')
    practices = inner(html, '<section aria-labelledby="practices-heading"')
    partners = inner(html, '<section aria-labelledby="partners-heading"')
    assert item_titles(upcoming, "event-item") == ["Future study visit"]
    assert item_titles(recent, "event-item") == ["Past thematic event"]
    assert item_titles(practices, "practice-item") == ["Segnalaci reporting app"]
    assert item_titles(partners, "organisation-item")[0] == "Municipality of Genoa"


def test_home_json_ld_lists_partners(client, published_and_hidden):
    (data,) = json_ld(client.get("/en/").content.decode())

    assert data["@type"] == "Organization"
    assert data["member"][0]["name"] == "Municipality of Genoa"


def test_home_in_two_languages(client, published_and_hidden):
    et = client.get("/et/").content.decode()
    el = client.get("/el/").content.decode()

    upcoming_et = inner(et, '<section aria-labelledby="upcoming-heading"')
    assert item_titles(upcoming_et, "event-item") == ["Tulevane õppevisiit"]
    assert '<html lang="el">' in el
    assert '<span lang="en">Future study visit</span>' in el


def test_home_query_count_constant(client, django_assert_num_queries):
    EventFactory()
    EventFactory(start_date=dt.date(2099, 1, 1), end_date=dt.date(2099, 1, 1))
    GoodPracticeFactory()
    with django_assert_num_queries(8):  # with the project's partner numbers (labels), read once
        client.get("/en/")

    EventFactory.create_batch(12)
    GoodPracticeFactory.create_batch(8)
    with django_assert_num_queries(8):  # with the project's partner numbers (labels), read once
        client.get("/en/")


# Search


def test_search_finds_published_items_of_each_kind(client, published_and_hidden):
    OrganisationFactory(name_en="Genoa innovation hub", slug="hub")

    html = client.get("/en/search/", {"q": "genoa"}).content.decode()

    events = inner(html, '<section aria-labelledby="results-events"')
    orgs = inner(html, '<section aria-labelledby="results-organisations"')
    assert item_titles(events, "event-item") == []
    assert item_titles(orgs, "organisation-item") == [
        "Municipality of Genoa",
        "Genoa innovation hub",
    ]


def test_search_unpublished_absent_from_results_and_counts(client, published_and_hidden):
    html = client.get("/en/search/", {"q": "hidden"}).content.decode()

    assert text(inner(html, '<h2 id="results-events"')) == "Events (0)"
    assert text(inner(html, '<h2 id="results-practices"')) == "Good practices (0)"
    assert "Hidden future draft" not in html
    assert "Hidden draft practice" not in html


def test_search_in_reader_language_and_english(client, published_and_hidden):
    estonian = client.get("/et/search/", {"q": "õppevisiit"}).content.decode()
    english = client.get("/et/search/", {"q": "study visit"}).content.decode()

    estonian_events = inner(estonian, '<section aria-labelledby="results-events"')
    english_events = inner(english, '<section aria-labelledby="results-events"')
    assert item_titles(estonian_events, "event-item") == ["Tulevane õppevisiit"]
    assert item_titles(english_events, "event-item") == ["Tulevane õppevisiit"]


def test_search_finds_text_written_without_signals(client):
    # PostgreSQL keeps the stored search columns itself: an update() that sends no signal is
    # found as soon as it is written (on SQLite the search reads the text columns directly).
    event = EventFactory(title_en="Plain title")
    Event.objects.filter(pk=event.pk).update(title_en="Cybersecurity drills")

    html = client.get("/en/search/", {"q": "cybersecur"}).content.decode()

    events = inner(html, '<section aria-labelledby="results-events"')
    assert item_titles(events, "event-item") == ["Cybersecurity drills"]


def test_search_ten_kilobyte_query_answered_with_message(client, published_and_hidden):
    response = client.get("/en/search/", {"q": "x" * 10_240})

    html = response.content.decode()
    assert response.status_code == 200
    assert text(inner(html, '<p class="form-error" id="q-error"')) == (
        "Your search is too long: please use at most 200 characters."
    )
    assert "x" * 300 not in html
    assert text(inner(html, "<h1")) == "Search"


def test_search_too_long_message_translated(client):
    html = client.get("/el/search/", {"q": "x" * 10_240}).content.decode()

    assert text(inner(html, '<p class="form-error" id="q-error"')) == (
        "Η αναζήτηση είναι πολύ μεγάλη: χρησιμοποιήστε έως 200 χαρακτήρες."
    )


def search_queries(count):
    """A search page's query count: on PostgreSQL its statement runs in a savepoint of the
    test's transaction (SAVEPOINT, ROLLBACK TO, RELEASE), so that its planner settings end
    with it; outside a transaction it is one query (tests/perf/test_search.py)."""
    return count + (3 if connection.vendor == "postgresql" else 0)


def test_search_query_count_constant(client, django_assert_num_queries):
    EventFactory(title_en="Data event")
    GoodPracticeFactory(title_en="Data practice")
    with django_assert_num_queries(
        search_queries(6)
    ):  # with the project's partner numbers (labels), read once
        client.get("/en/search/", {"q": "data"})

    EventFactory.create_batch(5, title_en="Data event")
    GoodPracticeFactory.create_batch(5, title_en="Data practice")
    with django_assert_num_queries(
        search_queries(6)
    ):  # with the project's partner numbers (labels), read once
        client.get("/en/search/", {"q": "data"})


def test_search_counts_up_to_one_hundred(client):
    OrganisationFactory.create_batch(100, name_en="Harbour authority")

    html = client.get("/en/search/", {"q": "harbour"}).content.decode()

    assert text(inner(html, '<h2 id="results-organisations"')) == "Organisations (100)"


def test_search_says_more_than_one_hundred_beyond(client):
    OrganisationFactory.create_batch(101, name_en="Harbour authority")

    html = client.get("/en/search/", {"q": "harbour"}).content.decode()

    assert text(inner(html, '<h2 id="results-organisations"')) == "Organisations (more than 100)"
    orgs = inner(html, '<section aria-labelledby="results-organisations"')
    assert item_titles(orgs, "organisation-item") == ["Harbour authority"] * 20


def test_search_more_than_translated(client):
    OrganisationFactory.create_batch(101, name_en="Harbour authority")

    html = client.get("/it/search/", {"q": "harbour"}).content.decode()

    assert text(inner(html, '<h2 id="results-organisations"')) == "Organizzazioni (più di 100)"


def test_search_in_italian_query_count_constant(client, django_assert_num_queries):
    # Rows shown in English on an Italian page: whether another language repeats their text
    # (no "(in English)" hint then) comes with the rows, not one query per row.
    EventFactory(title_en="Data event", summary_en="About data")
    GoodPracticeFactory(title_en="Data practice", summary_en="About data")
    with django_assert_num_queries(
        search_queries(6)
    ):  # with the project's partner numbers (labels), read once
        client.get("/it/search/", {"q": "data"})

    EventFactory.create_batch(5, title_en="Data event", summary_en="About data")
    GoodPracticeFactory.create_batch(5, title_en="Data practice", summary_en="About data")
    with django_assert_num_queries(
        search_queries(6)
    ):  # with the project's partner numbers (labels), read once
        html = client.get("/it/search/", {"q": "data"}).content.decode()

    practices = inner(html, '<section aria-labelledby="results-practices"')
    assert item_titles(practices, "practice-item") == ["Data practice (in inglese)"] * 6


# Sitemap and robots


def _sitemap_urls(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return root, ns, [loc.text for loc in root.findall("s:url/s:loc", ns)]


def test_sitemap_lists_published_pages_in_every_language(client, published_and_hidden):
    _root, _ns, urls = _sitemap_urls(client)

    for code in LANGUAGES:
        assert f"http://testserver/{code}/events/future/" in urls
        assert f"http://testserver/{code}/practices/segnalaci/" in urls
        assert f"http://testserver/{code}/partners/genoa/" in urls
        assert f"http://testserver/{code}/events/" in urls
    assert len(urls) == len(set(urls))


def test_sitemap_unpublished_absent(client, published_and_hidden):
    _root, _ns, urls = _sitemap_urls(client)

    assert [u for u in urls if "/hidden" in u] == []


def test_sitemap_alternates_with_x_default(client, published_and_hidden):
    root, ns, _urls = _sitemap_urls(client)

    entry = next(
        u
        for u in root.findall("s:url", ns)
        if u.find("s:loc", ns).text == "http://testserver/sv/events/future/"
    )
    links = [(link.get("hreflang"), link.get("href")) for link in entry.findall("x:link", ns)]
    assert links == [(c, f"http://testserver/{c}/events/future/") for c in LANGUAGES] + [
        ("x-default", "http://testserver/en/events/future/")
    ]


def test_sitemap_x_default_agrees_with_the_page_head(client, published_and_hidden):
    root, ns, _urls = _sitemap_urls(client)
    page = client.get("/sv/events/future/").content.decode()

    sitemap = {
        link.get("href")
        for u in root.findall("s:url", ns)
        if u.find("s:loc", ns).text == "http://testserver/sv/events/future/"
        for link in u.findall("x:link", ns)
        if link.get("hreflang") == "x-default"
    }
    head = set(re.findall(r'<link rel="alternate" hreflang="x-default" href="([^"]+)"', page))
    assert sitemap == head == {"http://testserver/en/events/future/"}


def test_robots_txt_points_to_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/workspace/",
        "Disallow: /*/search/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


# Error pages


def test_not_found_page_translated(client):
    english = client.get("/en/no-such-page/")
    swedish = client.get("/sv/events/no-such-event/")

    assert english.status_code == 404
    assert text(inner(english.content.decode(), "<h1")) == "Page not found"
    assert swedish.status_code == 404
    assert text(inner(swedish.content.decode(), "<h1")) == "Sidan hittades inte"


def test_forbidden_page_translated(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="a-long-password"))

    response = client.get("/et/workspace/")

    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="et">' in html
    assert text(inner(html, "<h1")) == "Juurdepääs keelatud"


def test_bad_request_page_translated(client):
    response = client.get("/sv/", headers={"host": "not allowed"})

    assert response.status_code == 400
    assert text(inner(response.content.decode(), "<h1")) == "Felaktig begäran"


def test_server_error_page_renders_without_request():
    with translation.override("et"):
        html = render_to_string("500.html")

    assert '<html lang="et">' in html
    assert text(inner(html, "<h1")) == "Serveri viga"
    assert "/static/css/site.css" in html


def test_event_kinds_labels_stay_in_list(client):
    EventFactory(title_en="Visit", kind=Event.Kind.STUDY_VISIT, number=2)

    html = client.get("/en/events/").content.decode()

    assert text(inner(html, '<span class="event-kind"')) == "Study visit #2"


def test_event_kind_label_in_list_puts_the_number_first_in_hungarian(client):
    EventFactory(title_en="Visit", kind=Event.Kind.STUDY_VISIT, number=2)

    html = client.get("/hu/events/").content.decode()

    assert text(inner(html, '<span class="event-kind"')) == "2. tanulmányút"
