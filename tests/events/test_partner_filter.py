"""The partner filter of the list, the JSON export, the feeds and the embed: any organisation that
hosts or takes part in an event, not only the consortium partners."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

from events.models import Event, Participation
from tests.factories import EventFactory, OrganisationFactory, ParticipationFactory, PartnerFactory
from tests.html import inner, item_titles

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def swedish_conference():
    """Offentliga Rummet (hosted by the region, co-hosted by VästKom) and a partner's event."""
    region = OrganisationFactory(name_en="Region Västra Götaland", slug="vastra-gotalandsregionen")
    vastkom = OrganisationFactory(name_en="VästKom", slug="vastkom")
    conference = EventFactory(
        title_en="Offentliga Rummet",
        kind=Event.Kind.OUTSIDE,
        host=region,
        start_date=dt.date(2099, 5, 23),
        end_date=dt.date(2099, 5, 25),
    )
    ParticipationFactory(event=conference, organisation=vastkom, role=Participation.Role.HOST)
    EventFactory(
        title_en="Study visit to Gävle",
        host=PartnerFactory(slug="gavle", name_en="Municipality of Gävle"),
        start_date=dt.date(2099, 6, 1),
        end_date=dt.date(2099, 6, 1),
    )
    return conference


@pytest.mark.parametrize("slug", ["vastra-gotalandsregionen", "vastkom"])
def test_list_partner_filter_accepts_outside_host(client, swedish_conference, slug):
    response = client.get("/en/events/", {"partner": slug})

    html = response.content.decode()
    assert response.status_code == 200
    assert item_titles(html, "event-item") == ["Offentliga Rummet"]
    assert f'<option value="{slug}" selected>' in inner(html, '<select name="partner"')


def test_list_partner_select_offers_partners_and_the_chosen_one(client, swedish_conference):
    html = client.get("/en/events/", {"partner": "vastkom"}).content.decode()

    options = re.findall(r'<option value="([^"]*)"', inner(html, '<select name="partner"'))
    assert options == ["", "gavle", "vastkom"]


def test_api_partner_filter_accepts_outside_host(client, swedish_conference):
    response = client.get("/en/api/events/", {"partner": "vastra-gotalandsregionen"})

    assert response.status_code == 200
    titles = [e["title"]["value"] for e in json.loads(response.content)["results"]]
    assert titles == ["Offentliga Rummet"]


def test_api_partner_filter_unknown_organisation_400(client, swedish_conference):
    OrganisationFactory(slug="tartu-museum")  # neither hosts nor takes part

    response = client.get("/en/api/events/", {"partner": "tartu-museum"})

    assert response.status_code == 400
    assert list(json.loads(response.content)["error"]["parameters"]) == ["partner"]


def test_feed_partner_filter_accepts_cohost(client, swedish_conference):
    response = client.get("/en/events/feed/", {"partner": "vastkom"})

    titles = [t.text for t in ET.fromstring(response.content).iter(f"{ATOM}title")]
    assert titles[1:] == ["Offentliga Rummet"]


def test_calendar_partner_filter_accepts_cohost(client, swedish_conference):
    response = client.get("/en/events/calendar.ics", {"partner": "vastkom"})

    summaries = re.findall(r"^SUMMARY;LANGUAGE=en:(.*)\r$", response.content.decode(), re.M)
    assert response.status_code == 200
    assert summaries == ["Offentliga Rummet"]


def test_embed_accepts_outside_host(client, swedish_conference):
    response = client.get("/en/embed/events/vastra-gotalandsregionen/")

    assert response.status_code == 200
    assert re.findall(r"target=\"_top\">([^<]+)</a>", response.content.decode())[:-1] == [
        "Offentliga Rummet"
    ]
