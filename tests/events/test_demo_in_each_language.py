"""The demo data names places and dates as each page's language does."""

import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

from events.models import Event
from partners.models import Organisation
from practices.models import GoodPractice
from tests.html import inner, text

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_partner_label_in_the_pages_language(client, demo):
    visit = Event.objects.get(kind=Event.Kind.STUDY_VISIT, number=1)

    html = client.get(f"/sv{visit.get_absolute_url()[3:]}").content.decode()

    facts = text(inner(html, '<dl class="facts"'))
    host = facts[: facts.index(" Deltagare")]
    assert host == "När 17 juli 2021 Format Ej angivet Värd P1 Genua"


def test_no_demo_practice_has_an_invented_summary(demo):
    summaries = {
        p.slug: [
            getattr(p, f"summary_{lang}") or "" for lang in ("en", "it", "et", "hu", "sv", "el")
        ]
        for p in GoodPractice.objects.filter(owner__in=Organisation.objects.lead()).order_by("slug")
    }

    empty = ["", "", "", "", "", ""]
    assert summaries == {
        "digital-citizen-folder": empty,
        "digital-model-of-rain-and-hydrometric-data": empty,
        "job-policy-platform": empty,
        "local-police-control-centre-innovation": empty,
        "segnalaci": empty,
    }


def test_practice_without_summary_shows_no_lead_nor_hint(client, demo):
    html = client.get("/sv/practices/segnalaci/").content.decode()
    listing = client.get("/sv/practices/").content.decode()

    heading = inner(html, '<article class="practice"').split('<dl class="facts"')[0]
    assert text(heading) == "Gott exempel Segnalaci"
    markers = ('class="lead"', 'name="description"', '"description"')
    assert [marker in html for marker in markers] == [False, False, False]
    item = next(li for li in listing.split('<li class="practice-item">') if "/segnalaci/" in li)
    card = text(item.split("</li>")[0])
    assert card == "Segnalaci P1 Genua · Digital services for citizens (på engelska)"


def test_offentliga_rummet_published_on_the_seeds_day(client, demo):
    root = ET.fromstring(client.get("/sv/events/feed/").content)

    published = {
        entry.find(f"{ATOM}title").text: entry.find(f"{ATOM}published").text
        for entry in root.findall(f"{ATOM}entry")
    }
    assert published["Offentliga Rummet 2018"] == "2017-12-07T12:00:00+00:00"
