"""The acceptance case of the seeds: thematic event #3 of BETTER, moved online, three workshops."""

import datetime as dt

import pytest

from events.models import Event, EventChange
from partners.models import Organisation
from tests.factories import (
    EventChangeFactory,
    EventFactory,
    GoodPracticeFactory,
    ParticipationFactory,
    PartnerFactory,
    PersonFactory,
    WorkshopFactory,
)


@pytest.fixture
def consortium():
    """The five BETTER partners, each in its own city's zone."""
    rows = [
        (1, "Genoa", "IT", "Europe/Rome", Organisation.Role.LEAD),
        (2, "Birmingham", "GB", "Europe/London", Organisation.Role.PARTNER),
        (3, "Gävle", "SE", "Europe/Stockholm", Organisation.Role.PARTNER),
        (4, "Tartu", "EE", "Europe/Tallinn", Organisation.Role.PARTNER),
        (5, "Nyíregyháza", "HU", "Europe/Budapest", Organisation.Role.PARTNER),
    ]
    return {
        city: PartnerFactory(
            name_en=f"Municipality of {city}",
            short_name=city,
            slug=f"municipality-{number}",
            partner_number=number,
            partner_role=role,
            city=city,
            country=country,
            timezone=zone,
        )
        for number, city, country, zone, role in rows
    }


def _utc(day, hour, minute):
    return dt.datetime(2020, 6, day, hour, minute, tzinfo=dt.UTC)


@pytest.fixture
def thematic_event_3(consortium):
    """Thematic event #3 as the Swedish and Estonian news items tell it (Europe/Rome zone)."""
    event = EventFactory(
        kind=Event.Kind.THEMATIC,
        number=3,
        slug="thematic-event-3",
        title_en="BETTER held a virtual thematic event",
        title_sv="BETTER höll ett virtuellt tematiskt evenemang",
        title_et="BETTER projektis toimus virtuaalne temaatiline üritus",
        summary_en="Three online workshops on data in public services.",
        host=consortium["Birmingham"],
        timezone="Europe/Rome",
        start_date=dt.date(2020, 6, 16),
        end_date=dt.date(2020, 6, 18),
        start_time=dt.time(10, 30),
        end_time=dt.time(12, 0),
        format=Event.Format.ONLINE,
        online_platform="Webex",
        status=Event.Status.MOVED_ONLINE,
    )
    for city in ("Genoa", "Gävle", "Tartu", "Nyíregyháza"):
        ParticipationFactory(event=event, organisation=consortium[city])
    EventChangeFactory(
        event=event,
        previous_start_date=dt.date(2020, 3, 1),
        previous_date_precision=EventChange.Precision.MONTH,
        previous_city_en="Birmingham",
        reason_en="moved online because of COVID-19",
        reason_sv="flyttat online på grund av covid-19",
        reason_et="viidi covid-19 tõttu veebi",
    )
    experts = [
        PersonFactory(name="Lauri Sock", organisation=consortium["Tartu"]),
        PersonFactory(name="Henrik Mazzanti", organisation=consortium["Gävle"]),
        PersonFactory(name="Steve Harding", honorific="Dr", organisation=consortium["Birmingham"]),
    ]
    titles = [
        (
            "Workshop 1: Building partnership for data collection",
            "Workshop 1: Bygga samarbete för datainsamling",
            "Seminar 1: Partnerluse kujundamine andmete kogumiseks",
        ),
        (
            "Workshop 2: Data visualisation",
            "Workshop 2: Datavisualisering",
            "Workshop 2: Andmete visualiseerimine",
        ),
        (
            "Workshop 3: Public sector reform",
            "Workshop 3: Reform i offentlig sektor",
            "Workshop 3: Avaliku sektori reform",
        ),
    ]
    for order, (expert, (en, sv, et)) in enumerate(zip(experts, titles, strict=True), start=1):
        workshop = WorkshopFactory(
            event=event,
            order=order,
            title_en=en,
            title_sv=sv,
            title_et=et,
            start=_utc(15 + order, 8, 30),
            end=_utc(15 + order, 10, 0),
        )
        workshop.experts.set([expert])
    event.practices.add(
        GoodPracticeFactory(title_en="City data platform", owner=consortium["Gävle"])
    )
    return event


@pytest.fixture
def better_identity(db):
    """BETTER's name as the site's identity, as load_demo sets it."""
    from tests.factories import identity

    return identity(acronym="BETTER")
