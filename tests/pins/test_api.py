"""Pins for issue 20: the JSON export's answers on the demo, whole, against literal files in
tests/pins/data/. Partners' sites and scripts read these; a project must not change them for an
instance with one project (no new required parameter, no field renamed, no URL moved).

The files hold today's answers exactly, except for the one field normalised, explicitly, before
comparing:
- "updated" (events, practices): the time of the row's last save, which load_demo sets when it
  runs; replaced by "<updated>" (a null would stay null).
Nothing else in these answers depends on when or where the demo was loaded: they hold slugs,
never primary keys, and the test client's host, http://testserver.
"""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"

ANSWERS = {
    # The event list's first page (every demo event: fewer than a page).
    "/en/api/events/": "api_events_en.json",
    # One event, in a language its texts are written in.
    "/et/api/events/?kind=thematic": "api_event_et.json",
    # A later page: the "next" and "previous" links.
    "/en/api/events/?page_size=2&page=2": "api_events_page_2.json",
    "/en/api/practices/": "api_practices_en.json",
    "/en/api/organisations/": "api_organisations_en.json",
}


def normalised(value):
    if isinstance(value, dict):
        return {
            key: "<updated>" if key == "updated" and item is not None else normalised(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [normalised(item) for item in value]
    return value


@pytest.mark.parametrize(("path", "file"), ANSWERS.items())
def test_api_answer_as_pinned(demo, client, path, file):
    response = client.get(path)

    assert (response.status_code, response["Content-Type"]) == (200, "application/json")
    assert normalised(response.json()) == json.loads((DATA / file).read_text(encoding="utf-8"))


def test_updated_is_the_only_normalised_field(demo, client):
    """What the normalising replaces is an instant in UTC, on every event, and nothing else."""
    results = client.get("/en/api/events/").json()["results"]
    pinned = json.loads((DATA / "api_events_en.json").read_text(encoding="utf-8"))["results"]

    assert [r["updated"][-1] for r in results] == ["Z"] * 6
    assert [r | {"updated": "<updated>"} for r in results] == pinned
