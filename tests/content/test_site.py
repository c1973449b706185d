"""The site identity, the EU emblem and statement, the legal pages and the favicon."""

import datetime as dt
import math
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from content import emblem
from content.site import LegalPage, Project
from tests.factories import identity
from tests.html import inner, text

# The statement in the EU's official wording for each language of the portal.
STATEMENTS = {
    "en": "Co-funded by the European Union",
    "it": "Cofinanziato dall’Unione europea",
    "et": "Kaasrahastanud Euroopa Liit",
    "hu": "Az Európai Unió társfinanszírozásával",
    "sv": "Medfinansieras av Europeiska unionen",
    "el": "Με τη συγχρηματοδότηση της Ευρωπαϊκής Ένωσης",
}


# The emblem


def _stars(svg):
    """Each star of the drawn emblem as its list of (x, y) vertices."""
    (path,) = re.findall(r'<path fill="#FFCC00" d="([^"]+)"', svg)
    return [
        [tuple(map(float, point.split())) for point in star.split("L")]
        for star in re.findall(r"M([^Z]+)Z", path)
    ]


def test_emblem_is_a_blue_rectangle_of_three_by_two():
    svg = emblem.emblem_svg()

    assert 'viewBox="0 0 810 540"' in svg
    assert '<rect width="810" height="540" fill="#003399"/>' in svg


def test_emblem_has_twelve_upright_stars_on_a_circle_of_a_third_of_the_height():
    stars = _stars(emblem.emblem_svg())

    assert len(stars) == 12
    for star in stars:
        assert len(star) == 10
        cx = sum(x for x, _y in star[::2]) / 5
        cy = sum(y for _x, y in star[::2]) / 5
        assert math.dist((cx, cy), (405, 270)) == pytest.approx(180, abs=0.05)
        outer = [math.dist(point, (cx, cy)) for point in star[::2]]
        assert outer == pytest.approx([30] * 5, abs=0.05)  # a point on a circle of 1/18 height
        top_x, top_y = star[0]
        assert (top_x, top_y) == pytest.approx((cx, cy - 30), abs=0.05)  # one point straight up


def test_emblem_stars_are_placed_like_the_hours_of_a_clock():
    centres = emblem.star_centres()

    angles = [math.degrees(math.atan2(x - 405, 270 - y)) % 360 for x, y in centres]
    assert angles == pytest.approx([30 * hour for hour in range(12)], abs=1e-6)


@pytest.mark.django_db
@pytest.mark.parametrize("language", STATEMENTS)
def test_header_shows_emblem_and_statement_in_the_page_language(client, language):
    html = client.get(f"/{language}/").content.decode()

    header = inner(html, '<header class="site-header"')
    assert text(inner(header, '<p class="eu-statement"')) == STATEMENTS[language]
    assert header.count('<svg class="eu-emblem"') == 1


@pytest.mark.django_db
def test_header_shows_programme_logo_when_uploaded(client):
    identity(acronym="X", programme_name_en="Interreg Europe", programme_logo="identity/ie.png")

    header = inner(client.get("/en/").content.decode(), '<header class="site-header"')

    assert (
        '<img class="programme-logo" src="/media/identity/ie.png" alt="Interreg Europe"'
    ) in header


@pytest.mark.django_db
def test_embed_page_shows_the_statement(client):
    html = client.get("/sv/embed/events/").content.decode()

    assert text(inner(html, '<p class="eu-statement"')) == STATEMENTS["sv"]


# The identity


@pytest.mark.django_db
def test_a_second_project_does_not_change_the_site_served(client):
    identity(acronym="ONE")
    Project.objects.create(acronym="TWO", domain="two.example")

    html = client.get("/en/").content.decode()

    assert text(inner(html, '<span class="brand-acronym"')) == "ONE"


def test_social_link_that_is_not_a_web_address_is_refused():
    identity = Project(acronym="X", social_links="https://social.example/@x\nnot a link")

    with pytest.raises(ValidationError) as error:
        identity.clean()

    assert error.value.message_dict == {"social_links": ["“not a link” is not a web address."]}


@pytest.mark.django_db
def test_admin_lists_every_project_to_the_programme_level(coordinator_client):
    identity(acronym="FLOW")
    Project.objects.create(acronym="OTHER")

    html = coordinator_client.get("/admin/content/project/").content.decode()

    assert re.findall(r'<th class="field-acronym"><a [^>]*>([^<]*)</a>', html) == ["FLOW", "OTHER"]


@pytest.mark.django_db
def test_admin_header_and_title_name_the_site(coordinator_client):
    identity(acronym="FLOW")

    html = coordinator_client.get("/admin/").content.decode()

    assert text(inner(html, '<div id="site-name"')) == "FLOW administration"
    assert text(inner(html, "<title")) == "Site administration | FLOW administration"


@pytest.mark.django_db
def test_reports_page_names_the_site(coordinator_client):
    identity(acronym="FLOW")

    html = coordinator_client.get("/admin/reports/").content.decode()

    assert text(inner(html, '<div id="site-name"')) == "FLOW administration"


# Legal pages


@pytest.fixture
def accessibility_statement(db):
    identity(acronym="FLOW", contact_email="access@flow.example")
    return LegalPage.objects.create(
        kind="accessibility",
        title_en="Accessibility statement",
        title_et="Ligipääsetavuse teatis",
        body_en="FLOW is committed.\n\n## Compliance status\nPartially compliant.",
        body_et="FLOW on pühendunud.\n\n## Vastavuse staatus\nOsaliselt vastav.",
        last_reviewed=dt.date(2026, 11, 30),
    )


def test_accessibility_statement_has_sections_date_and_feedback(client, accessibility_statement):
    html = client.get("/en/about/accessibility/").content.decode()

    article = inner(html, '<article class="legal-page"')
    assert text(inner(article, "<h1")) == "Accessibility statement"
    assert re.findall(r"<h2>(.*?)</h2>", article) == ["Compliance status"]
    assert text(inner(article, '<p class="legal-reviewed"')) == "Last reviewed on 30 November 2026."
    assert text(inner(article, '<p class="legal-feedback"')) == (
        "To report an accessibility problem or ask for content in an accessible format, "
        "write to access@flow.example."
    )


def test_accessibility_statement_in_estonian(client, accessibility_statement):
    html = client.get("/et/about/accessibility/").content.decode()

    article = inner(html, '<article class="legal-page"')
    assert text(inner(article, "<h1")) == "Ligipääsetavuse teatis"
    assert re.findall(r"<h2>(.*?)</h2>", article) == ["Vastavuse staatus"]
    assert (
        text(inner(article, '<p class="legal-reviewed"'))
        == "Viimati üle vaadatud 30. november 2026."
    )


def test_legal_page_in_english_is_marked_on_another_language_page(client, accessibility_statement):
    html = client.get("/hu/about/accessibility/").content.decode()

    assert '<div class="legal-body" lang="en">' in html
    with translation.override("hu"):
        assert text(inner(html, '<p class="fallback-hint"')) == translation.gettext("(in English)")


def test_legal_page_body_is_escaped(client, db):
    LegalPage.objects.create(kind="privacy", title_en="Privacy", body_en="<script>x()</script>")

    html = client.get("/en/about/privacy/").content.decode()

    assert "<p>&lt;script&gt;x()&lt;/script&gt;</p>" in html


def test_missing_or_unknown_legal_page_is_404(client, db):
    assert client.get("/en/about/privacy/").status_code == 404
    assert client.get("/en/about/no-such-page/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "el"])
def test_footer_links_the_three_legal_pages(client, language):
    html = client.get(f"/{language}/events/").content.decode()

    footer = inner(html, '<nav class="footer-legal"')
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)
    with translation.override(language):
        labels = [label for _value, label in LegalPage.Kind.choices]
        assert links == [
            (f"/{language}/about/accessibility/", str(labels[0])),
            (f"/{language}/about/privacy/", str(labels[1])),
            (f"/{language}/about/contact/", str(labels[2])),
        ]


# Favicon


def test_favicon_is_an_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"


@pytest.mark.django_db
def test_pages_link_the_favicon_and_the_svg_icon(client):
    html = client.get("/en/").content.decode()

    assert re.findall(r'<link rel="icon" href="([^"]+)"', html) == [
        "/favicon.ico",
        "/static/favicon.svg",
    ]


@pytest.mark.django_db
def test_admin_edits_the_identity_and_the_site_shows_it(coordinator_client, client):
    project = identity(acronym="OLD")
    response = coordinator_client.post(
        f"/admin/content/project/{project.pk}/change/",
        {
            "acronym": "FLOW",
            "name_en": "Baltic flow",
            "contact_email": "hello@flow.example",
            "slug": "flow",
            "seen_version": project.version,
        },
    )

    assert response.status_code == 302
    html = client.get("/en/").content.decode()
    assert text(inner(html, "<h1")) == "FLOW: Baltic flow"


@pytest.mark.django_db
def test_admin_edits_a_legal_page(coordinator_client, client):
    page = LegalPage.objects.create(kind="privacy", title_en="Privacy", body_en="Old text.")
    change = f"/admin/content/legalpage/{page.pk}/change/"
    assert coordinator_client.get(change).status_code == 200

    response = coordinator_client.post(
        change,
        {"kind": "privacy", "title_en": "Privacy", "body_en": "New text.", "seen_version": 1},
    )

    assert response.status_code == 302
    html = client.get("/en/about/privacy/").content.decode()
    assert text(inner(html, '<div class="legal-body"')) == "New text."
