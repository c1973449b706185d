import datetime as dt
import io
import zoneinfo

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation

from content.scoping import every_project
from events.models import Event, EventChange, Semester, Workshop
from partners.models import Organisation, PartnerNumber, Person, ProjectPartner
from tests.factories import EventFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

APPS = {"partners", "practices", "events"}
UTC = dt.UTC


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def content_models():
    """Every table of our apps, the many-to-many link tables included."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in APPS and not model._meta.proxy
    ]


def snapshot():
    return {
        model._meta.label: list(model.objects.order_by("pk").values_list())
        for model in content_models()
    }


def local(instant, zone):
    return instant.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%d %H:%M")


@pytest.fixture
def demo():
    load_demo()


@pytest.fixture(scope="module")
def shared_demo(shared_data):
    """The demo loaded once for the tests below that only read it (tests/conftest.py's
    shared_data); the tests that load it again, or need an empty database, do not use it."""
    with shared_data(), translation.override("en"):
        load_demo()
        yield


@pytest.fixture
def thematic_event_3(shared_demo):
    return Event.objects.get(kind=Event.Kind.THEMATIC, number=3)


def test_load_demo_run_twice_leaves_identical_rows_and_values(demo):
    first = snapshot()

    load_demo()

    assert snapshot() == first
    assert {label: len(rows) for label, rows in first.items()} == {
        label: len(rows) for label, rows in snapshot().items()
    }


def test_load_demo_rerun_restores_an_edited_text(demo):
    Workshop.objects.filter(order=1).update(title_et="Muudetud")

    load_demo()

    with translation.override("et"):
        assert Workshop.objects.get(order=1).title.startswith("Partnerluse kujundamine") is True


def test_load_demo_output_summarises_the_rows():
    assert load_demo() == (
        "Demo content loaded: 17 organisations, 6 people, 4 themes, 8 good practices, "
        "6 semesters, 6 events, 3 workshops, 1 event changes.\n"
        "5 partner-staff login(s) ready.\n"
    )


def test_load_demo_output_counts_what_it_loaded_not_the_database(django_user_model):
    alone = load_demo().splitlines()[0]
    EventFactory.create_batch(2)
    WorkshopFactory()

    # The first line is this command's; the staff logins are load_demo_staff's (per partner).
    assert load_demo().splitlines()[0] == alone


def test_partners_numbers_roles_and_zones(shared_demo):
    rows = list(
        Organisation.objects.consortium().values_list(
            "memberships__number", "short_name", "memberships__role", "timezone", "country"
        )
    )

    assert rows == [
        (1, "Genoa", "lead", "Europe/Rome", "IT"),
        (2, "Birmingham", "partner", "Europe/London", "GB"),
        (3, "Gävle", "partner", "Europe/Stockholm", "SE"),
        (4, "Tartu", "partner", "Europe/Tallinn", "EE"),
        (5, "Nyíregyháza", "partner", "Europe/Budapest", "HU"),
    ]


def test_tartu_has_a_number_in_each_demo_project(shared_demo):
    with every_project():
        rows = ProjectPartner.objects.filter(organisation__slug="tartu").order_by("project")
        found = list(rows.values_list("project__slug", "number", "role"))

    assert found == [
        ("better", 4, "partner"),
        ("open-towns", 1, "lead"),
    ]


def test_partner_name_in_local_language_under_override(shared_demo):
    genoa = Organisation.objects.lead().get()

    with translation.override("it"):
        assert genoa.name == "Comune di Genova"
    assert genoa.name == "Municipality of Genoa"


def test_thematic_event_3_workshops_at_0830_utc_on_three_days(thematic_event_3):
    times = [(w.start, w.end) for w in thematic_event_3.workshops.order_by("order")]

    assert times == [
        (dt.datetime(2020, 6, day, 8, 30, tzinfo=UTC), dt.datetime(2020, 6, day, 10, tzinfo=UTC))
        for day in (16, 17, 18)
    ]


def test_thematic_event_3_workshops_in_tallinn_time_match_estonian_item(thematic_event_3):
    times = [
        (local(w.start, "Europe/Tallinn"), local(w.end, "Europe/Tallinn"))
        for w in thematic_event_3.workshops.order_by("order")
    ]

    assert times == [("16 11:30", "16 13:00"), ("17 11:30", "17 13:00"), ("18 11:30", "18 13:00")]


def test_thematic_event_3_workshops_in_stockholm_time_match_swedish_item(thematic_event_3):
    times = [
        (local(w.start, "Europe/Stockholm"), local(w.end, "Europe/Stockholm"))
        for w in thematic_event_3.workshops.order_by("order")
    ]

    assert times == [("16 10:30", "16 12:00"), ("17 10:30", "17 12:00"), ("18 10:30", "18 12:00")]


def test_thematic_event_3_dates_zone_and_status(thematic_event_3):
    event = thematic_event_3

    assert (event.start_date, event.end_date, event.tzname) == (
        dt.date(2020, 6, 16),
        dt.date(2020, 6, 18),
        "Europe/Rome",
    )
    assert event.start == dt.datetime(2020, 6, 16, 8, 30, tzinfo=UTC)
    assert (event.format, event.online_platform, event.status, event.is_published) == (
        "online",
        "Webex",
        "moved_online",
        True,
    )
    assert event.host.partner_number == 2


def test_thematic_event_3_participants_are_the_five_partners(thematic_event_3):
    rows = list(
        thematic_event_3.participations.order_by(PartnerNumber("organisation")).values_list(
            PartnerNumber("organisation"), "role"
        )
    )

    assert rows == [
        (1, "participant"),
        (2, "host"),
        (3, "participant"),
        (4, "participant"),
        (5, "participant"),
    ]


def test_workshop_1_estonian_title_under_override_is_the_seed_text(thematic_event_3):
    workshop = thematic_event_3.workshops.get(order=1)

    with translation.override("et"):
        assert workshop.title == (
            "Partnerluse kujundamine andmete kogumiseks: näited, kuidas soodustada edukat "
            "koostööd avaliku ja erasektori vahel."
        )


def test_workshop_1_swedish_title_and_english_fallback_for_hungarian(thematic_event_3):
    workshop = thematic_event_3.workshops.get(order=1)

    with translation.override("sv"):
        assert workshop.title == (
            "Bygga samarbete för datainsamling: Tillhandahålla stöd för att stimulera effektivt "
            "arbete i offentlig och privat sektor"
        )
    with translation.override("hu"):
        assert workshop.title == workshop.title_en


def test_workshop_experts_labels(thematic_event_3):
    labels = [
        (w.order, [p.label for p in w.experts.all()])
        for w in thematic_event_3.workshops.order_by("order").prefetch_related(
            "experts__organisation"
        )
    ]

    assert labels == [
        (1, ["Lauri Sock (P4 Tartu)"]),
        (2, ["Henrik Mazzanti (P3 Gävle)"]),
        (3, ["Dr Steve Harding (P2 Birmingham)"]),
    ]


def test_thematic_event_3_change_records_march_2020_in_birmingham(thematic_event_3):
    change = EventChange.objects.get(event=thematic_event_3)

    assert (
        change.previous_start_date,
        change.previous_end_date,
        change.previous_date_precision,
        change.previous_city,
        change.previous_format,
    ) == (dt.date(2020, 3, 1), dt.date(2020, 3, 31), "month", "Birmingham", "in_person")
    with translation.override("et"):
        assert (
            change.reason == "Üritus toimus Covid-19 põhjustatud olukorrast tingituna virtuaalselt."
        )


def test_study_visits_dates_hosts_and_participants(shared_demo):
    visits = [
        (
            visit.number,
            visit.start_date,
            visit.end_date,
            visit.start_time,
            visit.host.slug,
            visit.tzname,
            set(
                visit.participations.filter(role="participant").values_list(
                    "organisation__slug", flat=True
                )
            ),
        )
        for visit in Event.objects.filter(kind=Event.Kind.STUDY_VISIT).order_by("number")
    ]

    assert visits == [
        (1, dt.date(2021, 7, 17), dt.date(2021, 7, 17), None, "genoa", "Europe/Rome",
         {"birmingham", "gavle", "nyiregyhaza"}),
        (2, dt.date(2021, 9, 13), dt.date(2021, 9, 13), None, "nyiregyhaza", "Europe/Budapest",
         {"genoa", "birmingham", "gavle"}),
        (3, dt.date(2021, 10, 27), dt.date(2021, 10, 27), None, "gavle", "Europe/Stockholm",
         {"tartu", "birmingham", "genoa"}),
    ]  # fmt: skip


def test_study_visits_practices_examined_and_their_owners(shared_demo):
    examined = {
        visit.number: sorted((p.owner.slug, p.title_et) for p in visit.practices.all())
        for visit in Event.objects.filter(kind=Event.Kind.STUDY_VISIT)
    }

    assert examined == {
        1: [
            ("genoa", "Digitaalne kodaniku kaust"),
            ("genoa", "Kohaliku politsei juhtimiskeskuse tehnoloogiline uuendus"),
            ("genoa", "Segnalaci"),
            ("genoa", "Tööpoliitika platvorm"),
            ("genoa", "Vihma ja hüdromeetrilise taseme andmete digitaalmudel"),
        ],
        2: [
            ("nyiregyhaza", "Digitaalne puu – innovatsiooni elupaik"),
            ("nyiregyhaza", "LEGO hariduse innovatsioonistuudio"),
        ],
        3: [("gavle", "Teenusedisain ja e-teenuste arendamine")],
    }


def test_hubs_nine_from_eight_countries(shared_demo):
    hubs = Organisation.objects.filter(organisation_type=Organisation.Type.HUB)

    assert sorted(str(c) for c in hubs.values_list("country", flat=True)) == [
        "BG", "CY", "ES", "GR", "IT", "IT", "LT", "PL", "RO",
    ]  # fmt: skip
    assert list(hubs.filter(memberships__isnull=False)) == []


def test_hubs_webinar_hosted_by_greek_hub_with_all_nine(shared_demo):
    event = Event.objects.get(slug="next-generation-of-public-services-2021")
    hubs = set(Organisation.objects.filter(organisation_type="hub").values_list("slug", flat=True))

    assert set(event.organisations.values_list("slug", flat=True)) == hubs
    assert (event.host.slug, event.start_date, event.start_time, event.tzname) == (
        "gr-digigov-innohub",
        dt.date(2021, 7, 15),
        None,
        "Europe/Athens",
    )
    with translation.override("el"):
        assert event.title.startswith("Επόμενη γενιά δημόσιων υπηρεσιών – Διεθνής") is True


def test_offentliga_rummet_hosts_dates_and_speakers(shared_demo):
    event = Event.objects.get(slug="offentliga-rummet-2018")

    assert sorted(event.participations.values_list("organisation__slug", "role")) == [
        ("goteborgs-stad", "host"),
        ("vastkom", "host"),
        ("vastra-gotalandsregionen", "host"),
    ]
    assert (event.start_date, event.end_date, event.tzname, event.host.name_sv) == (
        dt.date(2018, 5, 23),
        dt.date(2018, 5, 25),
        "Europe/Stockholm",
        "Västra Götalandsregionen",
    )
    with translation.override("sv"):
        assert event.city == "Göteborg"
        roles = dict(
            (p.name, p.role)
            for p in Person.objects.filter(organisation__country="SE", role_sv__gt="")
        )
    assert roles == {
        "Helena L Nilsson": "regionutvecklingsdirektör",
        "Thomas Jungbeck": "direktör",
        "Helena Mehner": "Kommunikationsdirektör",
    }


def test_offentliga_rummet_body_leaves_out_page_leftovers(shared_demo):
    body = Event.objects.get(slug="offentliga-rummet-2018").body_sv

    assert [leftover in body for leftover in ("Läs vidare", "Tipsa:", "User information")] == [
        False,
        False,
        False,
    ]
    assert body.endswith("Varmt välkommen till Västra Götaland och Göteborg den 23 maj - 25 maj!")


def test_semesters_cover_the_learning_phase(shared_demo):
    rows = list(Semester.objects.values_list("number", "start", "end"))

    assert rows == [
        (1, dt.date(2019, 8, 1), dt.date(2020, 1, 31)),
        (2, dt.date(2020, 2, 1), dt.date(2020, 7, 31)),
        (3, dt.date(2020, 8, 1), dt.date(2021, 1, 31)),
        (4, dt.date(2021, 2, 1), dt.date(2021, 7, 31)),
        (5, dt.date(2021, 8, 1), dt.date(2022, 1, 31)),
        (6, dt.date(2022, 2, 1), dt.date(2022, 7, 31)),
    ]


def test_every_loaded_object_passes_full_clean(shared_demo):
    checked = {}
    with every_project():  # BETTER's and OPEN TOWNS'
        for model in content_models():
            if model._meta.auto_created or model.__name__.startswith("Historical"):
                continue
            for obj in model.objects.all():
                obj.full_clean()
                checked[model.__name__] = checked.get(model.__name__, 0) + 1

    assert checked == {
        "Organisation": 17,
        "ProjectPartner": 6,  # BETTER's five, OPEN TOWNS' Tartu
        "Person": 11,  # six from the seeds, five demo staff logins
        "Theme": 4,
        "GoodPractice": 9,  # eight of BETTER, one of OPEN TOWNS
        "Semester": 7,
        "Event": 7,
        "Participation": 30,
        "Workshop": 4,
        "EventChange": 1,
    }
