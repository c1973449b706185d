import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from events.models import Event
from tests.factories import EventFactory, PartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed_url(lang="en"):
    with translation.override(lang):
        return reverse("events:feed")


def parse(response):
    return ET.fromstring(response.content)


def entries(root):
    return root.findall(f"{ATOM}entry")


def test_feed_entries_link_to_event_pages_with_updated(client):
    event = EventFactory(slug="study-visit-genoa", title_en="Study visit to Genoa")

    response = client.get(feed_url())

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    (entry,) = entries(parse(response))
    assert entry.find(f"{ATOM}title").text == "Study visit to Genoa"
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/en/events/study-visit-genoa/"
    updated = dt.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
    assert updated == event.updated
    assert entry.find(f"{ATOM}summary").text == "An event of the project."


def test_feed_title_and_entries_in_estonian(client, better_identity):
    EventFactory(title_en="Partner meeting", title_et="Partnerite kohtumine", slug="meeting")

    root = parse(client.get(feed_url("et")))

    assert root.get(XML_LANG) == "et"
    assert root.find(f"{ATOM}title").text == "Projekti BETTER üritused"
    (entry,) = entries(root)
    assert entry.find(f"{ATOM}title").text == "Partnerite kohtumine"
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/et/events/meeting/"


def test_feed_entry_categories_kind_and_themes(client):
    event = EventFactory(kind=Event.Kind.STUDY_VISIT)
    event.themes.add(ThemeFactory(name_en="Open data"))

    (entry,) = entries(parse(client.get(feed_url())))

    terms = [category.get("term") for category in entry.findall(f"{ATOM}category")]
    assert terms == ["Study visit", "Open data"]


def test_feed_entry_title_numbered_kind_in_hungarian(client):
    EventFactory(kind=Event.Kind.THEMATIC, number=3, title_en="Virtual thematic event")

    (english,) = entries(parse(client.get(feed_url())))
    (hungarian,) = entries(parse(client.get(feed_url("hu"))))

    assert english.find(f"{ATOM}title").text == "Thematic event #3: Virtual thematic event"
    assert hungarian.find(f"{ATOM}title").text == "3. tematikus rendezvény: Virtual thematic event"


def test_feed_unpublished_absent(client):
    EventFactory(title_en="Published meeting")
    EventFactory(title_en="Draft meeting", is_published=False)

    root = parse(client.get(feed_url()))

    assert [e.find(f"{ATOM}title").text for e in entries(root)] == ["Published meeting"]


def test_feed_filters_narrow(client):
    tartu = PartnerFactory(slug="tartu")
    EventFactory(title_en="In Tartu", host=tartu)
    EventFactory(title_en="Elsewhere")

    root = parse(client.get(feed_url(), {"partner": "tartu"}))

    assert [e.find(f"{ATOM}title").text for e in entries(root)] == ["In Tartu"]
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "http://testserver/en/events/feed/?partner=tartu"
    alternate = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == "http://testserver/en/events/?partner=tartu"


def test_feed_bad_filter_value_400_with_message(client):
    response = client.get(feed_url(), {"status": "lost"})

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "Bad value for the filter “status”: "
        "Select a valid choice. lost is not one of the available choices."
    )


def test_feed_not_modified_with_if_none_match(client):
    EventFactory()
    first = client.get(feed_url())

    second = client.get(feed_url(), HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 304
    assert second.content == b""


def test_feed_etag_changes_when_event_saved(client):
    event = EventFactory(title_en="Old title")
    first = client.get(feed_url())
    event.title_en = "New title"
    event.save()

    second = client.get(feed_url(), HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 200
    assert [e.find(f"{ATOM}title").text for e in entries(parse(second))] == ["New title"]


@pytest.mark.parametrize("events", [1, 5])
def test_feed_query_count_constant(client, django_assert_num_queries, events):
    for _ in range(events):
        EventFactory().themes.add(ThemeFactory())

    # ETag summary, events, their hosts, their themes.
    with django_assert_num_queries(4):
        response = client.get(feed_url())

    assert len(entries(parse(response))) == events


def test_feed_alternate_partial_links_filtered_feed():
    html = render_to_string("includes/_feed_alternate.html", {"query": "kind=thematic"})

    assert html.strip() == (
        '<link rel="alternate" type="application/atom+xml" title="Events (Atom feed)" '
        'href="/en/events/feed/?kind=thematic">'
    )


def test_feed_published_is_the_publication_not_the_save(client):
    event = EventFactory(is_published=False)
    Event.objects.filter(pk=event.pk).update(created=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    Event.objects.filter(pk=event.pk).publish()
    published_at = Event.objects.get(pk=event.pk).published_at

    (entry,) = entries(parse(client.get(feed_url())))

    assert entry.find(f"{ATOM}published").text == published_at.isoformat()
    assert published_at > dt.datetime(2020, 1, 2, tzinfo=dt.UTC)


def test_feed_english_fallback_text_carries_xml_lang(client):
    EventFactory(title_en="Open data", title_et="Avaandmed", summary_en="Two workshops.")

    (entry,) = entries(parse(client.get(feed_url("et"))))

    title, summary = entry.find(f"{ATOM}title"), entry.find(f"{ATOM}summary")
    assert (title.get(XML_LANG), summary.get(XML_LANG), summary.text) == (
        None,
        "en",
        "Two workshops.",
    )
