"""Organisations per project: each project's site lists and serves the organisations that take
part in it (Organisation.objects.in_project()), and an organisation's page names every project
it takes part in, linked to its page on each project's site.

BETTER (the default project, served on every host but FLOW's) and FLOW (on flow.example) share
Tartu; Genoa takes part in BETTER only, Gävle in FLOW only."""

import json
import re

import pytest
from django.core.cache import cache

from content.scoping import activate
from content.site import Project
from partners.models import Organisation
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    ParticipationFactory,
    PartnerFactory,
    ProjectPartnerFactory,
    TransferFactory,
    identity,
)
from tests.html import inner, item_titles, text

pytestmark = pytest.mark.django_db

FLOW = "flow.example"
# The organisation page, nothing cached, with its projects (one query whatever their number).
PAGE_QUERIES = 9


@pytest.fixture
def flow(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, FLOW]
    identity(acronym="BETTER")  # the first project, the default one, exists before FLOW
    return Project.objects.create(acronym="FLOW", name_en="Flowing towns", slug="flow", domain=FLOW)


@pytest.fixture
def orgs(flow):
    """Tartu P4 in BETTER and P1 (lead) in FLOW; Genoa P1 (lead) in BETTER; Gävle in FLOW only,
    as the host of a FLOW event."""
    tartu = PartnerFactory(
        name_en="City of Tartu", short_name="Tartu", slug="tartu", partner_number=4
    )
    genoa = PartnerFactory(
        name_en="Comune di Genova", slug="genoa", partner_number=1, partner_role="lead"
    )
    gavle = OrganisationFactory(name_en="Gävle kommun", slug="gavle")
    ProjectPartnerFactory(project=flow, organisation=tartu, number=1, role="lead")
    with activate(flow):
        EventFactory(host=gavle, slug="flow-visit", is_published=True)
    return {"tartu": tartu, "genoa": genoa, "gavle": gavle}


def _slugs(project=None):
    return sorted(Organisation.objects.in_project(project).values_list("slug", flat=True))


def _projects_section(html):
    if 'aria-labelledby="projects-heading"' not in html:
        return None
    section = inner(html, '<section aria-labelledby="projects-heading"')
    return [
        (text(item), (re.search(r'href="([^"]*)"', item) or [None, ""])[1])
        for item in re.findall(r"<li>(.*?)</li>", section, re.S)
    ]


# The rule


def test_in_project_each_way_of_taking_part(flow):
    with activate(flow):
        host = OrganisationFactory(slug="host")
        event = EventFactory(host=host, is_published=False)  # drafts count: the data says so
        ParticipationFactory(event=event, organisation=OrganisationFactory(slug="participant"))
        practice = GoodPracticeFactory(owner=OrganisationFactory(slug="owner"))
        TransferFactory(practice=practice, importer=OrganisationFactory(slug="importer"))
    ProjectPartnerFactory(project=flow, organisation=OrganisationFactory(slug="partner"), number=1)
    OrganisationFactory(slug="nowhere")

    assert _slugs(flow) == ["host", "importer", "owner", "participant", "partner"]
    assert _slugs() == ["nowhere"]  # the default project: none of them, but the one of no project
    with activate(flow):
        assert _slugs() == ["host", "importer", "owner", "participant", "partner"]


def test_in_project_reads_the_project_served_when_the_query_runs(orgs, flow):
    organisations = Organisation.objects.in_project().values_list("slug", flat=True)

    with activate(flow):
        in_flow = sorted(organisations.all())
    assert (sorted(organisations.all()), in_flow) == (["genoa", "tartu"], ["gavle", "tartu"])


def test_one_project_instance_lists_every_organisation(client):
    PartnerFactory(name_en="Comune di Genova", slug="genoa", partner_number=1)
    OrganisationFactory(name_en="Digital Innovation Hub", slug="hub")  # no event, no practice

    html = client.get("/en/partners/").content.decode()

    assert item_titles(html, "organisation-item") == ["Comune di Genova", "Digital Innovation Hub"]
    assert client.get("/en/partners/hub/").status_code == 200
    assert _slugs() == sorted(Organisation.objects.values_list("slug", flat=True))


# Each project's site


def test_partner_list_shows_the_projects_organisations_only(client, orgs):
    better = client.get("/en/partners/").content.decode()
    flow = client.get("/en/partners/", HTTP_HOST=FLOW).content.decode()

    assert item_titles(better, "organisation-item") == ["Comune di Genova", "City of Tartu"]
    assert item_titles(flow, "organisation-item") == ["City of Tartu", "Gävle kommun"]


def test_organisation_of_another_project_is_not_found(client, orgs):
    assert [
        client.get("/en/partners/gavle/").status_code,
        client.get("/en/partners/gavle/", HTTP_HOST=FLOW).status_code,
        client.get("/en/partners/genoa/", HTTP_HOST=FLOW).status_code,
        client.get("/en/partners/tartu/", HTTP_HOST=FLOW).status_code,
    ] == [404, 200, 404, 200]


def test_sitemap_lists_the_projects_organisations_only(client, orgs):
    def partner_pages(**host):
        xml = client.get("/sitemap.xml", **host).content.decode()
        return sorted(set(re.findall(r"<loc>[^<]*/en/partners/([^<]+)/</loc>", xml)))

    assert partner_pages() == ["genoa", "tartu"]
    assert partner_pages(HTTP_HOST=FLOW) == ["gavle", "tartu"]


def test_api_lists_the_projects_organisations_only(client, orgs):
    def slugs(**host):
        body = json.loads(client.get("/en/api/organisations/", **host).content)
        return [o["slug"] for o in body["results"]]

    assert slugs() == ["genoa", "tartu"]
    assert slugs(HTTP_HOST=FLOW) == ["tartu", "gavle"]


def test_search_finds_the_projects_organisations_only(client, orgs):
    def found(**host):
        html = client.get("/en/search/", {"q": "Gävle"}, **host).content.decode()
        if 'aria-labelledby="results-organisations"' not in html:
            return []
        section = inner(html, '<section aria-labelledby="results-organisations"')
        return item_titles(section, "organisation-item")

    assert found() == []
    assert found(HTTP_HOST=FLOW) == ["Gävle kommun"]


@pytest.mark.usefixtures("fragment_cache")
def test_a_new_partner_or_participation_shows_at_once(client, orgs, flow):
    genoa = orgs["genoa"]
    with activate(flow):
        event = EventFactory(host=orgs["gavle"], slug="second", is_published=True)
    hub = OrganisationFactory(slug="hub")
    ProjectPartnerFactory(project=flow, organisation=hub, number=5)  # FLOW only, now
    assert client.get("/en/partners/genoa/", HTTP_HOST=FLOW).status_code == 404
    assert _projects_section(client.get("/en/partners/genoa/").content.decode()) is None

    with activate(flow):
        ParticipationFactory(event=event, organisation=genoa)

    assert client.get("/en/partners/genoa/", HTTP_HOST=FLOW).status_code == 200
    assert [
        name for name, _url in _projects_section(client.get("/en/partners/genoa/").content.decode())
    ] == [
        "BETTER · P1 · Lead partner",
        "FLOW: Flowing towns",
    ]


# The organisation's page: the projects it takes part in


def test_organisation_page_lists_its_projects_with_number_and_role(client, orgs):
    better = client.get("/en/partners/tartu/").content.decode()
    flow = client.get("/en/partners/tartu/", HTTP_HOST=FLOW).content.decode()

    # BETTER, the default project, has no domain of its own: its site is linked from its own
    # pages only (Project.url_of()).
    assert _projects_section(better) == [
        ("BETTER · P4 · Partner", "/en/partners/tartu/"),
        ("FLOW: Flowing towns · P1 · Lead partner", "https://flow.example/en/partners/tartu/"),
    ]
    assert _projects_section(flow) == [
        ("BETTER · P4 · Partner", ""),
        ("FLOW: Flowing towns · P1 · Lead partner", "https://flow.example/en/partners/tartu/"),
    ]
    assert 'aria-current="page">FLOW: Flowing towns</a>' in flow


def test_organisation_page_projects_in_the_readers_language(client, orgs):
    html = client.get("/sv/partners/tartu/").content.decode()

    assert _projects_section(html) == [
        ("BETTER · P4 · Partner", "/sv/partners/tartu/"),
        ("FLOW: Flowing towns · P1 · Huvudpartner", "https://flow.example/sv/partners/tartu/"),
    ]
    assert text(inner(html, '<h2 id="projects-heading"')) == "Projekt"


def test_organisation_page_of_one_project_has_no_projects_section(client, orgs):
    assert _projects_section(client.get("/en/partners/genoa/").content.decode()) is None
    assert (
        _projects_section(client.get("/en/partners/gavle/", HTTP_HOST=FLOW).content.decode())
        is None
    )


def test_organisation_page_links_projects_under_their_slug_on_a_shared_domain(
    client, orgs, flow, settings
):
    settings.PORTAL_PROJECT_URLS = "path"
    flow.domain = ""
    flow.save()

    better = client.get("/en/partners/tartu/").content.decode()
    in_flow = client.get("/en/flow/partners/tartu/").content.decode()

    expected = [
        ("BETTER · P4 · Partner", "/en/partners/tartu/"),
        ("FLOW: Flowing towns · P1 · Lead partner", "/en/flow/partners/tartu/"),
    ]
    assert (_projects_section(better), _projects_section(in_flow)) == (expected, expected)


def test_organisation_page_query_count_constant_with_more_projects(
    client, orgs, django_assert_num_queries
):
    def projects_shown():
        cache.clear()  # the first request after an edit: nothing cached
        with django_assert_num_queries(PAGE_QUERIES):
            html = client.get("/en/partners/tartu/").content.decode()
        return len(_projects_section(html))

    shown = [projects_shown()]
    for n in range(4):
        project = Project.objects.create(acronym=f"P{n}", slug=f"p{n}", domain=f"p{n}.example")
        ProjectPartnerFactory(project=project, organisation=orgs["tartu"], number=n + 1)
        with activate(project):
            EventFactory(host=orgs["tartu"], slug=f"e{n}")
    shown.append(projects_shown())

    assert shown == [2, 6]


@pytest.mark.usefixtures("page_cache")
def test_cached_pages_show_a_new_partner_and_a_new_participation(client, orgs, flow):
    def flow_list():
        html = client.get("/en/partners/", HTTP_HOST=FLOW).content.decode()
        return item_titles(html, "organisation-item")

    hub = OrganisationFactory(name_en="Digital Innovation Hub", slug="hub")
    with activate(flow):
        event = EventFactory(host=orgs["gavle"], slug="second", is_published=True)
    before = (flow_list(), client.get("/en/partners/hub/", HTTP_HOST=FLOW).status_code)
    genoa_before = _projects_section(client.get("/en/partners/genoa/").content.decode())

    ProjectPartnerFactory(project=flow, organisation=hub, number=5)
    with activate(flow):
        ParticipationFactory(event=event, organisation=orgs["genoa"])

    assert before == (["City of Tartu", "Gävle kommun"], 404)
    assert flow_list() == [
        "City of Tartu",
        "Digital Innovation Hub",
        "Comune di Genova",
        "Gävle kommun",
    ]
    assert client.get("/en/partners/hub/", HTTP_HOST=FLOW).status_code == 200
    assert genoa_before is None
    assert [
        name for name, _url in _projects_section(client.get("/en/partners/genoa/").content.decode())
    ] == [
        "BETTER · P1 · Lead partner",
        "FLOW: Flowing towns",
    ]
