import datetime as dt

import pytest

from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    ParticipationFactory,
    PartnerFactory,
    PersonFactory,
    TransferFactory,
)
from tests.html import inner, item_titles, json_ld, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def tartu():
    return PartnerFactory(
        name_en="City of Tartu",
        name_et="Tartu linn",
        short_name="Tartu",
        slug="tartu",
        partner_number=4,
        description_en="A university city in Estonia.",
        website="https://www.tartu.ee/",
    )


def test_partner_list_partners_then_other_organisations(client, tartu):
    PartnerFactory(name_en="Comune di Genova", slug="genoa", partner_number=1)
    OrganisationFactory(name_en="GR DigiGOV-InnoHUB", slug="digigov")

    html = client.get("/en/partners/").content.decode()

    assert item_titles(html, "organisation-item") == [
        "Comune di Genova",
        "City of Tartu",
        "GR DigiGOV-InnoHUB",
    ]
    assert text(inner(html, '<section aria-labelledby="others-heading"')).startswith(
        "Other organisations GR DigiGOV-InnoHUB"
    )


def test_partner_list_names_in_two_languages(client, tartu):
    et = client.get("/et/partners/").content.decode()
    sv = client.get("/sv/partners/").content.decode()

    assert item_titles(et, "organisation-item") == ["Tartu linn"]
    assert '<span lang="en">City of Tartu</span>' in sv


def test_partner_list_query_count_constant(client, django_assert_num_queries, tartu):
    # The organisations, and the project's partner numbers (read once for all of them, until
    # a partner changes): one more than when the numbers were the organisations' own columns.
    with django_assert_num_queries(2):
        client.get("/en/partners/")
    PartnerFactory.create_batch(5)
    OrganisationFactory.create_batch(5)
    with django_assert_num_queries(2):
        client.get("/en/partners/")


def test_partner_page_public_people_without_email(client, tartu):
    PersonFactory(name="Lauri Sock", organisation=tartu, role_en="Project manager", email="l@x.ee")
    PersonFactory(name="Hidden Person", organisation=tartu, is_public=False)

    html = client.get("/en/partners/tartu/").content.decode()

    assert text(inner(html, '<ul class="people"')) == "Lauri Sock, Project manager"
    assert "l@x.ee" not in html
    assert "Hidden Person" not in html


def test_partner_page_events_hosted_and_attended_published_only(client, tartu):
    EventFactory(title_en="Hosted visit", host=tartu)
    EventFactory(title_en="Hosted draft", host=tartu, is_published=False)
    attended = EventFactory(
        title_en="Attended meeting", start_date=dt.date(2021, 1, 1), end_date=dt.date(2021, 1, 2)
    )
    ParticipationFactory(event=attended, organisation=tartu)
    ParticipationFactory(event=attended, organisation=tartu, role="practice_owner")
    ParticipationFactory(
        event=EventFactory(title_en="Attended draft", is_published=False), organisation=tartu
    )

    html = client.get("/en/partners/tartu/").content.decode()

    hosted = inner(html, '<section aria-labelledby="hosted-heading"')
    attended_html = inner(html, '<section aria-labelledby="attended-heading"')
    assert item_titles(hosted, "event-item") == ["Hosted visit"]
    assert item_titles(attended_html, "event-item") == ["Attended meeting"]


def test_partner_page_practices_owned_and_imported_published_only(client, tartu):
    GoodPracticeFactory(title_en="Tartu smart bikes", owner=tartu)
    GoodPracticeFactory(title_en="Tartu draft", owner=tartu, status="draft")
    TransferFactory(practice=GoodPracticeFactory(title_en="Segnalaci"), importer=tartu)
    TransferFactory(
        practice=GoodPracticeFactory(title_en="Secret import", status="submitted"), importer=tartu
    )

    html = client.get("/en/partners/tartu/").content.decode()

    owned = inner(html, '<section aria-labelledby="owned-heading"')
    assert item_titles(owned, "practice-item") == ["Tartu smart bikes"]
    imported = text(inner(html, '<section aria-labelledby="imports-heading"'))
    assert imported.startswith("Good practices imported Segnalaci (")
    assert "Secret import" not in html


def test_partner_page_description_fallback_marked(client, tartu):
    html = client.get("/et/partners/tartu/").content.decode()

    assert text(inner(html, "<h1")) == "Tartu linn"
    assert '<div lang="en"><p>A university city in Estonia.</p></div>' in html


def test_partner_page_description_not_marked_when_translated(client, tartu):
    tartu.description_et = "Ülikoolilinn Eestis."
    tartu.save()

    html = client.get("/et/partners/tartu/").content.decode()

    assert "<p>Ülikoolilinn Eestis.</p>" in html
    assert 'lang="en"' not in inner(html, '<article class="organisation"')


def test_partner_page_organization_json_ld(client, tartu):
    (data,) = json_ld(client.get("/en/partners/tartu/").content.decode())

    assert data == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "City of Tartu",
        "url": "http://testserver/en/partners/tartu/",
        "sameAs": "https://www.tartu.ee/",
        "address": {"@type": "PostalAddress", "addressLocality": "Tartu", "addressCountry": "EE"},
    }


def test_partner_page_unknown_slug_not_found(client):
    assert client.get("/en/partners/nobody/").status_code == 404


def test_partner_page_query_count_constant(client, django_assert_num_queries, tartu):
    PersonFactory(organisation=tartu)
    EventFactory(host=tartu)
    ParticipationFactory(organisation=tartu)
    GoodPracticeFactory(owner=tartu)
    TransferFactory(importer=tartu)
    # One of them reads the project's partner numbers, once for every label on the page; one
    # the projects the organisation takes part in (both cached until the next write).
    with django_assert_num_queries(11):
        client.get("/en/partners/tartu/")

    PersonFactory.create_batch(4, organisation=tartu)
    EventFactory.create_batch(4, host=tartu)
    ParticipationFactory.create_batch(4, organisation=tartu)
    GoodPracticeFactory.create_batch(4, owner=tartu)
    TransferFactory.create_batch(4, importer=tartu)
    with django_assert_num_queries(11):
        client.get("/en/partners/tartu/")


def test_partner_page_shows_latest_events_and_links_to_all(client, tartu):
    """A partner hosting hundreds of events: the page lists the latest twelve of each kind and
    links to the events list filtered by the partner, which holds them all."""
    for day in range(1, 15):
        EventFactory(
            title_en=f"Hosted {day:02d}",
            host=tartu,
            start_date=dt.date(2022, 3, day),
            end_date=dt.date(2022, 3, day),
        )
    attended = EventFactory(title_en="Attended meeting")
    ParticipationFactory(event=attended, organisation=tartu)

    html = client.get("/en/partners/tartu/").content.decode()

    hosted = inner(html, '<section aria-labelledby="hosted-heading"')
    assert item_titles(hosted, "event-item") == [f"Hosted {day:02d}" for day in range(14, 2, -1)]
    assert text(inner(hosted, '<p class="more"')) == "Show all in the events list"
    assert '<a href="/en/events/?partner=tartu">' in hosted
    attended_html = inner(html, '<section aria-labelledby="attended-heading"')
    assert item_titles(attended_html, "event-item") == ["Attended meeting"]
    assert '<p class="more">' not in attended_html
    listed = client.get("/en/events/?partner=tartu").content.decode()
    assert "Hosted 01" in listed


def test_partner_page_link_to_all_events_translated(client, tartu):
    for day in range(1, 14):
        EventFactory(host=tartu, start_date=dt.date(2022, 3, day), end_date=dt.date(2022, 3, day))

    pages = {
        lang: client.get(f"/{lang}/partners/tartu/") for lang in ("it", "et", "hu", "sv", "el")
    }
    more = {
        lang: text(inner(page.content.decode(), '<p class="more"')) for lang, page in pages.items()
    }

    assert more == {
        "it": "Mostra tutti nell’elenco degli eventi",
        "et": "Näita kõiki ürituste loendis",
        "hu": "Az összes megtekintése a rendezvények listájában",
        "sv": "Visa alla i evenemangslistan",
        "el": "Εμφάνιση όλων στη λίστα των εκδηλώσεων",
    }
