"""Co-hosts: every organisation with the host role is shown as a host, everywhere: the host
organisation first, then the others by partner number and name."""

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from events.models import Event, Participation
from tests.factories import EventFactory, OrganisationFactory, ParticipationFactory
from tests.html import inner, item_titles, json_ld, text

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def offentliga_rummet():
    """Offentliga Rummet 2018 as seed 003 tells it: three hosts."""
    region = OrganisationFactory(
        name_en="Region Västra Götaland", short_name="Västra Götalandsregionen", slug="vgr"
    )
    vastkom = OrganisationFactory(name_en="VästKom", short_name="VästKom", slug="vastkom")
    city = OrganisationFactory(
        name_en="City of Gothenburg", short_name="Göteborgs Stad", slug="goteborgs-stad"
    )
    event = EventFactory(
        kind=Event.Kind.OUTSIDE,
        slug="offentliga-rummet-2018",
        title_en="Offentliga Rummet 2018",
        host=region,
        start_date=dt.date(2099, 5, 23),
        end_date=dt.date(2099, 5, 25),
    )
    for organisation in (region, vastkom, city):
        ParticipationFactory(event=event, organisation=organisation, role=Participation.Role.HOST)
    return event


def test_event_page_shows_every_host(client, offentliga_rummet):
    response = client.get("/en/events/offentliga-rummet-2018/")

    hosts = text(inner(response.content.decode(), '<dd class="event-hosts"'))
    assert hosts == "Västra Götalandsregionen Göteborgs Stad VästKom"
    assert "<dt>Hosts</dt>" in response.content.decode()


def test_event_page_single_host_label_singular(client, offentliga_rummet):
    offentliga_rummet.participations.exclude(organisation=offentliga_rummet.host).delete()

    html = client.get("/sv/events/offentliga-rummet-2018/").content.decode()

    assert text(inner(html, '<dd class="event-hosts"')) == "Västra Götalandsregionen"
    assert "<dt>Värd</dt>" in html


def test_event_list_shows_every_host(client, offentliga_rummet):
    html = client.get("/en/events/").content.decode()

    assert text(inner(html, '<span class="event-host"')) == (
        "Västra Götalandsregionen, Göteborgs Stad, VästKom"
    )


def test_feed_names_every_host_as_author(client, offentliga_rummet):
    feed = ET.fromstring(client.get("/en/events/feed/").content)

    authors = [a.text for a in feed.iter(f"{ATOM}name")]
    assert authors == ["Region Västra Götaland, City of Gothenburg, VästKom"]


def test_api_lists_every_host(client, offentliga_rummet):
    data = json.loads(client.get("/en/api/events/").content)

    assert data["results"][0]["host"] == "vgr"
    assert data["results"][0]["hosts"] == ["vgr", "goteborgs-stad", "vastkom"]


def test_json_ld_organizers_are_every_host(client, offentliga_rummet):
    html = client.get("/en/events/offentliga-rummet-2018/").content.decode()

    organizers = json_ld(html)[0]["organizer"]
    assert [o["name"] for o in organizers] == [
        "Region Västra Götaland",
        "City of Gothenburg",
        "VästKom",
    ]


def test_cohost_partner_page_lists_event_as_hosted(client, offentliga_rummet):
    html = client.get("/en/partners/vastkom/").content.decode()

    hosted = inner(html, '<section aria-labelledby="hosted-heading"')
    assert item_titles(hosted, "event-item") == ["Offentliga Rummet 2018"]
    attended = inner(html, '<section aria-labelledby="attended-heading"')
    assert item_titles(attended, "event-item") == []
