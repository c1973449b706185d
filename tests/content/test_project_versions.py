"""Content versions per project (content/page_cache.py): a write of one project's rows makes only
that project's cached pages stale, a write of a shared row (an organisation) every project's,
and a draft save none. A row changed with update() (no signal, no new version) tells whether a
page was served from the cache: its cached page still shows the old text."""

import datetime as dt

import pytest
from django.core.cache import cache

from content.page_cache import bump_content_version
from content.scoping import activate, every_project
from content.site import Project
from events.models import Event
from tests.factories import EventFactory, WorkshopFactory, identity
from tests.html import inner, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

FLOW = "flow.example"


@pytest.fixture
def two_projects(settings):
    """BETTER, served on every host, and FLOW on its own domain, each with an event "visit"."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, FLOW]
    better = identity(acronym="BETTER", slug="better")
    flow = Project.objects.create(acronym="FLOW", slug="flow", domain=FLOW)
    events = {}
    for project, title in ((better, "Tartu visit"), (flow, "Porto visit")):
        with activate(project):
            events[project.acronym] = EventFactory(
                slug="visit",
                title_en=title,
                start_date=dt.date(2099, 5, 1),
                end_date=dt.date(2099, 5, 1),
            )
    return events


def pages(client, host=None):
    """The event page's heading and the event list's text, on host (BETTER's by default)."""
    extra = {"HTTP_HOST": host} if host else {}
    detail = client.get("/en/events/visit/", **extra).content.decode()
    listing = client.get("/en/events/", **extra).content.decode()
    return text(inner(detail, "<h1")), text(inner(listing, "<main"))


def quietly_rename(event, title):
    """Change the event's title in the database without a new content version."""
    with every_project():
        Event._base_manager.filter(pk=event.pk).update(title_en=title)


def test_an_event_edit_leaves_another_projects_pages_cached(
    client, two_projects, django_assert_num_queries
):
    pages(client)
    pages(client, FLOW)
    quietly_rename(two_projects["BETTER"], "Tartu visit, renamed quietly")

    flow_event = two_projects["FLOW"]
    with activate(Project.objects.get(slug="flow")):
        flow_event.title_en = "Porto visit, edited"
        flow_event.save()

    with django_assert_num_queries(0):
        better_heading, better_list = pages(client)
    flow_heading, flow_list = pages(client, FLOW)
    assert better_heading == "Tartu visit"
    assert "Tartu visit" in better_list
    assert "renamed quietly" not in better_list
    assert flow_heading == "Porto visit, edited"
    assert "Porto visit, edited" in flow_list


def test_a_workshop_edit_makes_its_events_project_stale_only(client, two_projects):
    pages(client)
    pages(client, FLOW)
    quietly_rename(two_projects["BETTER"], "Tartu visit, renamed quietly")
    quietly_rename(two_projects["FLOW"], "Porto visit, renamed quietly")

    with activate(Project.objects.get(slug="flow")):
        WorkshopFactory(event=two_projects["FLOW"], title_en="Opening session")

    assert pages(client)[0] == "Tartu visit"
    assert pages(client, FLOW)[0] == "Porto visit, renamed quietly"


def test_an_organisation_edit_makes_every_project_stale(client, two_projects):
    pages(client)
    pages(client, FLOW)
    quietly_rename(two_projects["FLOW"], "Porto visit, renamed quietly")

    host = two_projects["BETTER"].host
    host.name_en = "Tartu City Government"
    host.save()

    better_page = client.get("/en/events/visit/").content.decode()
    assert "Tartu City Government" in better_page
    assert pages(client, FLOW)[0] == "Porto visit, renamed quietly"


def test_a_draft_save_in_one_project_makes_no_page_stale(client, two_projects):
    flow = Project.objects.get(slug="flow")
    with activate(flow):
        draft = EventFactory(title_en="Draft", is_published=False)
    pages(client)
    pages(client, FLOW)
    quietly_rename(two_projects["BETTER"], "Tartu visit, renamed quietly")
    quietly_rename(two_projects["FLOW"], "Porto visit, renamed quietly")

    with activate(flow):
        draft.title_en = "Draft, edited"
        draft.save()

    assert pages(client)[0] == "Tartu visit"
    assert pages(client, FLOW)[0] == "Porto visit"


def test_another_projects_identity_edit_leaves_the_cache_of_this_one(client, two_projects):
    pages(client)
    pages(client, FLOW)
    quietly_rename(two_projects["BETTER"], "Tartu visit, renamed quietly")

    flow = Project.objects.get(slug="flow")
    flow.acronym = "FLOW2"
    flow.save()

    flow_page = client.get("/en/events/visit/", HTTP_HOST=FLOW).content.decode()
    assert text(inner(flow_page, '<span class="brand-acronym"')) == "FLOW2"
    assert pages(client)[0] == "Tartu visit"


def test_a_version_bump_outside_any_project_makes_every_project_stale(client, two_projects):
    pages(client)
    pages(client, FLOW)
    quietly_rename(two_projects["BETTER"], "Tartu visit, renamed quietly")
    quietly_rename(two_projects["FLOW"], "Porto visit, renamed quietly")

    bump_content_version("events")

    assert pages(client)[0] == "Tartu visit, renamed quietly"
    assert pages(client, FLOW)[0] == "Porto visit, renamed quietly"


def test_a_cached_page_of_a_second_project_costs_one_cache_round_trip(client, two_projects):
    client.get("/en/events/visit/", HTTP_HOST=FLOW)
    calls = []
    original = cache.get_many

    def counting(keys, *args, **kwargs):
        calls.append(list(keys))
        return original(keys, *args, **kwargs)

    cache.get_many = counting
    try:
        html = client.get("/en/events/visit/", HTTP_HOST=FLOW).content.decode()
    finally:
        cache.get_many = original
    assert text(inner(html, "<h1")) == "Porto visit"
    # The page, with the versions of the list of projects and of FLOW's pages.
    assert len(calls) == 1


@pytest.fixture
def shared_domain(settings, two_projects):
    settings.PORTAL_PROJECT_URLS = "path"
    return two_projects


def test_an_event_edit_under_a_projects_path_leaves_the_first_projects_pages(client, shared_domain):
    client.get("/en/events/visit/")
    client.get("/en/flow/events/visit/")
    quietly_rename(shared_domain["BETTER"], "Tartu visit, renamed quietly")

    with activate(Project.objects.get(slug="flow")):
        shared_domain["FLOW"].title_en = "Porto visit, edited"
        shared_domain["FLOW"].save()

    better = client.get("/en/events/visit/").content.decode()
    flow = client.get("/en/flow/events/visit/").content.decode()
    assert text(inner(better, "<h1")) == "Tartu visit"
    assert text(inner(flow, "<h1")) == "Porto visit, edited"
