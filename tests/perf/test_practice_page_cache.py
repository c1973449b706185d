"""The practice page's parts (facts, texts, where it was examined, who imports it, structured
data) are cached fragments (practices/views.py PracticePageParts): a warm page reads the
practice's row alone, shows what it showed uncached, and a published edit of what it shows
appears on the next request. The page cache is off, as on an uncached server."""

import datetime as dt

import pytest

from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    PartnerFactory,
    ThemeFactory,
    TransferFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache")]


@pytest.fixture
def practice():
    owner = PartnerFactory(name_en="Tartu City Government", short_name="Tartu", partner_number=4)
    practice = GoodPracticeFactory(title_en="Citizen portal", slug="portal", owner=owner)
    practice.themes.add(ThemeFactory(name_en="Open data"))
    TransferFactory(
        practice=practice, importer=PartnerFactory(short_name="Gävle", partner_number=3)
    )
    event = EventFactory(
        title_en="Study visit to Tartu",
        start_date=dt.date(2021, 7, 17),
        end_date=dt.date(2021, 7, 17),
    )
    event.practices.add(practice)
    return practice


def _page(client):
    response = client.get("/en/practices/portal/")
    assert response.status_code == 200
    return response.content.decode()


def test_cached_practice_page_is_the_page_rendered_without_fragments(client, settings, practice):
    settings.PORTAL_FRAGMENT_CACHE = False
    uncached = _page(client)
    settings.PORTAL_FRAGMENT_CACHE = True
    assert _page(client) == uncached
    assert _page(client) == uncached
    assert "Study visit to Tartu" in uncached
    assert "P3 Gävle" in uncached


def test_warm_practice_page_reads_only_the_practice(client, practice, django_assert_num_queries):
    _page(client)
    with django_assert_num_queries(1):
        assert "Open data" in _page(client)


def test_edits_of_what_the_practice_page_shows_appear_on_the_next_request(client, practice):
    _page(client)
    transfer = practice.transfers.get()
    transfer.stage = "implemented"
    transfer.save()
    assert "Implemented" in _page(client)

    owner = practice.owner
    owner.short_name = "Tartu linn"
    owner.save()
    assert "P4 Tartu linn" in _page(client)

    event = practice.events.get()
    event.title_en = "Study visit to Tartu, renamed"
    event.save()
    assert "Study visit to Tartu, renamed" in _page(client)

    later = EventFactory(
        title_en="Import workshop in Gävle",
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2022, 1, 1),
    )
    later.practices.add(practice)
    assert "Import workshop in Gävle" in _page(client)

    practice.title_en = "Citizen portal 2.0"
    practice.save()
    html = _page(client)
    assert "<h1>Citizen portal 2.0</h1>" in html
    assert '"name": "Citizen portal 2.0"' in html


def test_preview_of_a_draft_practice_shows_each_edit(admin_client, practice):
    practice.status = "draft"
    practice.save()
    assert "Citizen portal" in _page(admin_client)
    practice.title_en = "Draft portal"
    practice.save()
    assert "Draft portal" in _page(admin_client)
