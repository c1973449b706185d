"""The partner page with the fragment cache (content/fragments.py), as on an uncached server with
Redis: the pks of its lists, the event and practice cards, the people and the imports are read
from the cache, and a published edit shows on the next request. The page cache is off, so every
request renders."""

import datetime as dt

import pytest
from django.core.cache import cache

from events.models import Participation
from partners.views import OrganisationDetailView
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    ParticipationFactory,
    PartnerFactory,
    PersonFactory,
    TransferFactory,
)
from tests.html import inner, item_titles, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache")]

URL = "/en/partners/tartu/"


@pytest.fixture
def tartu():
    return PartnerFactory(name_en="City of Tartu", short_name="Tartu", slug="tartu")


def _day(n):
    return {"start_date": dt.date(2022, 3, n), "end_date": dt.date(2022, 3, n)}


def _section(html, heading):
    return inner(html, f'<section aria-labelledby="{heading}-heading"')


def _hosted(client):
    return item_titles(_section(client.get(URL).content.decode(), "hosted"), "event-item")


def _attended(client):
    return item_titles(_section(client.get(URL).content.decode(), "attended"), "event-item")


def _grow(tartu, n):
    """n more of everything the page lists: people, events hosted, co-hosted and attended,
    practices owned and imported."""
    for _ in range(n):
        PersonFactory(organisation=tartu)
        EventFactory(host=tartu)
        ParticipationFactory(organisation=tartu, role="host")
        ParticipationFactory(organisation=tartu)
        GoodPracticeFactory(owner=tartu)
        TransferFactory(importer=tartu)


def test_partner_page_with_warm_fragments_reads_only_the_organisation(
    client, django_assert_num_queries, tartu
):
    # 1, then 13 of each: 12 events of each list shown, every practice.
    for n, events, practices in ((1, 3, 1), (12, 24, 13)):
        _grow(tartu, n)
        client.get(URL)
        # The organisation; its lists (pks), cards, people and imports are cached.
        with django_assert_num_queries(1):
            html = client.get(URL).content.decode()
        assert html.count('<li class="event-item">') == events
        assert html.count('<li class="practice-item">') == practices


def test_partner_page_with_fragments_is_the_page_rendered_without(client, settings, tartu):
    PersonFactory(organisation=tartu, name="Lauri Sock", role_en="Manager", role_it="Direttore")
    for n in range(1, 15):
        EventFactory(
            title_en=f"Hosted {n:02d}", title_it=f"Ospitato {n:02d}", host=tartu, **_day(n)
        )
    co_hosted = EventFactory(title_en="Co-hosted", **_day(20))
    ParticipationFactory(event=co_hosted, organisation=tartu, role="host")
    ParticipationFactory(event=EventFactory(title_en="Attended", **_day(5)), organisation=tartu)
    GoodPracticeFactory(owner=tartu, title_en="Smart bikes", title_it="Bici intelligenti")
    TransferFactory(importer=tartu, practice=GoodPracticeFactory(title_en="Segnalaci"))
    urls = [URL, "/it/partners/tartu/"]
    settings.PORTAL_FRAGMENT_CACHE = False
    plain = [client.get(url).content for url in urls]
    settings.PORTAL_FRAGMENT_CACHE = True

    first = [client.get(url).content for url in urls]  # rendered and stored
    again = [client.get(url).content for url in urls]  # read from the cache

    assert first == plain
    assert again == plain
    assert _hosted(client)[:2] == ["Co-hosted", "Hosted 14"]


def test_partner_page_event_edits_show_on_the_next_request(client, tartu):
    event = EventFactory(title_en="Old title", host=tartu, **_day(1))
    attended = EventFactory(title_en="Attended meeting", **_day(2))
    ParticipationFactory(event=attended, organisation=tartu)
    assert _hosted(client) == ["Old title"]

    event.title_en = "New title"
    event.save()
    assert _hosted(client) == ["New title"]

    EventFactory(title_en="New hosted event", host=tartu, **_day(3))
    assert _hosted(client) == ["New hosted event", "New title"]

    event.is_published = False
    event.save()
    assert _hosted(client) == ["New hosted event"]

    attended.is_published = False
    attended.save()
    html = client.get(URL).content.decode()
    assert text(_section(html, "attended")) == "Events attended No events attended."


def test_partner_page_new_co_host_and_participation_show_on_the_next_request(client, tartu):
    event = EventFactory(title_en="Shared event", **_day(1))
    assert _hosted(client) == []

    Participation.objects.create(event=event, organisation=tartu, role="participant")
    assert _attended(client) == ["Shared event"]

    Participation.objects.create(event=event, organisation=tartu, role="host")
    assert _hosted(client) == ["Shared event"]
    assert _attended(client) == []


def test_partner_page_import_edits_show_on_the_next_request(client, tartu):
    owner = OrganisationFactory(name_en="Comune di Genova", short_name="Genova")
    practice = GoodPracticeFactory(title_en="Segnalaci", owner=owner)
    transfer = TransferFactory(importer=tartu, practice=practice)

    def imports():
        return text(_section(client.get(URL).content.decode(), "imports"))

    assert imports() == "Good practices imported Segnalaci (Genova) · Interest expressed"

    transfer.stage = "studied"
    transfer.save()
    assert imports() == "Good practices imported Segnalaci (Genova) · Studied"

    practice.title_en = "Segnalaci app"
    practice.save()
    owner.short_name = "Genoa"
    owner.save()
    assert imports() == "Good practices imported Segnalaci app (Genoa) · Studied"

    practice.status = "draft"
    practice.save()
    assert 'aria-labelledby="imports-heading"' not in client.get(URL).content.decode()


def test_partner_page_people_edits_show_on_the_next_request(client, tartu):
    person = PersonFactory(organisation=tartu, name="Lauri Sock", role_en="Project manager")

    def people():
        return text(inner(client.get(URL).content.decode(), '<ul class="people"'))

    assert people() == "Lauri Sock, Project manager"

    person.role_en = "Coordinator"
    person.save()
    assert people() == "Lauri Sock, Coordinator"

    person.is_public = False
    person.save()
    assert '<ul class="people"' not in client.get(URL).content.decode()


def test_partner_page_many_participations_attended_the_same(client, monkeypatch, tartu):
    """Past IDS_INLINE participations the events attended come from a subquery instead of
    the list of ids: the same events."""
    for n in range(1, 5):
        event = EventFactory(title_en=f"Attended {n}", **_day(n))
        ParticipationFactory(event=event, organisation=tartu)
    ParticipationFactory(
        event=EventFactory(title_en="Co-hosted", **_day(9)), organisation=tartu, role="host"
    )
    inline = _attended(client)

    monkeypatch.setattr(OrganisationDetailView, "IDS_INLINE", 2)
    cache.clear()

    assert _attended(client) == inline
    assert inline == ["Attended 4", "Attended 3", "Attended 2", "Attended 1"]


def test_partner_page_owned_practice_edits_show_on_the_next_request(client, tartu):
    practice = GoodPracticeFactory(title_en="Smart bikes", owner=tartu)

    def owned():
        return item_titles(_section(client.get(URL).content.decode(), "owned"), "practice-item")

    assert owned() == ["Smart bikes"]

    GoodPracticeFactory(title_en="Open data portal", owner=tartu)
    assert owned() == ["Open data portal", "Smart bikes"]

    practice.title_en = "City bikes"
    practice.save()
    assert owned() == ["City bikes", "Open data portal"]

    practice.status = "draft"
    practice.save()
    assert owned() == ["Open data portal"]


def test_partner_page_after_an_edit_query_count_constant(client, django_assert_num_queries, tartu):
    """Nothing cached (the first request after an edit): the lists' pks (participations, hosted,
    attended, owned), people, imports, the site's identity (base.html), the project's partner
    numbers (once for every label), the projects the organisation takes part in, then the rows
    of the cards (with their themes; with their co-hosts for the hosted events, which have host
    participations: the attended ones have none and need no such query)."""
    for n in (1, 12):
        _grow(tartu, n)
        cache.clear()
        with django_assert_num_queries(15):
            client.get(URL)
