"""Partner numbers and roles are each project's: Tartu is P4 in BETTER and P2 in FLOW, one
organisation, and each project's site shows its own numbers."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.urls import reverse

from content.scoping import activate, every_project
from content.site import Project, default_project
from partners.models import Organisation, ProjectPartner
from tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    PersonFactory,
    ProjectPartnerFactory,
)
from tests.html import inner, item_titles, text

pytestmark = pytest.mark.django_db

FLOW = "flow.example"


@pytest.fixture
def flow(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, FLOW]
    default_project()  # BETTER, the first project, exists before FLOW
    return Project.objects.create(acronym="FLOW", slug="flow", domain=FLOW)


@pytest.fixture
def tartu(flow):
    """P4 in BETTER, P2 in FLOW; Genoa leads BETTER, Gävle leads FLOW."""
    tartu = PartnerFactory(
        name_en="City of Tartu", short_name="Tartu", slug="tartu", partner_number=4
    )
    PartnerFactory(
        name_en="Comune di Genova",
        short_name="Genoa",
        slug="genoa",
        partner_number=1,
        partner_role=Organisation.Role.LEAD,
    )
    gavle = OrganisationFactory(name_en="Gävle kommun", short_name="Gävle", slug="gavle")
    ProjectPartnerFactory(project=flow, organisation=gavle, number=1, role="lead")
    ProjectPartnerFactory(project=flow, organisation=tartu, number=2)
    return tartu


def _meta(html):
    return [
        text(inner(item, '<p class="item-meta"'))
        for item in html.split('<li class="organisation-item">')[1:]
    ]


def test_partner_list_each_project_shows_its_numbers(client, tartu):
    better = client.get("/en/partners/").content.decode()
    flow = client.get("/en/partners/", HTTP_HOST=FLOW).content.decode()

    assert (item_titles(better, "organisation-item"), _meta(better)) == (
        ["Comune di Genova", "City of Tartu"],
        [
            "P1 · Lead partner · Local public authority · Tartu, Estonia",
            "P4 · Partner · Local public authority · Tartu, Estonia",
        ],
    )
    assert (item_titles(flow, "organisation-item"), _meta(flow)) == (
        ["Gävle kommun", "City of Tartu"],
        [
            "P1 · Lead partner · Local public authority · Tartu, Estonia",
            "P2 · Partner · Local public authority · Tartu, Estonia",
        ],
    )


def test_partner_page_each_project_shows_its_number(client, tartu):
    better = client.get("/en/partners/tartu/").content.decode()
    flow = client.get("/en/partners/tartu/", HTTP_HOST=FLOW).content.decode()

    assert [text(inner(html, "<dd")) for html in (better, flow)] == [
        "P4 · Partner",
        "P2 · Partner",
    ]


def test_api_organisations_each_project_numbers(client, tartu):
    def numbers(**host):
        body = json.loads(client.get("/en/api/organisations/", **host).content)
        return [(o["slug"], o["partner_code"], o["partner_role"]) for o in body["results"]]

    assert numbers() == [("genoa", "P1", "lead"), ("tartu", "P4", "partner")]
    assert numbers(HTTP_HOST=FLOW) == [("gavle", "P1", "lead"), ("tartu", "P2", "partner")]


def test_labels_and_consortium_each_project(flow, tartu):
    lauri = PersonFactory(name="Lauri Sock", organisation=tartu)

    def seen():
        return (
            lauri.label,
            [(o.slug, o.partner_code) for o in Organisation.objects.consortium()],
            list(Organisation.objects.lead().values_list("slug", flat=True)),
        )

    better = seen()
    with activate(flow):
        in_flow = seen()

    assert better == ("Lauri Sock (P4 Tartu)", [("genoa", "P1"), ("tartu", "P4")], ["genoa"])
    assert in_flow == ("Lauri Sock (P2 Tartu)", [("gavle", "P1"), ("tartu", "P2")], ["gavle"])


def test_same_number_in_two_projects_is_allowed(flow, tartu):
    other = ProjectPartnerFactory.build(project=flow, organisation=OrganisationFactory(), number=4)

    other.full_clean()
    other.save()

    with every_project():
        projects = ProjectPartner.objects.filter(number=4).values_list("project__slug", flat=True)
        assert sorted(projects) == sorted([default_project().slug, "flow"])


def test_lead_partner_one_per_project(flow, tartu):
    second_lead = ProjectPartnerFactory.build(
        project=flow, organisation=OrganisationFactory(), number=3, role="lead"
    )

    with pytest.raises(ValidationError) as excinfo:
        second_lead.full_clean()

    assert excinfo.value.messages == ["There is already a lead partner: a project has one."]
    with every_project():
        leads = ProjectPartner.objects.filter(role="lead").values_list("organisation__slug")
        assert sorted(slug for (slug,) in leads) == ["gavle", "genoa"]


def test_admin_inline_shows_the_served_projects_membership_only(coordinator_client, tartu):
    url = reverse("admin:partners_organisation_change", args=[tartu.pk])

    def memberships(**host):
        html = coordinator_client.get(url, **host).content.decode()
        total = re.search(r'name="memberships-TOTAL_FORMS" value="(\d+)"', html).group(1)
        return total, re.findall(r'name="memberships-\d+-number" value="(\d+)"', html)

    assert memberships() == ("1", ["4"])
    assert memberships(HTTP_HOST=FLOW) == ("1", ["2"])


def test_admin_inline_adds_the_membership_in_the_served_project(coordinator_client, flow, tartu):
    hub = OrganisationFactory(name_en="Digital Innovation Hub", slug="hub")
    url = reverse("admin:partners_organisation_change", args=[hub.pk])
    form = coordinator_client.get(url, HTTP_HOST=FLOW).context["adminform"].form
    data = {  # the form as shown; no file
        name: value
        for name, value in form.initial.items()
        if value is not None and value is not False and not isinstance(value, FieldFile)
    }
    data |= {"people-TOTAL_FORMS": 0, "people-INITIAL_FORMS": 0}
    data |= {"memberships-TOTAL_FORMS": 1, "memberships-INITIAL_FORMS": 0}
    data |= {"memberships-0-number": 3, "memberships-0-role": "advisory"}

    response = coordinator_client.post(url, data, HTTP_HOST=FLOW)

    assert response.status_code == 302
    with every_project():
        rows = ProjectPartner.objects.filter(organisation=hub).values_list(
            "project__slug", "number", "role"
        )
        assert list(rows) == [("flow", 3, "advisory")]
    assert [(o.slug, o.partner_code) for o in Organisation.objects.consortium()] == [
        ("genoa", "P1"),
        ("tartu", "P4"),
    ]
