import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Event, Participation
from partners.models import Organisation
from practices.models import GoodPractice
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    PartnerFactory,
    PersonFactory,
    ThemeFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


def api_url(name, lang="en"):
    with translation.override(lang):
        return reverse(f"api:{name}")


def test_api_events_seed_event_in_utc_with_zone(client):
    genoa = PartnerFactory(slug="genoa", timezone="Europe/Rome")
    tartu = PartnerFactory(slug="tartu")
    theme = ThemeFactory(slug="open-data")
    practice = GoodPracticeFactory(slug="tartu-data-hub")
    event = EventFactory(
        slug="thematic-event-3",
        number=3,
        title_en="Virtual thematic event",
        host=genoa,
        timezone="Europe/Rome",
        format=Event.Format.ONLINE,
        online_platform="Webex",
    )
    Participation.objects.create(event=event, organisation=tartu)
    event.themes.add(theme)
    event.practices.add(practice)
    lauri = PersonFactory(name="Lauri Sock", organisation=tartu)
    workshop = WorkshopFactory(
        event=event,
        order=1,
        title_en="Workshop 1",
        start=dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC),
        end=dt.datetime(2020, 6, 16, 10, 0, tzinfo=dt.UTC),
    )
    workshop.experts.add(lauri)

    response = client.get(api_url("events"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    (data,) = response.json()["results"]
    assert data == {
        "slug": "thematic-event-3",
        "url": "http://testserver/en/events/thematic-event-3/",
        "calendar": "http://testserver/en/events/thematic-event-3/calendar.ics",
        "kind": "thematic",
        "number": 3,
        "title": {"value": "Virtual thematic event", "lang": "en"},
        "summary": {"value": "An event of the project.", "lang": "en"},
        "body": {"value": "", "lang": None},
        "status": "confirmed",
        "format": "online",
        "timezone": "Europe/Rome",
        "start_date": "2020-06-16",
        "end_date": "2020-06-18",
        "all_day": True,
        "start": None,
        "end": None,
        "venue": {"value": "", "lang": None},
        "city": {"value": "", "lang": None},
        "country": None,
        "online_platform": "Webex",
        "online_url": "",
        "host": "genoa",
        "hosts": ["genoa"],
        "participants": [{"organisation": "tartu", "role": "participant"}],
        "themes": ["open-data"],
        "practices": ["tartu-data-hub"],
        "workshops": [
            {
                "order": 1,
                "title": {"value": "Workshop 1", "lang": "en"},
                "description": {"value": "", "lang": None},
                "start": "2020-06-16T08:30:00Z",
                "end": "2020-06-16T10:00:00Z",
                "experts": [{"name": "Lauri Sock", "organisation": "tartu"}],
            }
        ],
        "changes": 0,
        "updated": event.updated.isoformat().replace("+00:00", "Z"),
    }


def test_api_events_timed_event_instants_in_utc(client):
    EventFactory(
        start_date=dt.date(2022, 3, 10),
        end_date=dt.date(2022, 3, 10),
        start_time=dt.time(9, 0),
        end_time=dt.time(12, 30),
        timezone="Europe/Tallinn",
    )

    (data,) = client.get(api_url("events")).json()["results"]

    assert (data["all_day"], data["start"], data["end"]) == (
        False,
        "2022-03-10T07:00:00Z",
        "2022-03-10T10:30:00Z",
    )


def test_api_events_translated_fields_say_which_language(client):
    EventFactory(title_en="Study visit", title_et="Õppevisiit", summary_en="In English only.")

    response = client.get(api_url("events", "et"))

    payload = response.json()
    (data,) = payload["results"]
    assert payload["language"] == "et"
    assert data["title"] == {"value": "Õppevisiit", "lang": "et"}
    assert data["summary"] == {"value": "In English only.", "lang": "en"}
    assert data["url"].startswith("http://testserver/et/events/")


def test_api_events_unpublished_absent(client):
    EventFactory(slug="published")
    EventFactory(slug="draft", is_published=False)

    payload = client.get(api_url("events")).json()

    assert [e["slug"] for e in payload["results"]] == ["published"]
    assert payload["count"] == 1


def test_api_events_unpublished_practice_absent_from_event(client):
    event = EventFactory()
    event.practices.add(
        GoodPracticeFactory(slug="published-practice"),
        GoodPracticeFactory(slug="draft-practice", status=GoodPractice.Status.DRAFT),
    )

    (data,) = client.get(api_url("events")).json()["results"]

    assert data["practices"] == ["published-practice"]


def test_api_events_private_expert_absent(client):
    workshop = WorkshopFactory()
    workshop.experts.add(PersonFactory(name="Public Expert"))
    workshop.experts.add(PersonFactory(name="Private Person", is_public=False))

    (data,) = client.get(api_url("events")).json()["results"]

    assert [e["name"] for e in data["workshops"][0]["experts"]] == ["Public Expert"]


def test_api_events_pagination_next_and_previous(client):
    for day in (1, 2, 3):
        EventFactory(
            slug=f"event-march-{day}",
            start_date=dt.date(2021, 3, day),
            end_date=dt.date(2021, 3, day),
        )

    first = client.get(api_url("events"), {"page_size": 2}).json()
    second = client.get(api_url("events"), {"page_size": 2, "page": 2}).json()

    assert (first["count"], first["previous"]) == (3, None)
    assert first["next"] == "http://testserver/en/api/events/?page_size=2&page=2"
    assert [e["slug"] for e in first["results"]] == ["event-march-3", "event-march-2"]
    assert second["next"] is None
    assert second["previous"] == "http://testserver/en/api/events/?page_size=2&page=1"
    assert [e["slug"] for e in second["results"]] == ["event-march-1"]


def test_api_events_filters_narrow(client):
    EventFactory(slug="visit", kind=Event.Kind.STUDY_VISIT)
    EventFactory(slug="thematic")

    payload = client.get(api_url("events"), {"kind": "study_visit"}).json()

    assert [e["slug"] for e in payload["results"]] == ["visit"]


def test_api_events_bad_filter_value_400_json(client):
    response = client.get(api_url("events"), {"year": "1066"})

    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "message": "year: Ensure this value is greater than or equal to 1990.",
            "parameters": {"year": ["Ensure this value is greater than or equal to 1990."]},
        }
    }


@pytest.mark.parametrize("value", ["abc", "0", "-3"])
def test_api_bad_page_size_400_json(client, value):
    response = client.get(api_url("practices"), {"page_size": value})

    assert response.status_code == 400
    problem = f"Expected a whole number of at least 1, got “{value}”."
    assert response.json()["error"]["parameters"] == {"page_size": [problem]}


def test_api_page_past_the_end_404_json(client):
    EventFactory()

    response = client.get(api_url("events"), {"page": "7"})

    assert response.status_code == 404
    assert response.json()["error"]["parameters"] == {
        "page": ["There is no page 7; the last page is 1."]
    }


def test_api_page_size_bounded_at_100(client):
    Organisation.objects.bulk_create(
        Organisation(name_en=f"Hub {n:03}", slug=f"hub-{n}") for n in range(101)
    )

    payload = client.get(api_url("organisations"), {"page_size": "500"}).json()

    assert (payload["count"], len(payload["results"])) == (101, 100)
    assert payload["next"] == "http://testserver/en/api/organisations/?page_size=500&page=2"


def test_api_events_not_modified_with_if_none_match(client):
    EventFactory()
    first = client.get(api_url("events"))

    second = client.get(api_url("events"), HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 304
    assert second.content == b""


def test_api_events_etag_differs_per_page(client):
    EventFactory()
    EventFactory()
    first = client.get(api_url("events"), {"page_size": 1})

    second = client.get(
        api_url("events"), {"page_size": 1, "page": 2}, HTTP_IF_NONE_MATCH=first["ETag"]
    )

    assert second.status_code == 200


def test_api_practices_published_only_with_fallback(client):
    GoodPracticeFactory(
        slug="data-hub", title_en="Data hub", title_hu="Adatközpont", owner__slug="tartu"
    )
    GoodPracticeFactory(slug="draft", status=GoodPractice.Status.SUBMITTED)

    payload = client.get(api_url("practices", "hu")).json()

    assert [p["slug"] for p in payload["results"]] == ["data-hub"]
    (data,) = payload["results"]
    assert data["title"] == {"value": "Adatközpont", "lang": "hu"}
    assert data["summary"] == {"value": "A practice worth learning from.", "lang": "en"}
    assert data["owner"] == "tartu"
    assert data["url"] == "http://testserver/hu/practices/data-hub/"


def test_api_practices_not_modified_with_if_none_match(client):
    GoodPracticeFactory()
    first = client.get(api_url("practices"))

    second = client.get(api_url("practices"), HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 304


def test_api_organisations_partners_first(client):
    Organisation.objects.create(name_en="Ananas Hub", slug="ananas")
    PartnerFactory(name_en="Comune di Genova", slug="genoa", partner_number=1)

    payload = client.get(api_url("organisations", "sv")).json()

    assert [o["slug"] for o in payload["results"]] == ["genoa", "ananas"]
    genoa = payload["results"][0]
    assert genoa["name"] == {"value": "Comune di Genova", "lang": "en"}
    assert (genoa["partner_code"], genoa["partner_role"]) == ("P1", "partner")


def test_api_organisations_not_modified_with_if_none_match(client):
    PartnerFactory()
    first = client.get(api_url("organisations"))

    second = client.get(api_url("organisations"), HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 304


@pytest.mark.parametrize("events", [1, 4])
def test_api_events_query_count_constant(client, django_assert_num_queries, events):
    for _ in range(events):
        workshop = WorkshopFactory()
        workshop.experts.add(PersonFactory())
        workshop.event.themes.add(ThemeFactory())
        workshop.event.practices.add(GoodPracticeFactory())
        Participation.objects.create(event=workshop.event, organisation=PartnerFactory())

    # The ETag summary, count, page, then participations, themes, practices, workshops,
    # experts (the list of projects stays cached: no project changed).
    with django_assert_num_queries(8):
        response = client.get(api_url("events"))

    assert response.json()["count"] == events
