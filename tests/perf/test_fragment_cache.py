"""Cached fragments (content/fragments.py): event cards and filter forms are rendered once per
edit of what they show, and a published edit shows on the next request. The page cache is off,
as on an uncached server, so every request renders its page."""

import datetime as dt

import pytest

from events.models import Participation
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    PartnerFactory,
    ThemeFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache")]


@pytest.fixture
def host():
    return OrganisationFactory(name_en="Old Host Agency", short_name="")


@pytest.fixture
def event(host):
    return EventFactory(
        title_en="Published event",
        title_it="Evento pubblicato",
        slug="shown",
        host=host,
        start_date=dt.date(2099, 1, 1),
        end_date=dt.date(2099, 1, 2),
    )


def _cards(html):
    start = html.index('<ul class="card-list event-list">')
    return html[start : html.index("</ul>", start)]


def test_host_rename_shows_on_the_cards_of_the_next_request(client, event, host):
    for url in ("/en/events/", "/en/"):
        assert "Old Host Agency" in _cards(client.get(url).content.decode())

    host.name_en = "New Host Agency"
    host.save()

    for url in ("/en/events/", "/en/"):
        cards = _cards(client.get(url).content.decode())
        assert "New Host Agency" in cards
        assert "Old Host Agency" not in cards


def test_event_edit_and_new_co_host_show_on_the_next_request(client, event):
    client.get("/en/events/")

    event.title_en = "Renamed event"
    event.save()
    cards = _cards(client.get("/en/events/").content.decode())
    assert "Renamed event" in cards
    assert "Published event" not in cards

    co_host = PartnerFactory(name_en="Co-hosting Council", short_name="")
    Participation.objects.create(event=event, organisation=co_host, role="host")
    assert "Co-hosting Council" in _cards(client.get("/en/events/").content.decode())


def test_unpublished_event_leaves_the_list_on_the_next_request(client, event):
    EventFactory(
        title_en="Other event", start_date=dt.date(2099, 3, 1), end_date=dt.date(2099, 3, 1)
    )
    assert "Published event" in _cards(client.get("/en/events/").content.decode())

    event.is_published = False
    event.save()

    cards = _cards(client.get("/en/events/").content.decode())
    assert "Published event" not in cards
    assert "Other event" in cards


def test_cards_are_cached_per_language(client, event):
    assert "Published event" in _cards(client.get("/en/events/").content.decode())
    cards = _cards(client.get("/it/events/").content.decode())
    assert "Evento pubblicato" in cards
    assert "Published event" not in cards
    assert "Published event" in _cards(client.get("/en/events/").content.decode())


def test_cached_list_page_is_the_page_rendered_without_fragments(client, settings, event):
    for n in range(3):
        day = dt.date(2099, 4, n + 1)
        EventFactory(title_en=f"More {n}", start_date=day, end_date=day)
    urls = ["/en/events/", "/it/events/?kind=thematic", "/en/", "/en/practices/", "/it/practices/"]
    GoodPracticeFactory(title_en="A practice", title_it="Una pratica")
    settings.PORTAL_FRAGMENT_CACHE = False
    plain = [client.get(url).content for url in urls]
    settings.PORTAL_FRAGMENT_CACHE = True
    first = [client.get(url).content for url in urls]  # rendered and stored
    again = [client.get(url).content for url in urls]  # read from the cache
    assert first == plain
    assert again == plain


def test_events_list_with_warm_fragments_asks_nothing_of_the_database(
    client, event, django_assert_num_queries
):
    for n in range(12):
        EventFactory(start_date=dt.date(2099, 5, n + 1), end_date=dt.date(2099, 5, n + 1))
    client.get("/en/events/")
    with django_assert_num_queries(0):  # the count and the page's pks are kept
        response = client.get("/en/events/")
    assert response.content.decode().count('<li class="event-item">') == 13


def test_new_theme_shows_in_the_filter_form_on_the_next_request(client, event):
    ThemeFactory(name_en="Mobility", slug="mobility")
    for url in ("/en/events/", "/en/practices/"):
        html = client.get(url).content.decode()
        assert '<option value="mobility">Mobility</option>' in html

    ThemeFactory(name_en="Energy", slug="energy")

    for url in ("/en/events/", "/en/practices/"):
        html = client.get(url).content.decode()
        assert '<option value="energy">Energy</option>' in html


def test_filter_form_shows_the_chosen_values_and_errors_of_each_request(client, event):
    ThemeFactory(name_en="Mobility", slug="mobility")
    GoodPracticeFactory(title_en="A practice")
    client.get("/en/events/")

    html = client.get("/en/events/?theme=mobility").content.decode()
    assert '<option value="mobility" selected>Mobility</option>' in html

    html = client.get("/en/events/?year=abc").content.decode()
    assert '<p class="field-error" id="id_year_error">' in html
    assert "field-error" not in client.get("/en/events/").content.decode()

    html = client.get("/it/events/?theme=mobility").content.decode()
    assert "Qualsiasi partner" in html or "Tutti i temi" in html


def _practice_cards(html):
    start = html.index('<ul class="card-list practice-list">')
    return html[start : html.index("</ul>", start)]


def test_practice_card_shows_owner_theme_and_practice_edits_on_the_next_request(client):
    owner = OrganisationFactory(name_en="Old Owner Office", short_name="")
    theme = ThemeFactory(name_en="Old Theme")
    practice = GoodPracticeFactory(title_en="Old practice title", owner=owner)
    practice.themes.add(theme)
    for url in ("/en/practices/", "/en/"):
        cards = _practice_cards(client.get(url).content.decode())
        assert "Old Owner Office" in cards
        assert "Old Theme" in cards

    def cards():
        return [_practice_cards(client.get(url).content.decode()) for url in urls]

    urls = ("/en/practices/", "/en/")
    theme.name_en = "New Theme"
    theme.save()
    assert all("New Theme" in c and "Old Theme" not in c for c in cards())

    owner.name_en = "New Owner Office"
    owner.save()
    assert all("New Owner Office" in c and "Old Owner" not in c for c in cards())

    practice.title_en = "New practice title"
    practice.save()
    assert all("New practice title" in c and "Old practice" not in c for c in cards())


def test_practice_catalogue_with_warm_fragments_asks_nothing_of_the_database(
    client, django_assert_num_queries
):
    for n in range(5):
        GoodPracticeFactory(title_en=f"Practice {n}")
    client.get("/en/practices/")
    with django_assert_num_queries(0):  # the count and the page's pks are kept
        response = client.get("/en/practices/")
    assert response.content.decode().count('<li class="practice-item">') == 5


def test_consortium_city_change_shows_in_the_event_page_zone_options(client, event):
    event.start_time, event.end_time = dt.time(10, 0), dt.time(12, 0)  # times: the zone form
    event.save()
    PartnerFactory(name_en="Eastern Partner", city="Old Town", timezone="Asia/Tokyo")
    assert "Asia/Tokyo (Old Town)" in client.get("/en/events/shown/").content.decode()

    partner = PartnerFactory(name_en="Second Partner", city="New Town", timezone="Asia/Tokyo")
    html = client.get("/en/events/shown/").content.decode()
    assert "Asia/Tokyo (Old Town, New Town)" in html

    partner.city = "Newer Town"
    partner.save()
    assert "Asia/Tokyo (Old Town, Newer Town)" in client.get("/en/events/shown/").content.decode()


def _header(html):
    """The header up to the language switcher (which links the page itself)."""
    return html[
        html.index('<header class="site-header">') : html.index('<nav class="language-switcher"')
    ]


def _footer(html):
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


def test_page_frame_is_one_fragment_per_language_and_shows_an_identity_edit(client):
    from tests.factories import identity

    project = identity(
        acronym="FLOW",
        name_en="Baltic flow",
        name_it="Flusso baltico",
        contact_email="a@flow.example",
    )
    first = client.get("/en/events/").content.decode()
    # Another page in the same language reads the same header and footer.
    other = client.get("/en/practices/").content.decode()
    assert _header(other) == _header(first)
    assert _footer(other) == _footer(first)
    assert '<span class="brand-name">Baltic flow</span>' in _header(first)
    assert '<span class="brand-name">Flusso baltico</span>' in _header(
        client.get("/it/events/").content.decode()
    )

    project.name_en = "Open flow"
    project.contact_email = "b@flow.example"
    project.save()

    html = client.get("/en/practices/").content.decode()
    assert '<span class="brand-name">Open flow</span>' in _header(html)
    assert "b@flow.example" in _footer(html)
    assert "a@flow.example" not in html


def test_language_switcher_stays_the_page_s_own_with_a_cached_header(client):
    client.get("/en/events/")
    html = client.get("/en/practices/?q=x").content.decode()
    switcher = html[html.index('<nav class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert "?q=x" in switcher
    assert "/events/" not in switcher


def test_a_request_reads_the_content_versions_once(client, event):
    from django.core.cache import cache as shared

    client.get("/en/events/")  # warm: cards, form, frame, identity
    calls = []
    original = shared.get_many

    def counting(keys, *args, **kwargs):
        calls.append(list(keys))
        return original(keys, *args, **kwargs)

    shared.get_many = counting
    try:
        html = client.get("/en/events/").content.decode()
    finally:
        shared.get_many = original
    assert "Published event" in _cards(html)
    # One round trip (the versions, with the identity), then everything from this process.
    assert len(calls) == 1


def test_local_entries_keep_the_latest_and_only_under_their_version():
    from content.page_cache import LocalEntries

    entries = LocalEntries(2)
    entries.put("a", ("v1", "A"))
    entries.put("b", ("v1", "B"))
    assert entries.get("a", "v1") == ("v1", "A")  # now the most recently used
    entries.put("c", ("v1", "C"))
    assert [entries.get(k, "v1") for k in "abc"] == [("v1", "A"), None, ("v1", "C")]
    assert entries.get("a", "v2") is None


def test_a_value_this_process_holds_is_read_without_fetching_it_until_an_edit():
    from django.core.cache import cache

    from content.page_cache import (
        bump_content_version,
        cached_until_content_changes,
        content_version,
    )
    from content.scoping import cache_namespace

    computed = []
    fetched = []
    original = cache.get_many

    def counting(keys, *args, **kwargs):
        fetched.extend(key for key in keys if key.endswith(":answer"))
        return original(keys, *args, **kwargs)

    def compute():
        computed.append(1)
        return f"computed {len(computed)}"

    cache.get_many = counting
    try:
        first = cached_until_content_changes("answer", compute)
        fetched.clear()  # the first read asked for it: this process held nothing
        again = cached_until_content_changes("answer", compute)
        fetched_before_the_edit = list(fetched)
        bump_content_version("events")
        # Another process computes it afresh and stores it under the new version.
        cache.set(f"{cache_namespace()}:answer", (content_version(), "theirs"), None)
        after = cached_until_content_changes("answer", compute)
    finally:
        cache.get_many = original

    assert (first, again, after) == ("computed 1", "computed 1", "theirs")
    assert fetched_before_the_edit == []  # held by this process: never fetched nor unpickled
    assert fetched == [f"{cache_namespace()}:answer"]  # fetched once the versions changed


def _count(html):
    start = html.index('<p class="result-count" role="status">')
    return html[start : html.index("</p>", start)].split(">", 1)[1].strip()


def test_list_counts_are_kept_per_filter_until_an_edit(client, event):
    EventFactory(kind="study_visit", start_date=dt.date(2099, 2, 1), end_date=dt.date(2099, 2, 1))
    assert _count(client.get("/en/events/").content.decode()) == "2 events"
    assert _count(client.get("/en/events/?kind=study_visit").content.decode()) == "1 event"

    EventFactory(kind="study_visit", start_date=dt.date(2099, 4, 1), end_date=dt.date(2099, 4, 1))
    assert _count(client.get("/en/events/?kind=study_visit").content.decode()) == "2 events"
    assert _count(client.get("/en/events/").content.decode()) == "3 events"
    event.is_published = False
    event.save()
    assert _count(client.get("/en/events/?page=1").content.decode()) == "2 events"

    GoodPracticeFactory(title_en="Counted practice")
    html = client.get("/en/practices/").content.decode()
    assert _count(html) == "1 good practice"


def test_list_pages_are_kept_per_page_language_and_filter(client, event):
    for n in range(21):
        EventFactory(
            title_en=f"Extra {n}",
            title_it=f"Extra {n} it",
            start_date=dt.date(2098, 1, n + 1),
            end_date=dt.date(2098, 1, n + 1),
        )
    first = _cards(client.get("/en/events/").content.decode())
    second = _cards(client.get("/en/events/?page=2").content.decode())
    assert "Published event" in first
    assert "Published event" not in second
    assert second.count('<li class="event-item">') == 2
    assert "Evento pubblicato" in _cards(client.get("/it/events/").content.decode())
    assert client.get("/en/events/?page=3").status_code == 404
    assert client.get("/en/events/?page=abc").status_code == 404

    newest = EventFactory(
        title_en="Newest event", start_date=dt.date(2100, 1, 1), end_date=dt.date(2100, 1, 1)
    )
    assert "Newest event" in _cards(client.get("/en/events/").content.decode())
    assert client.get("/en/events/?page=2").content.decode().count('<li class="event-item">') == 3
    newest.delete()
    assert "Newest event" not in _cards(client.get("/en/events/").content.decode())
