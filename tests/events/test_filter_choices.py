"""The filters' empty choices say what they mean, and the year is a select of the years that have
events, not a free number box."""

import datetime as dt
import re

import pytest
from django.utils import translation

from tests.factories import EventFactory, GoodPracticeFactory
from tests.html import inner

pytestmark = pytest.mark.django_db


def options(html, name):
    select = inner(html, f'<select name="{name}"')
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def first_options(html, names):
    return {name: options(html, name)[0] for name in names}


def test_event_filters_empty_choices_named(client):
    html = client.get("/en/events/").content.decode()

    names = ["kind", "partner", "theme", "year", "format", "status", "when"]
    assert first_options(html, names) == {
        "kind": ("", "All kinds"),
        "partner": ("", "Any partner"),
        "theme": ("", "All themes"),
        "year": ("", "Any year"),
        "format": ("", "Any format"),
        "status": ("", "Any status"),
        "when": ("", "Upcoming and past"),
    }
    assert "---------" not in html


def test_event_filters_empty_choices_translated_in_swedish(client):
    with translation.override("sv"):
        html = client.get("/sv/events/").content.decode()

    assert options(html, "kind")[0] == ("", "Alla typer")
    assert options(html, "year")[0] == ("", "Alla år")


def test_event_year_is_a_select_of_years_with_events(client):
    EventFactory(start_date=dt.date(2018, 5, 23), end_date=dt.date(2018, 5, 25))
    EventFactory(start_date=dt.date(2021, 7, 17), end_date=dt.date(2021, 7, 17))
    EventFactory(start_date=dt.date(2021, 9, 13), end_date=dt.date(2021, 9, 13))
    EventFactory(start_date=dt.date(2030, 1, 1), end_date=dt.date(2030, 1, 1), is_published=False)

    html = client.get("/en/events/", {"year": "2021"}).content.decode()

    assert options(html, "year") == [("", "Any year"), ("2021", "2021"), ("2018", "2018")]
    assert '<option value="2021" selected>2021</option>' in html
    assert '<input type="number" name="year"' not in html


def test_practice_filters_empty_choices_named(client):
    GoodPracticeFactory()

    html = client.get("/en/practices/").content.decode()

    assert first_options(html, ["theme", "owner"]) == {
        "theme": ("", "All themes"),
        "owner": ("", "Any owner"),
    }
