"""Fuzzing every public query string and the admin login form: answers are 200 or 4xx, never 500.

Each test creates its data once (a plain, non-transactional `db` test), then Hypothesis runs up to
50 examples against it; the examples only read, so they can share it.
"""

import datetime as dt
from urllib.parse import quote_from_bytes

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from events.models import Event
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    ParticipationFactory,
    PartnerFactory,
    ThemeFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

bounded = hypothesis_settings(max_examples=50, deadline=None)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
EVENT_FILTERS = ["kind", "partner", "theme", "year", "format", "status", "when"]
PRACTICE_FILTERS = ["q", "theme", "owner"]

# Values that are valid somewhere, so that examples also reach the filtered code paths.
KNOWN = [
    "tartu",
    "digital",
    "thematic",
    "online",
    "cancelled",
    "upcoming",
    "past",
    "2020",
    "Europe/Tallinn",
    "UTC",
    "1",
    "2",
    "0",
    "-1",
    "100",
    "101",
    "9" * 30,
    "1e3",
    " ",
    "\x00",
    "%00",
    "../",
]

values = st.one_of(
    st.text(max_size=300),
    st.integers().map(str),
    st.sampled_from(KNOWN),
    st.lists(st.text(max_size=20), min_size=2, max_size=3),  # a repeated parameter
)


def queries(names):
    return st.dictionaries(st.sampled_from(names), values, max_size=len(names))


@pytest.fixture
def content():
    """A little of everything the filters can name: a partner, a theme, events, a practice."""
    tartu = PartnerFactory(slug="tartu", name_en="Tartu")
    theme = ThemeFactory(slug="digital")
    practice = GoodPracticeFactory(slug="practice", owner=tartu)
    practice.themes.add(theme)
    soon = timezone.localdate() + dt.timedelta(days=5)
    for slug, start in (("past-event", dt.date(2020, 6, 16)), ("next-event", soon)):
        event = EventFactory(
            slug=slug,
            host=tartu,
            start_date=start,
            end_date=start,
            start_time=dt.time(10),
            end_time=dt.time(11),
            status=Event.Status.CANCELLED,
        )
        event.themes.add(theme)
        event.practices.add(practice)
        ParticipationFactory(event=event)
        noon = dt.datetime.combine(start, dt.time(12), tzinfo=dt.UTC)
        WorkshopFactory(event=event, start=noon, end=noon + dt.timedelta(hours=1))
    return {"tartu": tartu}


def url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def assert_no_server_error(path, data=None, **extra):
    response = Client().get(path, data or {}, **extra)
    assert response.status_code == 200 or 400 <= response.status_code < 500, (
        path,
        data,
        response.status_code,
    )
    return response


# (URL name, URL kwargs, the parameters it reads)
PAGES = [
    ("home", {}, ["page"]),
    ("events:list", {}, EVENT_FILTERS + ["page"]),
    ("events:detail", {"slug": "next-event"}, ["tz"]),
    ("events:feed", {}, EVENT_FILTERS),
    ("events:calendar", {}, EVENT_FILTERS),
    ("events:event_calendar", {"slug": "past-event"}, ["tz"]),
    ("partners:list", {}, ["page"]),
    ("partners:detail", {"slug": "tartu"}, ["page"]),
    ("practices:list", {}, PRACTICE_FILTERS + ["page"]),
    ("practices:detail", {"slug": "practice"}, ["page"]),
    ("search", {}, ["q"]),
    ("api:events", {}, EVENT_FILTERS + ["page", "page_size"]),
    ("api:practices", {}, ["page", "page_size"]),
    ("api:organisations", {}, ["page", "page_size"]),
    ("embed:events", {}, EVENT_FILTERS + ["partner"]),
    ("embed:partner_events", {"partner": "tartu"}, EVENT_FILTERS),
]


@pytest.mark.parametrize(("name", "kwargs", "parameters"), PAGES, ids=[p[0] for p in PAGES])
def test_public_query_strings_never_fail(content, name, kwargs, parameters):
    @bounded
    @given(lang=st.sampled_from(LANGUAGES), query=queries(parameters))
    def check(lang, query):
        assert_no_server_error(url(name, lang, **kwargs), query)

    check()


@pytest.mark.parametrize(("name", "kwargs", "parameters"), PAGES, ids=[p[0] for p in PAGES])
def test_public_raw_query_bytes_never_fail(content, name, kwargs, parameters):
    """Undecodable bytes and malformed pairs, as a hostile client sends them."""

    @bounded
    @given(
        key=st.sampled_from(parameters),
        raw=st.binary(max_size=60),
        tail=st.sampled_from(["", "&", "&&=", "&=x", ";", "&%ZZ"]),
    )
    def check(key, raw, tail):
        path = url(name, "en", **kwargs) + f"?{key}={quote_from_bytes(raw)}{tail}"
        assert_no_server_error(path)

    check()


def test_event_page_tz_cookie_never_fails(content):
    @bounded
    @given(
        cookie=st.text(alphabet=st.characters(codec="ascii", exclude_characters=";"), max_size=80)
    )
    def check(cookie):
        client = Client()
        client.cookies["tz"] = cookie
        response = client.get(url("events:detail", "en", slug="next-event"))
        assert response.status_code == 200

    check()


def test_admin_login_garbage_never_fails(db, settings):
    # Without the lock-out: after five wrong passwords every answer would be axes' 429 page.
    settings.AXES_ENABLED = False

    @bounded
    @given(
        form=st.dictionaries(
            st.sampled_from(["username", "password", "next", "this_is_the_login_form"]),
            st.one_of(st.text(max_size=300), st.sampled_from(["\x00", "admin", "/admin/"])),
        )
    )
    def check(form):
        response = Client().post(reverse("admin:login"), form)
        assert response.status_code == 200, (form, response.status_code)
        assert "Please enter the correct username and password" in response.text or (
            "This field is required." in response.text
            or "Null characters are not allowed." in response.text
        )

    check()
