"""Projects (issue 20): each request is served in one project, and every query of a
project-owned row is scoped to it, in one place (content/scoping.py)."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django_scopes import ScopeError

from content.page_cache import bump_content_version
from content.scoping import activate, every_project
from content.site import Project
from events.models import Event, Workshop
from events.views import EventListView
from practices.models import GoodPractice
from tests.factories import EventFactory, GoodPracticeFactory, WorkshopFactory, identity
from tests.html import inner, text

pytestmark = pytest.mark.django_db

FLOW = "flow.example"


@pytest.fixture
def two_projects(settings):
    """BETTER, served on every host, and FLOW on its own domain, each with an event of the
    same slug and a practice."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, FLOW]
    better = identity(acronym="BETTER", slug="better")
    flow = Project.objects.create(acronym="FLOW", slug="flow", domain=FLOW)
    for project, title in ((better, "Tartu visit"), (flow, "Porto visit")):
        with activate(project):
            EventFactory(
                slug="visit",
                title_en=title,
                start_date=dt.date(2099, 5, 1),
                end_date=dt.date(2099, 5, 1),
            )
            GoodPracticeFactory(slug="registers", title_en=f"{title} registers")
    return better, flow


def titles(html, css_class):
    return [text(m) for m in re.findall(rf'<h[23] class="{css_class}"[^>]*>(.*?)</h[23]>', html)]


@pytest.mark.unscoped
def test_a_query_outside_any_project_fails_loudly():
    with pytest.raises(ScopeError):
        list(Event.objects.all())
    with pytest.raises(ScopeError):
        Workshop.objects.count()


@pytest.mark.unscoped
def test_a_view_served_without_the_middleware_fails_loudly():
    request = RequestFactory().get("/en/events/")

    with pytest.raises(ScopeError):
        EventListView.as_view()(request).render()


def test_rows_take_the_project_being_served(two_projects):
    better, flow = two_projects

    with every_project():
        assert sorted(Event.objects.values_list("project__slug", "title_en")) == [
            ("better", "Tartu visit"),
            ("flow", "Porto visit"),
        ]
        assert GoodPractice.objects.filter(project=flow).get().title_en == "Porto visit registers"
    assert list(Event.objects.values_list("title_en", flat=True)) == ["Tartu visit"]


def test_each_domain_serves_its_own_project(client, two_projects):
    better_page = client.get("/en/events/visit/").content.decode()
    flow_page = client.get("/en/events/visit/", HTTP_HOST=FLOW).content.decode()

    assert text(inner(better_page, "<h1")) == "Tartu visit"
    assert text(inner(flow_page, "<h1")) == "Porto visit"
    assert text(inner(flow_page, '<span class="brand-acronym"')) == "FLOW"


def test_a_project_never_lists_another_projects_events(client, two_projects):
    flow_list = client.get("/en/events/", HTTP_HOST=FLOW).content.decode()
    flow_search = client.get("/en/search/?q=visit", HTTP_HOST=FLOW).content.decode()

    assert "Porto visit" in flow_list
    assert "Tartu visit" not in flow_list
    assert "Porto visit" in flow_search
    assert "Tartu visit" not in flow_search


def test_another_projects_event_is_not_found(client, two_projects):
    with activate(two_projects[0]):
        EventFactory(slug="only-in-better")

    assert client.get("/en/events/only-in-better/").status_code == 200
    assert client.get("/en/events/only-in-better/", HTTP_HOST=FLOW).status_code == 404


@pytest.mark.usefixtures("fragment_cache")
def test_cached_fragments_are_kept_per_project(client, two_projects):
    client.get("/en/events/")
    client.get("/en/practices/")

    flow_list = client.get("/en/events/", HTTP_HOST=FLOW).content.decode()
    flow_practices = client.get("/en/practices/", HTTP_HOST=FLOW).content.decode()

    assert "Porto visit" in flow_list
    assert "Tartu visit" not in flow_list
    assert "Porto visit registers" in flow_practices
    assert "Tartu visit registers" not in flow_practices


def test_calendar_feed_of_a_project_holds_its_events_only(client, two_projects):
    better_ics = client.get("/en/events/calendar.ics").content.decode()
    flow_ics = client.get("/en/events/calendar.ics", HTTP_HOST=FLOW).content.decode()

    assert re.findall(r"SUMMARY;LANGUAGE=en:(.*)\r", better_ics) == ["Tartu visit"]
    assert re.findall(r"SUMMARY;LANGUAGE=en:(.*)\r", flow_ics) == ["Porto visit"]
    assert "X-WR-CALNAME:FLOW events" in flow_ics


def test_slug_is_unique_within_a_project_only(two_projects):
    better, _flow = two_projects
    with activate(better):
        duplicate = Event(
            kind=Event.Kind.LOCAL,
            title_en="Again",
            slug="visit",
            start_date=dt.date(2099, 6, 1),
            end_date=dt.date(2099, 6, 1),
            host=Event.objects.get().host,
        )
        with pytest.raises(Exception) as error:
            duplicate.validate_constraints()

    assert "already exists" in str(error.value)


def test_workshops_follow_their_events_project(two_projects):
    better, flow = two_projects
    with activate(flow):
        WorkshopFactory(event=Event.objects.get(), title_en="Porto workshop")

    with activate(better):
        assert list(Workshop.objects.values_list("title_en", flat=True)) == []
    with activate(flow):
        assert list(Workshop.objects.values_list("title_en", flat=True)) == ["Porto workshop"]


def test_admin_on_a_projects_domain_lists_its_events_only(coordinator_client, two_projects):
    response = coordinator_client.get("/admin/events/event/", HTTP_HOST=FLOW)

    assert [event.title for event in response.context["cl"].result_list] == ["Porto visit"]


@pytest.fixture
def flow_coordinator(django_user_model, two_projects):
    """A coordinator (the Coordinators group) of FLOW only."""
    from django.contrib.auth.models import Group, Permission

    from workspace.groups import ensure_groups

    user = django_user_model.objects.create_user(
        "flow-coord", "coord@flow.example", "a-long-test-password", is_staff=True
    )
    user.groups.add(ensure_groups(Group, Permission)[0])
    two_projects[1].coordinators.add(user)
    return user


def test_a_coordinator_runs_their_project_only(client, flow_coordinator):
    client.force_login(flow_coordinator)

    theirs = client.get("/admin/events/event/", HTTP_HOST=FLOW)
    another = client.get("/admin/events/event/")

    assert [event.title for event in theirs.context["cl"].result_list] == ["Porto visit"]
    assert another.status_code == 302
    assert another["Location"] == "/admin/login/?next=/admin/events/event/"


def test_a_coordinator_reviews_in_their_project_only(flow_coordinator, two_projects):
    from workspace.access import Access, reviewers

    better, flow = two_projects
    with activate(flow):
        assert [user.username for user in reviewers()] == ["flow-coord"]
        assert Access.for_user(flow_coordinator).is_coordinator is True
    with activate(better):
        assert list(reviewers()) == []
        assert Access.for_user(flow_coordinator).is_coordinator is False


@pytest.fixture
def programme_coordinator(django_user_model, two_projects):
    """A coordinator (the Coordinators group) named in no project, given the programme role
    through a group of its own."""
    from django.contrib.auth.models import Group, Permission

    from workspace.groups import ensure_groups

    user = django_user_model.objects.create_user(
        "programme", "programme@interreg.example", "a-long-test-password", is_staff=True
    )
    programme = Group.objects.create(name="Programme secretariat")
    programme.permissions.add(Permission.objects.get(codename="run_programme"))
    user.groups.add(ensure_groups(Group, Permission)[0], programme)
    return user


def test_the_programme_role_runs_every_project(client, programme_coordinator):
    client.force_login(programme_coordinator)

    flow = client.get("/admin/events/event/", HTTP_HOST=FLOW)
    better = client.get("/admin/events/event/")

    assert [event.title for event in flow.context["cl"].result_list] == ["Porto visit"]
    assert [event.title for event in better.context["cl"].result_list] == ["Tartu visit"]


def test_the_programme_role_lists_and_names_every_projects_coordinators(
    client, programme_coordinator, flow_coordinator
):
    from django.contrib.auth.models import Permission

    programme_coordinator.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_project", "change_project"])
    )
    client.force_login(programme_coordinator)

    listed = client.get("/admin/content/project/")
    flow = Project.objects.get(slug="flow")
    form = client.get(f"/admin/content/project/{flow.pk}/change/").context["adminform"].form

    assert [str(project) for project in listed.context["cl"].result_list] == ["BETTER", "FLOW"]
    assert "coordinators" in form.fields  # editable: a read-only field is not a form field


def test_without_the_programme_role_a_coordinator_sees_their_project_only(client, flow_coordinator):
    from django.contrib.auth.models import Permission

    flow_coordinator.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_project", "change_project"])
    )
    client.force_login(flow_coordinator)

    listed = client.get("/admin/content/project/", HTTP_HOST=FLOW)
    form = client.get(listed["Location"], HTTP_HOST=FLOW).context["adminform"].form

    assert (
        listed["Location"]
        == f"/admin/content/project/{Project.objects.get(slug='flow').pk}/change/"
    )
    assert "coordinators" not in form.fields


def test_the_programme_role_reviews_in_every_project(programme_coordinator, two_projects):
    from workspace.access import Access, reviewers

    for project in two_projects:
        with activate(project):
            assert [user.username for user in reviewers()] == ["programme"]
            assert Access.for_user(programme_coordinator).is_coordinator is True


def hreflangs(html):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html)


def switcher(html):
    return re.findall(r'<a [^>]*hreflang="([^"]+)"[^>]*lang="[^"]+"', html) or re.findall(
        r'<a [^>]*lang="([^"]+)"[^>]*hreflang=', html
    )


def test_a_project_offers_its_own_languages(client, two_projects):
    Project.objects.filter(slug="flow").update(languages=["et"])
    bump_content_version()

    flow = client.get("/en/events/", HTTP_HOST=FLOW).content.decode()
    better = client.get("/en/events/").content.decode()

    assert hreflangs(flow) == ["en", "et", "x-default"]
    assert hreflangs(better) == ["en", "it", "et", "hu", "sv", "el", "x-default"]


def test_a_page_in_a_language_the_project_does_not_use_still_offers_its_own(client, two_projects):
    Project.objects.filter(slug="flow").update(languages=["et"])
    bump_content_version()

    page = client.get("/sv/events/", HTTP_HOST=FLOW)

    codes = [link["code"] for link in page.context["language_links"]]
    assert (page.status_code, codes) == (200, ["en", "et", "sv"])


@pytest.mark.parametrize(
    ("accept", "host", "expected"),
    [
        ("sv,et;q=0.8", FLOW, "/et/"),  # Swedish first, which FLOW does not publish in
        ("sv", FLOW, "/en/"),
        ("sv,et;q=0.8", "testserver", "/sv/"),  # BETTER publishes in every language
        ("et-EE", FLOW, "/et/"),
    ],
)
def test_the_address_without_a_language_leads_to_one_of_the_projects(
    client, two_projects, accept, host, expected
):
    Project.objects.filter(slug="flow").update(languages=["et"])
    bump_content_version()

    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept, HTTP_HOST=host)

    assert (response.status_code, response["Location"]) == (302, expected)


def test_the_admin_keeps_the_browsers_language_on_any_project(admin_client, two_projects):
    Project.objects.filter(slug="flow").update(languages=["et"])
    bump_content_version()

    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="sv", HTTP_HOST=FLOW)

    assert page.context["LANGUAGE_CODE"] == "sv"


def test_a_projects_sitemap_offers_its_languages(client, two_projects):
    Project.objects.filter(slug="flow").update(languages=["et"])
    bump_content_version()

    sitemap = client.get("/sitemap.xml", HTTP_HOST=FLOW).content.decode()

    visit = re.findall(r"<loc>(http://flow\.example/[a-z]+/events/visit/)</loc>", sitemap)
    assert visit == ["http://flow.example/en/events/visit/", "http://flow.example/et/events/visit/"]


def test_a_projects_languages_are_the_portals():
    project = Project(acronym="X", slug="x", languages=["et", "xx"])

    with pytest.raises(ValidationError) as error:
        project.full_clean()

    assert error.value.message_dict["languages"] == [
        "Choose among the portal's languages: en, it, et, hu, sv, el."
    ]


def test_the_admin_ticks_a_projects_languages(admin_client, two_projects):
    flow = Project.objects.get(slug="flow")
    data = {"acronym": "FLOW", "slug": "flow", "domain": FLOW, "seen_version": flow.version}

    response = admin_client.post(
        f"/admin/content/project/{flow.pk}/change/", {**data, "languages": ["sv", "et"]}
    )

    flow.refresh_from_db()
    assert (response.status_code, flow.language_codes) == (302, ["en", "et", "sv"])


# On a domain shared by several projects (PORTAL_PROJECT_URLS = "path")


@pytest.fixture
def shared_domain(settings, two_projects):
    settings.PORTAL_PROJECT_URLS = "path"
    return two_projects


def test_a_project_under_its_slug_on_a_shared_domain(client, shared_domain):
    flow_list = client.get("/en/flow/events/").content.decode()
    flow_page = client.get("/en/flow/events/visit/").content.decode()

    assert 'href="/en/flow/events/visit/"' in flow_list
    # No link leaves the project: every address of the site carries its slug.
    assert re.findall(r'href="(/(?:en|sv|it|et|hu|el)/(?!flow/)[^"]*)"', flow_list) == []
    assert text(inner(flow_page, "<h1")) == "Porto visit"
    assert text(inner(flow_page, '<span class="brand-acronym"')) == "FLOW"
    assert '<a href="/sv/flow/events/visit/" hreflang="sv" lang="sv">' in flow_page


def test_the_first_project_keeps_its_addresses_on_a_shared_domain(client, shared_domain):
    page = client.get("/en/events/visit/").content.decode()

    assert text(inner(page, "<h1")) == "Tartu visit"
    assert client.get("/en/nowhere/events/").status_code == 404


def test_a_projects_admin_under_its_slug(coordinator_client, shared_domain):
    response = coordinator_client.get("/flow/admin/events/event/")

    assert [event.title for event in response.context["cl"].result_list] == ["Porto visit"]
    index = coordinator_client.get("/flow/admin/").content.decode()
    assert 'href="/flow/admin/events/event/"' in index


def test_a_slug_may_not_be_one_of_the_sites_own_addresses():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        Project(acronym="EV", slug="events").clean()

    assert error.value.message_dict == {"slug": ["“events” is a part of the site's own addresses."]}


def test_every_first_part_of_the_sites_addresses_is_reserved():
    from better_portal import urls
    from content.site import RESERVED_SLUGS

    patterns = urls.shared_patterns + urls.project_patterns + urls.public_patterns
    first_parts = {str(pattern.pattern).split("/")[0] for pattern in patterns} - {""}
    first_parts.add("static")

    assert first_parts - RESERVED_SLUGS == set()
