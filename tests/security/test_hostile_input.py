"""Hostile text in every translated field, in every language, on every public page and export.

Each payload goes into every translated field (and a few plain text fields) of an event, its
workshops and materials, its change record, an organisation, a person, a theme and a practice;
then every public page, feed, calendar, JSON export and the embed page must answer 200 with the
payload escaped, well-formed JSON-LD, iCalendar, Atom and JSON.
"""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from modeltranslation.translator import translator

from events.models import Attendance, Event, Material
from tests.factories import (
    AttendanceFactory,
    EventChangeFactory,
    EventFactory,
    GoodPracticeFactory,
    ParticipationFactory,
    PartnerFactory,
    PersonFactory,
    ThemeFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = "</script><script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
# 100 kB of markup and entities: text fields take all of it, short fields their max_length.
LONG = ("</script><script>alert(1)</script> & &amp; é " * 3000)[:100_000]
RTL = "\u202eevil\u202c שלום עולם مرحبا بالعالم"
COMBINING = "e\u0301\u0301\u0301 Z\u0335\u0311\u0350a\u0336\u0357l\u0334\u0352g\u0338o\u0335"

PAYLOADS = {"script": SCRIPT, "img": IMG, "long": LONG, "rtl": RTL, "combining": COMBINING}
LANGUAGES = [code for code, _name in settings.LANGUAGES]

# What must never reach an HTML body unescaped.
EXECUTABLE = ["<script>alert(1)", "<img src=x onerror"]

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def fit(model, field, text):
    """The payload cut to the column's length: PostgreSQL refuses longer values."""
    max_length = model._meta.get_field(field).max_length
    return text[:max_length] if max_length else text


def fill(obj, lang, text, plain=()):
    """Every translated field of obj in `lang`, and the `plain` untranslated ones, set to text."""
    model = type(obj)
    for name in translator.get_options_for_model(model).fields:
        field = f"{name}_{lang}"
        setattr(obj, field, fit(model, field, text))
    for field in plain:
        setattr(obj, field, fit(model, field, text))
    obj.save()
    return obj


@pytest.fixture
def hostile(request):
    """One published, upcoming event and everything around it, full of one payload in one
    language; returns (lang, payload, objects)."""
    lang, payload = request.param
    text = PAYLOADS[payload]
    host = fill(PartnerFactory(slug="host"), lang, text, plain=["short_name", "city"])
    person = fill(PersonFactory(organisation=host), lang, text, plain=["name", "honorific"])
    theme = fill(ThemeFactory(slug="theme"), lang, text)
    practice = fill(GoodPracticeFactory(slug="practice", owner=host, contact=person), lang, text)
    practice.themes.add(theme)
    start = timezone.localdate() + dt.timedelta(days=30)
    event = fill(
        EventFactory(
            slug="event",
            host=host,
            start_date=start,
            end_date=start + dt.timedelta(days=1),
            start_time=dt.time(10, 30),
            end_time=dt.time(12, 0),
            timezone="Europe/Rome",
            status=Event.Status.MOVED_ONLINE,
        ),
        lang,
        text,
        plain=["online_platform"],
    )
    event.themes.add(theme)
    event.practices.add(practice)
    ParticipationFactory(event=event, organisation=fill(PartnerFactory(), lang, text))
    fill(EventChangeFactory(event=event), lang, text, plain=["previous_venue"])
    noon = dt.datetime.combine(start, dt.time(12), tzinfo=dt.UTC)
    workshop = fill(
        WorkshopFactory(event=event, start=noon, end=noon + dt.timedelta(hours=1)), lang, text
    )
    workshop.experts.add(person)
    fill(Material(workshop=workshop, title_en="Slides", url="https://example.org/s"), lang, text)
    return lang, text, {"event": event, "host": host, "practice": practice}


def public_urls(lang, objects):
    """Every public address that shows the hostile objects, in `lang`."""
    event, host, practice = objects["event"], objects["host"], objects["practice"]
    with translation.override(lang):
        html = [
            reverse("home"),
            reverse("events:list"),
            event.get_absolute_url(),
            reverse("partners:list"),
            host.get_absolute_url(),
            reverse("practices:list"),
            practice.get_absolute_url(),
            reverse("search") + "?q=alert",
            reverse("search") + "?q=e",
            reverse("embed:events"),
            reverse("embed:partner_events", kwargs={"partner": host.slug}),
        ]
        feeds = {
            "atom": [reverse("events:feed"), "/sitemap.xml"],
            "ics": [
                reverse("events:calendar"),
                reverse("events:event_calendar", kwargs={"slug": event.slug}),
            ],
            "json": [
                reverse("api:events"),
                reverse("api:practices"),
                reverse("api:organisations"),
            ],
        }
    return html, feeds


def payload_pairs():
    return [
        pytest.param((lang, name), id=f"{lang}-{name}") for lang in LANGUAGES for name in PAYLOADS
    ]


def assert_json_ld_well_formed(body):
    for block in JSON_LD.findall(body):
        assert "</script" not in block.lower()
        json.loads(block)


@pytest.mark.parametrize("hostile", payload_pairs(), indirect=True)
def test_html_pages_escape_hostile_text(client, hostile):
    lang, text, objects = hostile
    html, _feeds = public_urls(lang, objects)

    for url in html:
        response = client.get(url)

        assert response.status_code == 200, url
        body = response.text
        for needle in EXECUTABLE:
            assert needle not in body, url
        assert_json_ld_well_formed(body)


@pytest.mark.parametrize("hostile", payload_pairs(), indirect=True)
def test_event_page_shows_hostile_text_as_text(client, hostile):
    lang, text, objects = hostile
    with translation.override(lang):
        url = objects["event"].get_absolute_url()

    body = client.get(url).text

    # The title is shown, escaped: the reader sees the characters, the browser runs nothing.
    shown = fit(Event, f"title_{lang}", text)
    escaped = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace('"', "&quot;")
    assert escaped in body


@pytest.mark.parametrize("hostile", payload_pairs(), indirect=True)
def test_feeds_calendars_and_exports_parse(client, hostile):
    lang, text, objects = hostile
    _html, feeds = public_urls(lang, objects)

    for url in feeds["atom"]:
        response = client.get(url)
        assert response.status_code == 200, url
        ET.fromstring(response.content)
    for url in feeds["ics"]:
        response = client.get(url)
        assert response.status_code == 200, url
        calendar = icalendar.Calendar.from_ical(response.content)
        assert len(calendar.events) == 2, url  # the event and its workshop
    for url in feeds["json"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert json.loads(response.content)["count"] >= 1, url


@pytest.mark.parametrize("hostile", payload_pairs(), indirect=True)
def test_json_export_keeps_hostile_text_intact(client, hostile):
    lang, text, objects = hostile
    with translation.override(lang):
        url = reverse("api:events")

    data = json.loads(client.get(url).content)

    assert data["results"][0]["summary"] == {"value": text, "lang": lang}


# The partner workspace and the review queue: a staff member's own draft full of a payload.


@pytest.fixture
def hostile_draft(request, django_user_model, settings, tmp_path):
    """A partner-staff login and its draft study visit (submitted, for the queue) and draft
    practice, every translated field in one language full of one payload; plus the
    coordinator who reviews it. Returns (lang, payload, objects)."""
    from django.contrib.auth.models import Group, Permission

    from workspace.groups import ensure_groups

    settings.MEDIA_ROOT = tmp_path / "media"
    lang, payload = request.param
    text = PAYLOADS[payload]
    partner = fill(PartnerFactory(slug="host"), lang, text, plain=["short_name", "city"])
    staff = django_user_model.objects.create_user("hostile-staff", "staff@better.example")
    staff.groups.add(ensure_groups(Group, Permission)[1])
    person = fill(PersonFactory(organisation=partner, user=staff), lang, text, plain=["name"])
    practice = fill(
        GoodPracticeFactory(slug="practice", owner=partner, contact=person, status="draft"),
        lang,
        text,
    )
    visit = fill(
        EventFactory(
            slug="visit",
            kind=Event.Kind.STUDY_VISIT,
            host=partner,
            owner=partner,
            review_status=Event.ReviewStatus.SUBMITTED,
            submitted_by=staff,
            submitted_at=timezone.now(),
            is_published=False,
        ),
        lang,
        text,
        plain=["review_comment"],
    )
    visit.practices.add(practice)
    ParticipationFactory(event=visit, organisation=partner, role="participant")
    AttendanceFactory(event=visit, organisation=partner, category=fit(Attendance, "category", text))
    coordinator = django_user_model.objects.create_superuser("hostile-coord", "c@better.example")
    return (
        lang,
        text,
        {"staff": staff, "coordinator": coordinator, "visit": visit, "practice": practice},
    )


def assert_escaped(response, url):
    assert response.status_code == 200, url
    for needle in EXECUTABLE:
        assert needle not in response.text, url


@pytest.mark.parametrize("hostile_draft", payload_pairs(), indirect=True)
def test_workspace_pages_escape_hostile_text(client, hostile_draft):
    lang, text, objects = hostile_draft
    client.force_login(objects["staff"])
    with translation.override(lang):
        urls = [
            reverse("workspace:dashboard"),
            reverse("workspace:event-detail", args=[objects["visit"].pk]),
            reverse("workspace:practice-detail", args=[objects["practice"].pk]),
            reverse("workspace:practice-update", args=[objects["practice"].pk]),
        ]

    for url in urls:
        assert_escaped(client.get(url), url)

    # The staff member reads their own title, escaped, in its own language.
    shown = fit(Event, f"title_{lang}", text)
    assert escape(shown) in client.get(urls[1]).text


@pytest.mark.parametrize("hostile_draft", payload_pairs(), indirect=True)
def test_review_queue_escapes_hostile_text(client, hostile_draft):
    lang, text, objects = hostile_draft
    client.force_login(objects["coordinator"])
    visit = objects["visit"]
    urls = [
        reverse("admin:workspace_submittedevent_changelist"),
        reverse("admin:workspace_submittedevent_change", args=[visit.pk]),
        reverse("admin:events_event_change", args=[visit.pk]),
    ]

    with translation.override(lang):
        for url in urls:
            assert_escaped(client.get(url), url)
