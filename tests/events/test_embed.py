import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    ParticipationFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


def embed_url(lang="en", partner=None):
    with translation.override(lang):
        if partner:
            return reverse("embed:partner_events", kwargs={"partner": partner})
        return reverse("embed:events")


def days_ahead(days):
    return timezone.localdate() + dt.timedelta(days=days)


def upcoming(**kwargs):
    kwargs.setdefault("start_date", days_ahead(10))
    kwargs.setdefault("end_date", kwargs["start_date"])
    return EventFactory(**kwargs)


def titles(response):
    return re.findall(
        r'<a href="/[^"]*/events/[^"]+/" target="_top"[^>]*>([^<]+)</a>', response.text
    )


@pytest.fixture
def tartu():
    return PartnerFactory(slug="tartu", name_en="Tartu City Government")


def test_embed_page_may_be_framed_by_any_site(client):
    response = client.get(embed_url(), {"partner": PartnerFactory().slug})

    assert response.status_code == 200
    assert response.has_header("X-Frame-Options") is False
    assert "frame-ancestors *" in response["Content-Security-Policy"].split("; ")


def test_embed_other_pages_refuse_framing(client):
    response = client.get(reverse("events:list"))

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"].split("; ")


def test_embed_lists_partners_upcoming_published_events(client, tartu):
    upcoming(title_en="Hosted by Tartu", host=tartu, start_date=days_ahead(5))
    ParticipationFactory(
        organisation=tartu, event=upcoming(title_en="Attended by Tartu", start_date=days_ahead(9))
    )
    upcoming(title_en="Another partner's event")
    upcoming(title_en="Tartu draft", host=tartu, is_published=False)
    EventFactory(
        title_en="Tartu last year",
        host=tartu,
        start_date=days_ahead(-400),
        end_date=days_ahead(-399),
    )

    response = client.get(embed_url(), {"partner": "tartu"})

    assert titles(response) == ["Hosted by Tartu", "Attended by Tartu"]


def test_embed_partner_in_path_same_list(client, tartu):
    upcoming(title_en="Hosted by Tartu", host=tartu)
    upcoming(title_en="Another partner's event")

    by_path = client.get(embed_url(partner="tartu"))
    by_query = client.get(embed_url(), {"partner": "tartu"})

    assert titles(by_path) == ["Hosted by Tartu"]
    assert titles(by_query) == ["Hosted by Tartu"]
    assert "frame-ancestors *" in by_path["Content-Security-Policy"].split("; ")


def not_found_heading(response):
    return re.findall(r"<h1>([^<]+)</h1>", response.text)


@pytest.mark.parametrize("slug", ["atlantis", "tartu-museum"])
def test_embed_unknown_or_non_partner_in_path_not_found(client, slug):
    OrganisationFactory(slug="tartu-museum", name_en="Tartu Art Museum")

    response = client.get(embed_url(partner=slug))

    assert response.status_code == 404
    assert not_found_heading(response) == ["Page not found"]
    assert "frame-ancestors *" in response["Content-Security-Policy"].split("; ")


@pytest.mark.parametrize("slug", ["atlantis", "tartu-museum", "\x00"])
def test_embed_unknown_or_non_partner_in_query_not_found(client, slug):
    OrganisationFactory(slug="tartu-museum", name_en="Tartu Art Museum")

    response = client.get(embed_url(), {"partner": slug})

    assert response.status_code == 404
    assert not_found_heading(response) == ["Page not found"]
    assert "frame-ancestors *" in response["Content-Security-Policy"].split("; ")


def test_embed_bad_filter_value_400_with_message(client, tartu):
    response = client.get(embed_url(partner="tartu"), {"year": "soon"})

    assert response.status_code == 400
    assert response.content.decode() == "Bad value for the filter “year”: Enter a whole number."
    assert "frame-ancestors *" in response["Content-Security-Policy"].split("; ")


def test_embed_standalone_without_javascript(client, tartu):
    upcoming(host=tartu)

    response = client.get(embed_url("sv", partner="tartu"))

    html = response.text
    assert html.count("<script") == 0
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) == ["/static/css/embed.css"]
    assert html.count('target="_top"') == 2
    assert '<html lang="sv">' in html


def test_embed_fallback_title_marked_with_its_language(client, tartu):
    upcoming(title_en="Study visit", title_it="Visita di studio", host=tartu, slug="visit")
    upcoming(title_en="Webinar", host=tartu, slug="webinar", start_date=days_ahead(20))

    response = client.get(embed_url("it", partner="tartu"))

    links = re.findall(r'<a href="(/it/events/[^"]+/)" target="_top"( lang="\w+")?>', response.text)
    assert links == [("/it/events/visit/", ""), ("/it/events/webinar/", ' lang="en"')]


def test_embed_cancelled_and_online_events_say_so(client, tartu):
    upcoming(
        host=tartu,
        status=Event.Status.CANCELLED,
        format=Event.Format.ONLINE,
        online_platform="Webex",
    )

    response = client.get(embed_url(partner="tartu"))

    assert re.findall(r'<span class="embed-where">([^<]*)</span>', response.text) == ["Online"]
    assert re.findall(r'<strong class="embed-status">([^<]*)</strong>', response.text) == [
        "Cancelled"
    ]


def test_embed_cancelled_event_in_swedish_agrees_with_the_event(client, tartu):
    upcoming(host=tartu, status=Event.Status.CANCELLED)

    response = client.get(embed_url("sv", partner="tartu"))

    # An event is "inställt"; a cancelled registration is "avbokad".
    assert re.findall(r'<strong class="embed-status">([^<]*)</strong>', response.text) == [
        "Inställt"
    ]


def test_embed_timed_event_in_its_zone(client, tartu):
    upcoming(
        host=tartu,
        start_date=dt.date(2099, 6, 16),
        start_time=dt.time(10, 30),
        end_time=dt.time(12, 0),
        timezone="Europe/Rome",
    )

    response = client.get(embed_url(partner="tartu"))

    assert re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', response.text) == [
        ("2099-06-16T10:30:00+02:00", "16 June 2099, 10:30 CEST")
    ]
