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


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2026, 12, 2), "2 Δεκεμβρίου 2026"), (dt.date(2020, 3, 16), "16 Μαρτίου 2020")],
)
def test_greek_full_dates_take_the_genitive_month(day, expected):
    with translation.override("el"):
        assert formats.date_format(day) == expected


def test_greek_month_and_year_stand_in_the_nominative_and_times_use_24_hours():
    with translation.override("el"):
        assert formats.date_format(dt.date(2020, 3, 1), "YEAR_MONTH_FORMAT") == "Μάρτιος 2020"
        assert formats.date_format(dt.datetime(2026, 12, 2, 14, 5), "DATETIME_FORMAT") == (
            "2 Δεκεμβρίου 2026, 14:05"
        )


def test_greek_event_page_date_in_the_genitive(client):
    EventFactory(slug="visit", start_date=dt.date(2021, 10, 27), end_date=dt.date(2021, 10, 27))

    html = client.get("/el/events/visit/").content.decode()

    assert text(inner(html, '<dd class="event-when"')) == "27 Οκτωβρίου 2021"
