"""The permission matrix across two projects: who may open and change what in the admin and
the workspace of BETTER (served on every host) and FLOW (on its own domain), by every role."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission

from content.scoping import activate
from content.site import Project
from events.models import Event
from practices.models import GoodPractice
from tests.factories import EventFactory, GoodPracticeFactory, PartnerFactory, identity
from tests.workspace.conftest import make_staff
from workspace.groups import ensure_groups

pytestmark = pytest.mark.django_db

FLOW = "flow.example"
HOSTS = {"BETTER": "testserver", "FLOW": FLOW}
# Who runs which project's admin (every other staff login is sent to the login page).
RUNS = {
    "superuser": {"BETTER", "FLOW"},
    "programme": {"BETTER", "FLOW"},
    "better-coordinator": {"BETTER"},
    "flow-coordinator": {"FLOW"},
    "better-staff": set(),
}


@pytest.fixture
def projects(settings):
    """Each project with an event and a practice of the same slug, and each role's login."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, FLOW]
    made = {"BETTER": identity(acronym="BETTER", slug="better")}
    made["FLOW"] = Project.objects.create(acronym="FLOW", slug="flow", domain=FLOW)
    for name, project in made.items():
        with activate(project):
            EventFactory(
                slug="visit",
                title_en=f"{name} visit",
                start_date=dt.date(2099, 5, 1),
                end_date=dt.date(2099, 5, 1),
            )
            GoodPracticeFactory(slug="registers", title_en=f"{name} registers")
    return made


@pytest.fixture
def logins(django_user_model, projects):
    coordinators = ensure_groups(Group, Permission)[0]
    programme = Group.objects.create(name="Programme secretariat")
    programme.permissions.add(Permission.objects.get(codename="run_programme"))

    def staff_login(username, *groups, **flags):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "a-long-test-password", is_staff=True, **flags
        )
        user.groups.add(*groups)
        return user

    users = {
        "superuser": staff_login("superuser", is_superuser=True),
        "programme": staff_login("programme", coordinators, programme),
        "better-coordinator": staff_login("better-coordinator", coordinators),
        "flow-coordinator": staff_login("flow-coordinator", coordinators),
    }
    projects["BETTER"].coordinators.add(users["better-coordinator"])
    projects["FLOW"].coordinators.add(users["flow-coordinator"])
    with activate(projects["BETTER"]):
        users["better-staff"] = make_staff(django_user_model, PartnerFactory(slug="tartu"), "staff")
    return users


def _titles(response):
    return [str(row) for row in response.context["cl"].result_list]


@pytest.mark.parametrize("role", list(RUNS))
@pytest.mark.parametrize("project", list(HOSTS))
@pytest.mark.parametrize(
    ("path", "expected"),
    [("/admin/events/event/", "{} visit"), ("/admin/practices/goodpractice/", "{} registers")],
)
def test_each_role_lists_the_projects_it_runs_only(client, logins, role, project, path, expected):
    client.force_login(logins[role])

    response = client.get(path, HTTP_HOST=HOSTS[project])

    if project in RUNS[role]:
        assert (response.status_code, _titles(response)) == (200, [expected.format(project)])
    else:
        assert (response.status_code, response["Location"]) == (302, f"/admin/login/?next={path}")


@pytest.mark.parametrize("role", ["better-coordinator", "flow-coordinator", "programme"])
def test_another_projects_rows_cannot_be_opened_or_changed_by_their_ids(
    client, logins, projects, role
):
    """On the domain of a project it runs, a login asks for the other project's rows by id."""
    client.force_login(logins[role])
    served = "FLOW" if role == "flow-coordinator" else "BETTER"
    other = "BETTER" if served == "FLOW" else "FLOW"
    with activate(projects[other]):
        event, practice = Event.objects.get(), GoodPractice.objects.get()
    urls = [
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/practices/goodpractice/{practice.pk}/change/",
    ]

    opened = [client.get(url, HTTP_HOST=HOSTS[served]).status_code for url in urls]
    posted = [
        client.post(url, {"title_en": "Changed"}, HTTP_HOST=HOSTS[served]).status_code
        for url in urls
    ]

    # The admin answers a row it cannot find with a redirect to its index and a message.
    assert (opened, posted) == ([302, 302], [302, 302])
    with activate(projects[other]):
        titles = [Event.objects.get().title_en, GoodPractice.objects.get().title_en]
    assert titles == [f"{other} visit", f"{other} registers"]


@pytest.mark.parametrize(("project", "status"), [("BETTER", 200), ("FLOW", 403)])
def test_partner_staff_work_in_their_partners_project_only(client, logins, project, status):
    client.force_login(logins["better-staff"])

    response = client.get("/en/workspace/", HTTP_HOST=HOSTS[project])

    assert response.status_code == status
