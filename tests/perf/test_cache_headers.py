"""Public pages say how long a shared cache may keep them; the workspace, the admin and personal
pages never do. HTML answers its ETag with 304 (docs/deployment.md)."""

import pytest
from django.core.cache import cache

from tests.factories import EventFactory, GoodPracticeFactory

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=0, s-maxage=60, stale-while-revalidate=600"


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def content():
    EventFactory(title_en="An event", slug="an-event")
    GoodPracticeFactory(title_en="A practice", slug="a-practice")


@pytest.mark.parametrize("page_cache", [True, False])
@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/events/",
        "/en/events/an-event/",
        "/en/practices/",
        "/en/practices/a-practice/",
        "/en/search/?q=event",
        "/en/events/calendar.ics",
        "/en/api/events/",
    ],
)
def test_public_page_may_be_kept_by_a_shared_cache(client, settings, content, url, page_cache):
    settings.PORTAL_PAGE_CACHE = page_cache

    first = client.get(url)
    second = client.get(url)

    assert first["Cache-Control"] == PUBLIC
    assert second["Cache-Control"] == PUBLIC
    assert "Cookie" in second["Vary"]


@pytest.mark.parametrize("page_cache", [True, False])
def test_html_page_answers_its_etag_with_304(client, settings, content, page_cache):
    settings.PORTAL_PAGE_CACHE = page_cache
    first = client.get("/en/events/an-event/")

    again = client.get("/en/events/an-event/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Content-Type"].startswith("text/html")
    assert again.status_code == 304
    assert again.content == b""


def test_page_seen_by_a_coordinator_is_not_public(coordinator_client, content):
    response = coordinator_client.get("/en/events/an-event/")

    assert response.status_code == 200
    assert "s-maxage" not in response.get("Cache-Control", "")
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("url", ["/en/workspace/", "/admin/", "/admin/login/"])
def test_workspace_and_admin_are_never_public(client, coordinator_client, url):
    for response in (client.get(url), coordinator_client.get(url)):
        assert "s-maxage" not in response.get("Cache-Control", "")
        assert "public" not in response.get("Cache-Control", "")


def test_error_page_is_not_public(client):
    response = client.get("/en/events/no-such-event/")

    assert response.status_code == 404
    assert "s-maxage" not in response.get("Cache-Control", "")
