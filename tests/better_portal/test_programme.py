"""The programme level (issue 20): the programme's home lists its projects, and its practice
database holds the published practices of every project, with filters and search."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from content.scoping import activate
from content.site import Project, all_projects
from tests.factories import GoodPracticeFactory, OrganisationFactory, ThemeFactory, identity
from tests.html import inner, item_titles, text

pytestmark = pytest.mark.django_db

FLOW = "flow.example"


@pytest.fixture
def programme(settings):
    """Three projects of Interreg Europe: BETTER (the default one, served on every host),
    FLOW on its own domain and RIVERS without one; Tartu owns practices of two of them."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, FLOW]
    better = identity(
        acronym="BETTER",
        slug="better",
        name_en="Better e-services",
        name_sv="Bättre e-tjänster",
        description_en="Five cities improve their public e-services.",
        programme_name_en="Interreg Europe",
    )
    flow = Project.objects.create(
        acronym="FLOW",
        slug="flow",
        domain=FLOW,
        name_en="Open data flows",
        description_en="Regions share their open data.",
        programme_name_en="Interreg Europe",
    )
    rivers = Project.objects.create(acronym="RIVERS", slug="rivers", name_en="Living rivers")
    genoa = OrganisationFactory(name_en="Comune di Genova", country="IT", nuts_code="ITC33")
    tartu = OrganisationFactory(name_en="Tartu City Government", country="EE", nuts_code="EE008")
    gavle = OrganisationFactory(name_en="Gävle kommun", country="SE", nuts_code="SE313")
    citizens = ThemeFactory(name_en="Digital services for citizens", slug="citizens")
    security = ThemeFactory(name_en="Security and resilience", slug="security")
    practices = [
        (better, "Digital citizen folder", "folder", genoa, citizens),
        (better, "Tartu open data portal", "open-data", tartu, security),
        (flow, "Mobility registers", "registers", tartu, citizens),
        (rivers, "Flood sensors", "sensors", gavle, security),
    ]
    for project, title, slug, owner, theme in practices:
        with activate(project):
            GoodPracticeFactory(
                title_en=title, slug=slug, owner=owner, summary_en=f"{title}."
            ).themes.add(theme)
    with activate(flow):
        GoodPracticeFactory(title_en="Draft flow idea", owner=gavle, status="draft").themes.add(
            citizens
        )
    return better, flow, rivers


def practice_titles(response):
    return item_titles(response.content.decode(), "practice-item")


def card_projects(response):
    html = response.content.decode()
    return [text(label) for label in re.findall(r'<p class="item-project">(.*?)</p>', html)]


def card_links(response):
    cards = re.findall(r'<li class="practice-item">(.*?)</li>', response.content.decode(), re.S)
    return [
        re.search(r'<h2 class="item-title">(?:<a href="([^"]*)">)?', card).group(1)
        for card in cards
    ]


ALL = ["Digital citizen folder", "Flood sensors", "Mobility registers", "Tartu open data portal"]


def test_programme_home_names_the_programme_and_lists_its_projects(client, programme):
    html = client.get("/en/programme/").content.decode()

    assert text(inner(html, "<h1")) == "Interreg Europe"
    assert item_titles(html, "project-item") == ["BETTER", "FLOW", "RIVERS"]
    projects = inner(html, '<ul class="card-list project-list"')
    assert re.findall(r'<a href="([^"]*)">', projects) == ["/en/", "https://flow.example/"]
    assert [text(p) for p in re.findall(r'<p class="item-meta">(.*?)</p>', projects)] == [
        "Better e-services",
        "Open data flows",
        "Living rivers",
    ]
    assert [text(p) for p in re.findall(r'<p class="item-summary">(.*?)</p>', projects)] == [
        "Five cities improve their public e-services.",
        "Regions share their open data.",
    ]
    assert text(inner(html, "<title")) == "Interreg Europe · BETTER"


def test_programme_home_marks_a_project_name_shown_in_english(client, programme):
    html = client.get("/sv/programme/").content.decode()

    projects = inner(html, '<ul class="card-list project-list"')
    names = re.findall(r'<p class="item-meta">(.*?)</p>', projects)
    assert text(names[0]) == "Bättre e-tjänster"
    assert names[1] == (
        '<span class="fallback"><span lang="en">Open data flows</span> '
        '<small class="fallback-hint">(på engelska)</small></span>'
    )


def test_programme_home_meta_and_breadcrumbs(client, programme):
    html = client.get("/en/programme/").content.decode()

    assert re.search(r'<meta name="description" content="([^"]*)">', html).group(1) == (
        "The projects of Interreg Europe and their good practices."
    )
    assert text(inner(html, '<nav class="breadcrumbs"')) == "BETTER Interreg Europe"
    assert '<link rel="alternate" hreflang="et" href="http://testserver/et/programme/">' in html


def test_programme_home_of_a_project_without_programme_name(client):
    identity(acronym="BETTER", programme_name_en="")

    with translation.override("et"):
        html = client.get("/et/programme/").content.decode()

    assert text(inner(html, "<h1")) == "Programm"
    assert item_titles(html, "project-item") == ["BETTER"]


def test_practice_database_lists_every_projects_published_practices(client, programme):
    response = client.get("/en/programme/practices/")

    assert practice_titles(response) == ALL
    assert card_projects(response) == [
        "Project: BETTER",
        "Project: RIVERS",
        "Project: FLOW",
        "Project: BETTER",
    ]
    html = response.content.decode()
    assert text(inner(html, '<p class="result-count"')) == "4 good practices"


def test_practice_database_never_shows_a_draft_of_another_project(client, programme):
    response = client.get("/en/programme/practices/", {"q": "idea"})

    assert practice_titles(response) == []
    assert text(inner(response.content.decode(), '<p class="result-count"')) == "0 good practices"


def test_practice_database_cards_link_the_practice_on_its_projects_site(client, programme):
    response = client.get("/en/programme/practices/")

    assert card_links(response) == [
        "/en/practices/folder/",
        None,  # RIVERS has no site of its own
        "https://flow.example/en/practices/registers/",
        "/en/practices/open-data/",
    ]


def test_practice_database_on_another_projects_domain_links_only_real_sites(client, programme):
    response = client.get("/en/programme/practices/", HTTP_HOST=FLOW)

    # This host serves FLOW: the default project's pages are not here, and it has no domain.
    assert practice_titles(response) == ALL
    assert card_links(response) == [
        None,
        None,
        "https://flow.example/en/practices/registers/",
        None,
    ]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({"project": "flow"}, ["Mobility registers"]),
        ({"project": "better"}, ["Digital citizen folder", "Tartu open data portal"]),
        ({"theme": "security"}, ["Flood sensors", "Tartu open data portal"]),
        ({"country": "EE"}, ["Mobility registers", "Tartu open data portal"]),
        ({"country": "SE"}, ["Flood sensors"]),
        ({"nuts": "EE"}, ["Mobility registers", "Tartu open data portal"]),
        ({"nuts": "ee008"}, ["Mobility registers", "Tartu open data portal"]),
        ({"nuts": "ITC3"}, ["Digital citizen folder"]),
        ({"nuts": "ITC4"}, []),
        ({"q": "sensors"}, ["Flood sensors"]),
        ({"q": "data", "project": "better"}, ["Tartu open data portal"]),
        ({"country": "EE", "theme": "citizens"}, ["Mobility registers"]),
    ],
)
def test_practice_database_filter_narrows(client, programme, query, titles):
    assert practice_titles(client.get("/en/programme/practices/", query)) == titles


def test_practice_database_offers_the_owners_countries(client, programme):
    html = client.get("/en/programme/practices/").content.decode()

    country = inner(html, '<select name="country"')
    assert [text(o) for o in re.findall(r"<option[^>]*>(.*?)</option>", country)] == [
        "All countries",
        "Estonia",
        "Italy",
        "Sweden",
    ]


def test_practice_database_country_names_in_the_readers_language(client, programme):
    html = client.get("/et/programme/practices/", {"country": "EE"}).content.decode()

    assert '<option value="EE" selected>Eesti</option>' in html
    assert text(inner(html, "<h1")) == "Kõigi programmi Interreg Europe projektide head praktikad"


@pytest.mark.parametrize("nuts", ["E", "EE%", "EE 00", "EE0088", "E_", "1E", "a" * 10_240])
def test_practice_database_bad_nuts_is_a_message_other_filters_kept(client, programme, nuts):
    response = client.get("/en/programme/practices/", {"nuts": nuts, "project": "better"})

    html = response.content.decode()
    assert response.status_code == 200
    assert text(inner(html, '<p class="field-error" id="id_nuts_error"')) == (
        "Enter a NUTS code or its start: two letters, then up to three letters or digits (EE008)."
    )
    assert '<option value="better" selected>BETTER</option>' in html
    assert practice_titles(response) == ["Digital citizen folder", "Tartu open data portal"]


@pytest.mark.parametrize(
    ("name", "value"),
    [("project", "nowhere"), ("country", "XX"), ("theme", "cooking"), ("country", "EE'--")],
)
def test_practice_database_unknown_choice_is_a_message_other_filters_kept(
    client, programme, name, value
):
    response = client.get("/en/programme/practices/", {name: value, "nuts": "EE"})

    html = response.content.decode()
    assert response.status_code == 200
    message = "That choice" if name == "theme" else value
    assert text(inner(html, f'<p class="field-error" id="id_{name}_error"')) == (
        f"Select a valid choice. {message} is not one of the available choices."
    )
    assert '<input type="text" name="nuts" value="EE" maxlength="5" id="id_nuts">' in html
    assert practice_titles(response) == ["Mobility registers", "Tartu open data portal"]


def test_practice_database_huge_search_is_a_message(client, programme):
    response = client.get("/en/programme/practices/", {"q": "a" * 10_240, "country": "SE"})

    html = response.content.decode()
    assert text(inner(html, '<p class="field-error" id="id_q_error"')) == (
        "Ensure this value has at most 200 characters (it has 10240)."
    )
    assert practice_titles(response) == ["Flood sensors"]


@pytest.mark.parametrize("page", ["999", "abc", "-1"])
def test_practice_database_bad_page_not_found(client, programme, page):
    assert client.get("/en/programme/practices/", {"page": page}).status_code == 404


def test_practice_database_pages_keep_the_filters(client, programme):
    with activate(programme[1]):
        for number in range(25):
            GoodPracticeFactory(title_en=f"Flow practice {number:02}")

    first = client.get("/en/programme/practices/", {"project": "flow"}).content.decode()
    second = client.get("/en/programme/practices/", {"project": "flow", "page": "2"})

    assert '<a href="?project=flow&amp;page=2" rel="next">Next page</a>' in first
    assert practice_titles(second) == [f"Flow practice {n}" for n in range(20, 25)] + [
        "Mobility registers"
    ]


def test_practice_database_meta_and_breadcrumbs(client, programme):
    html = client.get("/en/programme/practices/").content.decode()

    assert text(inner(html, "<title")) == "Interreg Europe: good practices · BETTER"
    assert re.search(r'<meta name="description" content="([^"]*)">', html).group(1) == (
        "The good practices of every Interreg Europe project, by project, theme, country and "
        "region."
    )
    crumbs = inner(html, '<nav class="breadcrumbs"')
    assert re.findall(r'<a href="([^"]*)">', crumbs) == ["/en/", "/en/programme/"]
    assert text(crumbs) == "BETTER Interreg Europe Good practices"


def test_practice_database_query_count_constant(client, programme, django_assert_num_queries):
    all_projects()  # the list of projects is cached, as on a running server
    with django_assert_num_queries(6):
        client.get("/en/programme/practices/", {"theme": "citizens"})

    for project in programme:
        with activate(project):
            for _ in range(8):
                GoodPracticeFactory(owner=OrganisationFactory(country="HU")).themes.set(
                    ThemeFactory.create_batch(2)
                )
    all_projects()
    with django_assert_num_queries(6):
        client.get("/en/programme/practices/", {"theme": "citizens"})
    with django_assert_num_queries(5):
        client.get("/en/programme/practices/")


def test_practice_database_query_count_at_one_practice(client, django_assert_num_queries):
    with activate(identity(acronym="BETTER")):
        GoodPracticeFactory().themes.add(ThemeFactory())
    Project.objects.create(acronym="FLOW")
    all_projects()
    with django_assert_num_queries(5):
        client.get("/en/programme/practices/")


@pytest.mark.usefixtures("fragment_cache")
def test_practice_database_cached_cards_show_an_edit(client, programme):
    client.get("/en/programme/practices/")
    with activate(programme[1]):
        practice = GoodPracticeFactory._meta.model.objects.get(slug="registers")
        practice.title_en = "Mobility registers of FLOW"
        practice.save()

    response = client.get("/en/programme/practices/")

    assert "Mobility registers of FLOW" in practice_titles(response)
    assert card_projects(response)[2] == "Project: FLOW"


def test_footer_links_the_programme_only_on_a_many_project_instance(client):
    identity(acronym="BETTER")
    one = client.get("/en/").content.decode()
    Project.objects.create(acronym="FLOW")
    many = client.get("/en/").content.decode()

    programme_link = '<a href="/en/programme/">'
    assert programme_link not in one
    footer = inner(many, '<section class="footer-about"')
    assert re.findall(r'<a href="([^"]*)">', footer) == ["/en/subscribe/", "/en/programme/"]


def test_site_url_of_each_kind_of_project(programme):
    better, flow, rivers = programme

    assert better.site_url() == reverse("home") == "/en/"
    assert flow.site_url() == "https://flow.example/"
    assert rivers.site_url() == ""
    with activate(flow):
        assert better.site_url() == ""
        assert flow.site_url() == "https://flow.example/"


def test_programme_home_query_count_constant(client, django_assert_num_queries):
    identity(acronym="BETTER", programme_name_en="Interreg Europe")
    Project.objects.create(acronym="FLOW")
    all_projects()
    with django_assert_num_queries(0):
        html = client.get("/en/programme/").content.decode()
    assert item_titles(html, "project-item") == ["BETTER", "FLOW"]

    for number in range(10):
        Project.objects.create(acronym=f"P{number}")
    all_projects()
    with django_assert_num_queries(0):
        html = client.get("/en/programme/").content.decode()
    assert len(item_titles(html, "project-item")) == 12


def test_practice_database_cached_page_shows_another_projects_edit(
    client, programme, settings, django_assert_num_queries
):
    from django.core.cache import cache

    settings.PORTAL_PAGE_CACHE = True
    cache.clear()
    client.get("/en/programme/practices/")
    with django_assert_num_queries(0):  # served from the page cache
        client.get("/en/programme/practices/")
    with activate(programme[2]):
        GoodPracticeFactory(title_en="Bank protection", owner=OrganisationFactory())

    response = client.get("/en/programme/practices/")

    assert practice_titles(response) == ["Bank protection", *ALL]
    cache.clear()


def test_practice_database_nuts_filter_matches_a_code_entered_in_lower_case(client, programme):
    with activate(programme[1]):
        GoodPracticeFactory(
            title_en="Nyíregyháza kiosks",
            owner=OrganisationFactory(country="HU", nuts_code="hu323"),
        )

    response = client.get("/en/programme/practices/", {"nuts": "HU32"})

    assert practice_titles(response) == ["Nyíregyháza kiosks"]


def test_projects_on_a_shared_domain_are_linked_under_their_slug(client, programme, settings):
    settings.PORTAL_PROJECT_URLS = "path"

    home = client.get("/en/programme/").content.decode()
    from_rivers = client.get("/en/rivers/programme/practices/")

    projects = inner(home, '<ul class="card-list project-list"')
    assert re.findall(r'<a href="([^"]*)">', projects) == [
        "/en/",
        "https://flow.example/",
        "/en/rivers/",
    ]
    assert practice_titles(from_rivers) == ALL
    assert card_links(from_rivers) == [
        "/en/practices/folder/",
        "/en/rivers/practices/sensors/",
        "https://flow.example/en/practices/registers/",
        "/en/practices/open-data/",
    ]
    crumbs = inner(from_rivers.content.decode(), '<nav class="breadcrumbs"')
    assert re.findall(r'<a href="([^"]*)">', crumbs) == ["/en/rivers/", "/en/rivers/programme/"]


def test_a_development_domain_is_linked_as_make_run_serves_it(settings):
    from content.site import Project

    settings.PORTAL_SITE_URL = "http://127.0.0.1:8000"

    assert Project(domain="open-towns.localhost").site_url() == "http://open-towns.localhost:8000/"
    assert Project(domain="flow.example").site_url() == "https://flow.example/"


# The sitemap


def _sitemap_programme_pages(client, **host):
    xml = client.get("/sitemap.xml", **host).content.decode()
    urls = re.findall(r"<url>(.*?)</url>", xml, re.S)
    return {
        re.search(r"<loc>([^<]*)</loc>", url).group(1): sorted(
            re.findall(r'hreflang="([^"]+)" href="[^"]*/programme/', url)
        )
        for url in urls
        if "/programme/" in re.search(r"<loc>([^<]*)</loc>", url).group(1)
    }


def test_sitemap_lists_the_programme_pages_in_every_language(client, programme):
    pages = _sitemap_programme_pages(client)

    assert sorted(pages) == sorted(
        f"http://testserver/{code}/programme/{rest}"
        for code in ("en", "it", "et", "hu", "sv", "el")
        for rest in ("", "practices/")
    )
    assert pages["http://testserver/sv/programme/practices/"] == [
        "el",
        "en",
        "et",
        "hu",
        "it",
        "sv",
        "x-default",
    ]


def test_sitemap_of_another_project_has_no_programme_pages(client, programme):
    assert _sitemap_programme_pages(client, HTTP_HOST=FLOW) == {}


def test_sitemap_of_a_one_project_instance_has_no_programme_pages(client):
    assert _sitemap_programme_pages(client) == {}
