"""A second Interreg project runs its own instance by data alone: with its identity and content,
no public page, feed, calendar or mail carries a trace of BETTER."""

import datetime as dt

import pytest
from django.utils import translation

from content.mail import send_mail_later
from content.site import LegalPage, Project
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    PartnerFactory,
    WorkshopFactory,
    identity,
)
from tests.html import inner, text

pytestmark = pytest.mark.django_db

BETTER_NAMES = ["BETTER", "Genoa", "Genova", "Birmingham", "Gävle", "Tartu", "Nyíregyháza"]
LANGUAGES = ["en", "it", "et", "hu", "sv", "el"]


@pytest.fixture
def other_project():
    """BALTIC FLOW, a made-up project of Ljubljana and Porto, with its own pages and content."""
    project = identity(
        acronym="FLOW",
        name_en="Baltic flow of open data",
        tagline_en="Two cities open their data together.",
        description_en="FLOW is an Interreg Europe project of Ljubljana and Porto.",
        programme_name_en="Interreg Europe",
        contact_address="Mestna občina Ljubljana\nMestni trg 1\nLjubljana",
        contact_email="hello@flow.example",
        social_links="https://social.example/@flow",
        domain="flow.example",
    )
    for kind in LegalPage.Kind.values:
        LegalPage.objects.create(
            kind=kind, title_en=f"FLOW {kind}", body_en=f"## About\nThe FLOW {kind} text."
        )
    ljubljana = PartnerFactory(
        name_en="City of Ljubljana", slug="ljubljana", city="Ljubljana", country="SI"
    )
    PartnerFactory(name_en="City of Porto", slug="porto", city="Porto", country="PT")
    event = EventFactory(
        slug="open-data-day",
        title_en="Open data day",
        host=ljubljana,
        start_date=dt.date(2099, 3, 1),
        end_date=dt.date(2099, 3, 1),
    )
    WorkshopFactory(
        event=event,
        title_en="Opening the registers",
        start=dt.datetime(2099, 3, 1, 9, tzinfo=dt.UTC),
        end=dt.datetime(2099, 3, 1, 10, tzinfo=dt.UTC),
    )
    GoodPracticeFactory(slug="open-registers", title_en="Open registers", owner=ljubljana)
    return project


PUBLIC_PATHS = [
    "/",
    "/events/",
    "/events/open-data-day/",
    "/events/open-data-day/calendar.ics",
    "/events/calendar.ics",
    "/events/feed/",
    "/partners/",
    "/partners/ljubljana/",
    "/practices/",
    "/practices/open-registers/",
    "/search/?q=open",
    "/embed/events/",
    "/about/accessibility/",
    "/about/privacy/",
    "/about/contact/",
]


def names_found(content):
    return [name for name in BETTER_NAMES if name in content]


@pytest.mark.parametrize("language", LANGUAGES)
def test_other_project_pages_name_no_better(client, other_project, language):
    found = {}
    for path in PUBLIC_PATHS:
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200, path
        content = response.content.decode()
        assert "FLOW" in content, path
        if names := names_found(content):
            found[path] = names

    assert found == {}


def test_other_project_mail_names_no_better(other_project):
    context = {"item": {"title": "Open data day"}, "link": "https://flow.example/en/"}
    mails = [
        send_mail_later("review_approved", "staff@flow.example", language, context)
        for language in LANGUAGES
    ]

    found = {m.language: names_found(m.subject + m.body + m.html) for m in mails}
    assert found == {language: [] for language in LANGUAGES}
    assert text(inner(mails[0].html, "<p")) == (
        "The coordinators approved “Open data day”. It is now published on the portal."
    )
    assert "FLOW: Baltic flow of open data" in text(mails[0].html)


def test_other_project_home_shows_its_identity(client, other_project):
    html = client.get("/en/").content.decode()

    assert text(inner(html, "<h1")) == "FLOW: Baltic flow of open data"
    assert text(inner(html, '<p class="lead"')) == "Two cities open their data together."
    assert text(inner(html, "<title")) == "FLOW"
    assert text(inner(html, '<a class="brand"')) == "FLOW Baltic flow of open data"
    assert inner(html, "<address") == "Mestna občina Ljubljana<br>Mestni trg 1<br>Ljubljana"
    assert text(inner(html, '<ul class="social-links"')) == "social.example"


def test_other_project_feed_and_calendar_carry_its_name(client, other_project):
    feed = client.get("/et/events/feed/").content.decode()
    calendar = client.get("/en/events/calendar.ics").content.decode()

    assert "<title>Projekti FLOW üritused</title>" in feed
    assert "PRODID:-//FLOW//Events//EN" in calendar.splitlines()[1:3]
    assert "X-WR-CALNAME:FLOW events" in calendar.splitlines()


def test_identity_change_shows_on_the_next_request(client, other_project):
    client.get("/en/")
    other_project.acronym = "RIVER"
    other_project.save()

    html = client.get("/en/").content.decode()

    assert text(inner(html, '<span class="brand-acronym"')) == "RIVER"


def test_without_a_project_the_portal_makes_one_named_from_settings(client, settings):
    settings.PORTAL_NAME = "Our portal"
    Project.objects.all().delete()

    html = client.get("/en/").content.decode()

    assert text(inner(html, '<span class="brand-acronym"')) == "Our portal"


def test_load_demo_sets_better_identity_in_every_language(client, db):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115

    with translation.override("sv"):
        identity = Project.objects.order_by("pk").first()
        assert identity.display_name == "BETTER: Bättre e-tjänster genom interregionalt lärande"
    for language in LANGUAGES:
        page = LegalPage.objects.get(kind="accessibility")
        assert page.last_reviewed == dt.date(2026, 12, 1)
        assert getattr(page, f"body_{language}").count("\n## ") == 5, language
