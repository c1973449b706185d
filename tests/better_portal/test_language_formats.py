"""Dates as each language writes them."""

import datetime as dt

import pytest
from django.utils import formats, translation

from tests.factories import EventFactory
from tests.html import inner, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2021, 10, 27), "27 ottobre 2021"), (dt.date(2020, 3, 1), "1 marzo 2020")],
)
def test_italian_months_lowercase(day, expected):
    with translation.override("it"):
        assert formats.date_format(day) == expected


def test_italian_event_page_date_lowercase(client):
    EventFactory(slug="visit", start_date=dt.date(2021, 10, 27), end_date=dt.date(2021, 10, 27))

    html = client.get("/it/events/visit/").content.decode()

    assert text(inner(html, '<dd class="event-when"')) == "27 ottobre 2021"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("sv", "27 oktober 2021"), ("et", "27. oktoober 2021"), ("hu", "2021. október 27.")],
)
def test_other_languages_keep_djangos_month_names(lang, expected):
    with translation.override(lang):
        assert formats.date_format(dt.date(2021, 10, 27)) == expected
