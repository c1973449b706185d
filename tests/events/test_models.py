import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from events.models import Event, Material, Semester, StudyVisit, ThematicEvent, Workshop
from tests.factories import (
    EventChangeFactory,
    EventFactory,
    PartnerFactory,
    SemesterFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def test_event_end_before_start_is_refused_with_message():
    event = EventFactory.build(
        host=PartnerFactory(), start_date=dt.date(2020, 6, 18), end_date=dt.date(2020, 6, 16)
    )

    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()

    assert excinfo.value.messages == ["The end date cannot be before the start date."]


def test_event_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(start_date=dt.date(2020, 6, 18), end_date=dt.date(2020, 6, 16))

    assert Event.objects.count() == 0


def test_event_one_day_end_time_before_start_time_is_refused():
    event = EventFactory.build(
        host=PartnerFactory(),
        start_date=dt.date(2020, 6, 16),
        end_date=dt.date(2020, 6, 16),
        start_time=dt.time(12, 0),
        end_time=dt.time(10, 30),
    )

    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()

    assert excinfo.value.messages == ["A one-day event cannot end before it starts."]


def test_event_number_duplicate_within_kind_is_refused_with_message():
    EventFactory(kind=Event.Kind.THEMATIC, number=3)
    duplicate = EventFactory.build(host=PartnerFactory(), kind=Event.Kind.THEMATIC, number=3)

    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()

    assert excinfo.value.messages == ["Another event of this kind already has this number."]


def test_event_number_duplicate_within_kind_is_refused_by_the_database():
    EventFactory(kind=Event.Kind.THEMATIC, number=3)

    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(kind=Event.Kind.THEMATIC, number=3)

    assert Event.objects.filter(number=3).count() == 1


def test_event_same_number_in_other_kind_is_allowed():
    EventFactory(kind=Event.Kind.THEMATIC, number=3)
    EventFactory(kind=Event.Kind.STUDY_VISIT, number=3)

    assert sorted(Event.objects.values_list("kind", flat=True)) == ["study_visit", "thematic"]


def test_event_timezone_defaults_to_host_zone():
    host = PartnerFactory(timezone="Europe/Tallinn")
    event = EventFactory(host=host, timezone="")

    assert event.tzname == "Europe/Tallinn"


def test_kind_proxy_saves_and_lists_its_own_kind():
    host = PartnerFactory()
    visit = StudyVisit.objects.create(
        title_en="Study visit to Genoa",
        slug="visit-genoa",
        host=host,
        start_date=dt.date(2021, 7, 17),
        end_date=dt.date(2021, 7, 17),
    )
    EventFactory(kind=Event.Kind.THEMATIC)

    assert visit.kind == Event.Kind.STUDY_VISIT
    assert list(StudyVisit.objects.values_list("slug", flat=True)) == ["visit-genoa"]
    assert ThematicEvent.objects.count() == 1


def test_workshop_outside_event_dates_is_refused_with_message():
    event = EventFactory(
        start_date=dt.date(2020, 6, 16), end_date=dt.date(2020, 6, 18), timezone="Europe/Rome"
    )
    workshop = WorkshopFactory.build(
        event=event,
        start=dt.datetime(2020, 6, 19, 8, 30, tzinfo=UTC),
        end=dt.datetime(2020, 6, 19, 10, 0, tzinfo=UTC),
    )

    with pytest.raises(ValidationError) as excinfo:
        workshop.full_clean()

    assert excinfo.value.messages == [
        "The workshop (2020-06-19 – 2020-06-19 in Europe/Rome) must lie within "
        "the event's dates, 2020-06-16 – 2020-06-18."
    ]


def test_workshop_inside_dates_in_event_zone_is_accepted():
    # 23:30 UTC on 15 June is already 16 June in Tallinn: inside the event's local dates.
    event = EventFactory(
        start_date=dt.date(2020, 6, 16), end_date=dt.date(2020, 6, 16), timezone="Europe/Tallinn"
    )
    workshop = WorkshopFactory.build(
        event=event,
        start=dt.datetime(2020, 6, 15, 23, 30, tzinfo=UTC),
        end=dt.datetime(2020, 6, 16, 1, 0, tzinfo=UTC),
    )

    workshop.full_clean()


def test_workshop_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkshopFactory(
            start=dt.datetime(2020, 6, 16, 10, 0, tzinfo=UTC),
            end=dt.datetime(2020, 6, 16, 8, 30, tzinfo=UTC),
        )

    assert Workshop.objects.count() == 0


def test_semester_overlap_is_refused_with_message():
    SemesterFactory(number=1, start=dt.date(2019, 8, 1), end=dt.date(2020, 1, 31))
    overlapping = Semester(number=2, start=dt.date(2020, 1, 1), end=dt.date(2020, 7, 31))

    with pytest.raises(ValidationError) as excinfo:
        overlapping.full_clean()

    assert excinfo.value.messages == ["These dates overlap Semester 1 (2019-08-01 – 2020-01-31)."]


def test_semester_adjacent_is_accepted():
    SemesterFactory(number=1, start=dt.date(2019, 8, 1), end=dt.date(2020, 1, 31))
    adjacent = Semester(number=2, start=dt.date(2020, 2, 1), end=dt.date(2020, 7, 31))

    adjacent.full_clean()


def test_semester_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Semester.objects.create(number=1, start=dt.date(2020, 2, 1), end=dt.date(2020, 1, 1))

    assert Semester.objects.count() == 0


def test_material_needs_exactly_a_file_or_a_link():
    workshop = WorkshopFactory()
    material = Material(workshop=workshop, title_en="Slides")

    with pytest.raises(ValidationError) as excinfo:
        material.full_clean()

    assert excinfo.value.messages == ["Give either a file or a link, not both and not neither."]


def test_event_change_without_previous_value_is_refused():
    change = EventChangeFactory.build(event=EventFactory(), previous_start_date=None)

    with pytest.raises(ValidationError) as excinfo:
        change.full_clean()

    assert excinfo.value.messages == [
        "Record at least one previous value: dates, city, venue or format."
    ]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Thematic event #3"),
        ("hu", "3. tematikus rendezvény"),
        ("it", "Evento tematico n. 3"),
        ("et", "Temaatiline üritus nr 3"),
        ("sv", "Tematiskt evenemang nr 3"),
        ("el", "Θεματική εκδήλωση αρ. 3"),
    ],
)
def test_event_kind_label_numbered_places_the_number_per_language(language, expected):
    event = Event(kind=Event.Kind.THEMATIC, number=3)

    with translation.override(language):
        label = event.kind_label_numbered

    assert label == expected


def test_event_kind_label_numbered_of_every_kind_in_hungarian():
    events = [Event(kind=kind, number=2) for kind in Event.Kind]

    with translation.override("hu"):
        labels = [event.kind_label_numbered for event in events]

    assert labels == [
        "2. tematikus rendezvény",
        "2. tanulmányút",
        "2. átvételi műhelyfoglalkozás",
        "2. helyi vagy érintetti rendezvény",
        "2. partnertalálkozó",
        "2. külső rendezvény",
    ]


def test_event_kind_label_without_number_is_the_kind_label():
    event = Event(kind=Event.Kind.STUDY_VISIT, number=None)

    with translation.override("sv"):
        label = event.kind_label_numbered

    assert label == "Studiebesök"


def test_event_str_starts_with_the_numbered_kind_label_in_hungarian():
    event = EventFactory(kind=Event.Kind.STUDY_VISIT, number=2, title_en="Visit to Tartu")

    with translation.override("hu"):
        text = str(event)

    assert text == "2. tanulmányút: Visit to Tartu"
