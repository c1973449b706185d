"""Fuzzing every public query string and the admin login form: answers are 200 or 4xx, never 500.

Each test creates its data once (a plain, non-transactional `db` test), then Hypothesis runs up to
50 examples against it; the examples only read, so they can share it.
"""

import datetime as dt
import os
from urllib.parse import quote_from_bytes

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from events.models import Event, EventPhoto
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    ParticipationFactory,
    PartnerFactory,
    PersonFactory,
    ThemeFactory,
    WorkshopFactory,
)
from tests.workspace.helpers import png_file, practice_data, visit_data

pytestmark = pytest.mark.django_db

# The number of examples is the Hypothesis profile's (tests/conftest.py): 50 by default.
bounded = hypothesis_settings(deadline=None)
# The workspace forms write on every valid example: fewer examples keep the run short.
fuzz_forms = hypothesis_settings(max_examples=bounded.max_examples * 3 // 5, deadline=None)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
EVENT_FILTERS = ["kind", "partner", "theme", "year", "format", "status", "when"]
PRACTICE_FILTERS = ["q", "theme", "owner"]
PROGRAMME_FILTERS = ["q", "project", "theme", "country", "nuts"]

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
    "EE",
    "ee008",
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
    ("programme:home", {}, ["page"]),
    ("programme:practices", {}, PROGRAMME_FILTERS + ["page"]),
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


# The partner workspace: garbage POSTed by a logged-in partner-staff member, and query strings.

# The study-visit form, its attendance formset and its management form, as the browser posts them.
VISIT_FIELDS = [
    *visit_data(PartnerFactory.build(pk=0)),
    "participants",
    "practices",
    "seen_version",
    "attendances-0-organisation",
    "attendances-0-category",
    "attendances-0-participants",
    "attendances-0-DELETE",
]
PRACTICE_FIELDS = [*practice_data(), "is_ongoing", "themes", "contact", "title_et"]

# Garbage, but also values one step from valid: other partners' ids, impossible dates and times.
FORM_KNOWN = [*KNOWN, "2021-02-30", "2021-07-17", "25:61", "10:30", "Europe/Nowhere", "on"]
form_values = st.one_of(
    st.text(max_size=300),
    st.integers().map(str),
    st.sampled_from(FORM_KNOWN),
    st.lists(st.sampled_from(FORM_KNOWN), min_size=2, max_size=3),
)


@pytest.fixture
def workspace(settings, tmp_path, django_user_model):
    """A partner-staff login (force_login: django-axes refuses client.login()) with its draft
    visit and practice, a second partner, and a published practice to choose."""
    from django.contrib.auth.models import Group, Permission

    from workspace.groups import ensure_groups

    settings.MEDIA_ROOT = tmp_path / "media"
    tartu = PartnerFactory(slug="tartu", name_en="Tartu")
    other = PartnerFactory(slug="gavle", name_en="Gävle")
    user = django_user_model.objects.create_user("fuzz-staff", "fuzz@better.example")
    user.groups.add(ensure_groups(Group, Permission)[1])
    PersonFactory(organisation=tartu, user=user)
    visit = EventFactory(
        slug="draft-visit",
        kind=Event.Kind.STUDY_VISIT,
        host=tartu,
        owner=tartu,
        review_status=Event.ReviewStatus.DRAFT,
        is_published=False,
    )
    photo = EventPhoto.objects.create(event=visit, image=png_file(), caption="Front desk")
    practice = GoodPracticeFactory(slug="draft-practice", owner=tartu, status="draft")
    GoodPracticeFactory(slug="published", owner=other, status="published")
    client = Client()
    client.force_login(user)
    return {"client": client, "tartu": tartu, "visit": visit, "photo": photo, "practice": practice}


def as_sent(value):
    return [str(v) for v in value] if isinstance(value, list | tuple) else str(value)


def assert_input_kept(response, sent, garbled, name):
    """A re-rendered form says what is wrong and shows every field that was not garbled exactly
    as it was sent."""
    assert response.status_code == 200, (sent, response.status_code)
    assert "Please correct the errors below. Everything else you entered is kept." in (
        response.text
    ), sent
    form = response.context["form"]
    kept = [f for f in form if f.name in sent and f.name not in garbled | {"seen_version"}]
    for field in kept:
        assert as_sent(field.value()) == as_sent(sent[field.name]), (name, field.name, sent)
    assert "title_en" in garbled or escape(sent["title_en"]) in response.text, sent


def post_garbage(client, path, valid, garbage, name):
    sent = {**valid, **garbage}
    response = client.post(path, sent)
    if response.status_code == 302:
        return
    assert_input_kept(response, sent, set(garbage), name)


@pytest.mark.parametrize("edit", [False, True], ids=["new", "edit"])
def test_workspace_visit_form_garbage_never_fails(workspace, edit):
    client, tartu = workspace["client"], workspace["tartu"]
    if edit:
        path = reverse("workspace:event-update", args=[workspace["visit"].pk])
    else:
        path = reverse("workspace:event-create")
    valid = visit_data(tartu, **{"attendances-TOTAL_FORMS": "1", "seen_version": "1"})

    @fuzz_forms
    @given(garbage=st.dictionaries(st.sampled_from(VISIT_FIELDS), form_values, min_size=1))
    def check(garbage):
        post_garbage(client, path, valid, garbage, "visit")

    check()


@pytest.mark.parametrize("edit", [False, True], ids=["new", "edit"])
def test_workspace_practice_form_garbage_never_fails(workspace, edit):
    client = workspace["client"]
    if edit:
        path = reverse("workspace:practice-update", args=[workspace["practice"].pk])
    else:
        path = reverse("workspace:practice-create")
    valid = practice_data(seen_version="1")

    @fuzz_forms
    @given(garbage=st.dictionaries(st.sampled_from(PRACTICE_FIELDS), form_values, min_size=1))
    def check(garbage):
        post_garbage(client, path, valid, garbage, "practice")

    check()


def test_workspace_photo_upload_garbage_never_fails(workspace):
    client, tartu = workspace["client"], workspace["tartu"]

    @fuzz_forms
    @given(
        content=st.binary(max_size=2000),
        name=st.text(max_size=80),
        content_type=st.sampled_from(["image/png", "image/jpeg", "text/html", ""]),
    )
    def check(content, name, content_type):
        # A name with no file part ("/", "..") cannot even be made into an upload object (Django
        # refuses it before any view sees it), so it is replaced, as the multipart parser does.
        if os.path.basename(name) in {"", ".", ".."}:
            name = "x"
        upload = SimpleUploadedFile(name, content, content_type=content_type)
        sent = visit_data(tartu, title_en="Photo fuzz")
        response = client.post(reverse("workspace:event-create"), {**sent, "photos": upload})
        if response.status_code == 302:
            # A file whose name is empty once sanitised is no file at all: no photo is kept.
            new_photos = EventPhoto.objects.exclude(pk=workspace["photo"].pk)
            assert not new_photos.exists(), (content, name)
            return
        assert_input_kept(response, sent, {"photos"}, "photo")
        assert response.context["form"].errors["photos"]

    check()


WORKSPACE_PAGES = [
    ("workspace:dashboard", {}),
    ("workspace:event-create", {}),
    ("workspace:event-detail", {"pk": "visit"}),
    ("workspace:event-update", {"pk": "visit"}),
    ("workspace:photo-update", {"pk": "visit", "photo_pk": "photo"}),
    ("workspace:photo-delete", {"pk": "visit", "photo_pk": "photo"}),
    ("workspace:practice-create", {}),
    ("workspace:practice-detail", {"pk": "practice"}),
    ("workspace:practice-update", {"pk": "practice"}),
]


@pytest.mark.parametrize(("name", "kwargs"), WORKSPACE_PAGES, ids=[p[0] for p in WORKSPACE_PAGES])
def test_workspace_query_strings_never_fail(workspace, name, kwargs):
    client = workspace["client"]
    kwargs = {key: workspace[value].pk for key, value in kwargs.items()}

    @fuzz_forms
    @given(
        lang=st.sampled_from(LANGUAGES),
        query=st.dictionaries(
            st.one_of(st.text(max_size=20), st.sampled_from(["next", "page"])), values
        ),
        raw=st.binary(max_size=60),
    )
    def check(lang, query, raw):
        path = url(name, lang, **kwargs)
        assert client.get(path, query).status_code == 200, (path, query)
        assert client.get(f"{path}?next={quote_from_bytes(raw)}").status_code == 200, (path, raw)

    check()


def test_workspace_login_next_garbage_never_fails(db):
    @fuzz_forms
    @given(
        lang=st.sampled_from(LANGUAGES),
        next_url=st.one_of(st.text(max_size=200), st.sampled_from(["//evil.example/", "/\x00"])),
    )
    def check(lang, next_url):
        path = url("workspace:login", lang)
        response = Client().get(path, {"next": next_url})
        assert response.status_code == 200, (path, next_url)
        response = Client().post(path, {"username": "x", "password": "y", "next": next_url})
        # 429: django-axes locks the login out after five wrong passwords.
        assert response.status_code in (200, 429), (path, next_url)

    check()


@pytest.mark.parametrize("field", ["participants", "practices"])
def test_workspace_visit_form_refuses_ids_beyond_the_integer_range(workspace, field):
    # Found by the fuzzing above: SQLite raised OverflowError (a 500) on such an id.
    sent = visit_data(workspace["tartu"], **{field: ["9223372036854775808", "²"]})

    response = workspace["client"].post(reverse("workspace:event-create"), sent)

    assert_input_kept(response, sent, {field}, "visit")
    assert response.context["form"].errors[field] == [
        "Select a valid choice. 9223372036854775808 is not one of the available choices."
    ]


def test_workspace_practice_form_refuses_theme_ids_beyond_the_integer_range(workspace):
    sent = practice_data(themes=["-9223372036854775809"])

    response = workspace["client"].post(reverse("workspace:practice-create"), sent)

    assert_input_kept(response, sent, {"themes"}, "practice")
    assert response.context["form"].errors["themes"] == [
        "Select a valid choice. -9223372036854775809 is not one of the available choices."
    ]
