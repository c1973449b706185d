import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape

from events.models import KIND_PROXIES, Event, StudyVisit, Workshop
from tests.factories import (
    AttendanceFactory,
    EventChangeFactory,
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    ParticipationFactory,
    PartnerFactory,
    PersonFactory,
    SemesterFactory,
    ThemeFactory,
    TransferFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

MAKERS = {
    "auth.user": lambda: None,  # the coordinator is the object
    "auth.group": lambda: Group.objects.create(name="Reviewers"),
    "partners.organisation": OrganisationFactory,
    "partners.person": PersonFactory,
    "practices.theme": ThemeFactory,
    "practices.goodpractice": GoodPracticeFactory,
    "practices.transfer": TransferFactory,
    "events.semester": SemesterFactory,
    "events.event": EventFactory,
    "events.workshop": WorkshopFactory,
    "events.eventchange": EventChangeFactory,
    "events.attendance": AttendanceFactory,
    "events.participation": ParticipationFactory,
    **{
        proxy._meta.label_lower: (lambda kind=proxy.KIND: EventFactory(kind=kind))
        for proxy in KIND_PROXIES
    },
}
# The content admins; the review queue (tests/workspace) and django-axes' log are tested apart.
CONTENT_APPS = {"auth", "partners", "practices", "events"}
REGISTERED = sorted(
    (model for model in admin.site._registry if model._meta.app_label in CONTENT_APPS),
    key=lambda model: model._meta.label_lower,
)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_registry_every_registered_model_has_a_maker():
    assert {model._meta.label_lower for model in REGISTERED} == set(MAKERS)


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label_lower)
def test_admin_pages_load_with_an_object(coordinator_client, coordinator, model):
    obj = MAKERS[model._meta.label_lower]() or coordinator
    obj = model._default_manager.get(pk=obj.pk)
    name = model._meta.verbose_name

    changelist = coordinator_client.get(admin_url(model, "changelist"))
    add = coordinator_client.get(admin_url(model, "add"))
    change = coordinator_client.get(admin_url(model, "change", obj.pk))

    assert changelist.status_code == 200
    assert escape(str(obj)) in changelist.text
    assert add.status_code == 200
    assert f"Add {name}" in add.text
    assert change.status_code == 200
    assert f"Change {name}" in change.text
    assert escape(str(obj)) in change.text


def test_event_change_form_loads_translation_tabs_locally(coordinator_client):
    event = EventFactory()

    response = coordinator_client.get(admin_url(Event, "change", event.pk))

    assert "/static/admin-extra/vendor/jquery-ui-tabs.js" in response.text
    assert "modeltranslation/js/tabbed_translation_fields.js" in response.text
    assert "googleapis" not in response.text


def event_form_data(event, workshops=(), **overrides):
    """The POST data of the event change form, with new workshop rows and empty other inlines."""
    data = {
        "kind": event.kind,
        "title_en": event.title_en,
        "summary_en": event.summary_en,
        "slug": event.slug,
        "status": event.status,
        "is_published": "on",
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat(),
        "timezone": event.timezone,
        "format": event.format,
        "host": event.host_id,
        "seen_version": event.version,
    }
    for prefix in ("participations", "changes", "attendances", "photos"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    data |= {"workshops-TOTAL_FORMS": len(workshops), "workshops-INITIAL_FORMS": 0}
    for i, (title, day, start, end) in enumerate(workshops):
        data |= {
            f"workshops-{i}-order": i + 1,
            f"workshops-{i}-title_en": title,
            f"workshops-{i}-start_0": day,
            f"workshops-{i}-start_1": start,
            f"workshops-{i}-end_0": day,
            f"workshops-{i}-end_1": end,
        }
    return data | overrides


WORKSHOP_1 = ("Workshop 1", "2020-06-16", "10:30", "12:00")


def test_event_change_workshop_time_entered_in_event_zone(coordinator_client):
    event = EventFactory(timezone="Europe/Stockholm")

    response = coordinator_client.post(
        admin_url(Event, "change", event.pk), event_form_data(event, [WORKSHOP_1])
    )

    assert response.status_code == 302
    workshop = Workshop.objects.get(event=event)
    assert workshop.start == dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC)
    assert workshop.end == dt.datetime(2020, 6, 16, 10, 0, tzinfo=dt.UTC)


def test_event_change_workshop_time_shown_in_event_zone(coordinator_client):
    event = EventFactory(timezone="Europe/Stockholm")
    WorkshopFactory(event=event, start=dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC))

    response = coordinator_client.get(admin_url(Event, "change", event.pk))

    assert 'value="10:30:00"' in response.text
    assert 'value="08:30:00"' not in response.text
    assert 'Local time in <span data-event-zone="">Europe/Stockholm</span>' in response.text


def test_event_change_workshop_time_independent_of_server_zone(coordinator_client, settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    event = EventFactory(timezone="Europe/Stockholm")

    coordinator_client.post(
        admin_url(Event, "change", event.pk), event_form_data(event, [WORKSHOP_1])
    )
    response = coordinator_client.get(admin_url(Event, "change", event.pk))

    workshop = Workshop.objects.get(event=event)
    assert workshop.start == dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC)
    assert 'value="10:30:00"' in response.text


def test_event_change_workshop_time_follows_posted_zone(coordinator_client):
    event = EventFactory(timezone="Europe/Stockholm")

    coordinator_client.post(
        admin_url(Event, "change", event.pk),
        event_form_data(event, [WORKSHOP_1], timezone="Europe/Tallinn"),
    )

    workshop = Workshop.objects.get(event=event)
    assert workshop.start == dt.datetime(2020, 6, 16, 7, 30, tzinfo=dt.UTC)


def test_event_change_workshop_outside_event_dates_is_a_form_error(coordinator_client):
    event = EventFactory(start_date=dt.date(2020, 6, 16), end_date=dt.date(2020, 6, 18))
    late = ("Late workshop", "2020-06-20", "10:30", "12:00")

    response = coordinator_client.post(
        admin_url(Event, "change", event.pk), event_form_data(event, [late])
    )

    assert response.status_code == 200
    assert (
        escape(
            "The workshop (2020-06-20 – 2020-06-20 in Europe/Stockholm) must lie within "
            "the event's dates, 2020-06-16 – 2020-06-18."
        )
        in response.text
    )
    assert Workshop.objects.count() == 0


def test_event_change_workshop_checked_against_submitted_dates(coordinator_client):
    event = EventFactory(start_date=dt.date(2020, 6, 16), end_date=dt.date(2020, 6, 18))
    late = ("Late workshop", "2020-06-20", "10:30", "12:00")

    response = coordinator_client.post(
        admin_url(Event, "change", event.pk),
        event_form_data(event, [late], end_date="2020-06-20"),
    )

    assert response.status_code == 302
    assert Workshop.objects.get().title == "Late workshop"


def test_workshop_add_time_entered_in_event_zone(coordinator_client, settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    event = EventFactory(timezone="Europe/Stockholm")
    data = {
        "event": event.pk,
        "order": 1,
        "title_en": "Workshop 1",
        "start_0": "2020-06-16",
        "start_1": "10:30",
        "end_0": "2020-06-16",
        "end_1": "12:00",
        "materials-TOTAL_FORMS": 0,
        "materials-INITIAL_FORMS": 0,
    }

    response = coordinator_client.post(admin_url(Workshop, "add"), data)

    assert response.status_code == 302
    workshop = Workshop.objects.get()
    assert workshop.start == dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC)
    change = coordinator_client.get(admin_url(Workshop, "change", workshop.pk))
    assert 'value="10:30:00"' in change.text
    assert 'Local time in <span data-event-zone="">Europe/Stockholm</span>' in change.text


def test_workshop_changelist_shows_time_in_event_zone(coordinator_client):
    WorkshopFactory(event=EventFactory(timezone="Europe/Stockholm"))

    response = coordinator_client.get(admin_url(Workshop, "changelist"))

    assert "2020-06-16 10:30–12:00 CEST" in response.text


def test_event_publish_action_publishes_selected(coordinator_client):
    drafts = EventFactory.create_batch(2, is_published=False)
    other = EventFactory(is_published=False)

    response = coordinator_client.post(
        admin_url(Event, "changelist"),
        {"action": "publish", "_selected_action": [e.pk for e in drafts]},
        follow=True,
    )

    assert "2 events published." in response.text
    assert list(Event.objects.published().order_by("pk")) == drafts
    other.refresh_from_db()
    assert other.is_published is False


def test_event_unpublish_action_unpublishes_selected(coordinator_client):
    event = EventFactory(is_published=True)

    response = coordinator_client.post(
        admin_url(Event, "changelist"),
        {"action": "unpublish", "_selected_action": [event.pk]},
        follow=True,
    )

    assert "1 event unpublished." in response.text
    assert Event.objects.published().count() == 0


def test_event_changelist_lists_missing_languages(coordinator_client):
    EventFactory(title_en="Partly", title_et="Osaliselt", summary_et="Kokkuvõte.")
    EventFactory(
        title_en="Complete",
        **{f"title_{lang}": "T" for lang in ("it", "et", "hu", "sv", "el")},
        **{f"summary_{lang}": "S" for lang in ("it", "et", "hu", "sv", "el")},
    )

    response = coordinator_client.get(admin_url(Event, "changelist"))

    assert '<td class="field-missing_languages">it, hu, sv, el</td>' in response.text
    assert '<td class="field-missing_languages">✓</td>' in response.text


def test_event_changelist_kind_column_numbered_in_the_coordinators_language(coordinator_client):
    EventFactory(kind=Event.Kind.STUDY_VISIT, number=2)

    english = coordinator_client.get(admin_url(Event, "changelist"))
    hungarian = coordinator_client.get(admin_url(Event, "changelist"), HTTP_ACCEPT_LANGUAGE="hu")

    assert '<td class="field-kind_number">Study visit #2</td>' in english.text
    assert '<td class="field-kind_number">2. tanulmányút</td>' in hungarian.text


def test_event_changelist_filters_missing_translation(coordinator_client):
    EventFactory(title_en="Untranslated")
    EventFactory(title_en="In Estonian", title_et="Eesti keeles", summary_et="Kokkuvõte.")

    response = coordinator_client.get(admin_url(Event, "changelist"), {"missing_translation": "et"})

    assert [e.title for e in response.context["cl"].result_list] == ["Untranslated"]
    assert "Untranslated" in response.text
    assert "In Estonian" not in response.text


def test_study_visit_add_sets_kind(coordinator_client):
    host = PartnerFactory()
    data = event_form_data(
        Event(
            kind="",
            title_en="Study visit to Tartu",
            summary_en="",
            slug="study-visit-tartu",
            status=Event.Status.CONFIRMED,
            start_date=dt.date(2021, 7, 17),
            end_date=dt.date(2021, 7, 17),
            timezone="Europe/Tallinn",
            format=Event.Format.IN_PERSON,
            host=host,
        ),
        number=1,
    )
    del data["kind"]

    response = coordinator_client.post(admin_url(StudyVisit, "add"), data)

    assert response.status_code == 302
    assert Event.objects.get().kind == Event.Kind.STUDY_VISIT


def test_study_visit_duplicate_number_is_a_form_error(coordinator_client):
    existing = EventFactory(kind=Event.Kind.STUDY_VISIT, number=1)
    EventFactory(kind=Event.Kind.THEMATIC, number=2)
    event = EventFactory(kind=Event.Kind.STUDY_VISIT, number=2)

    response = coordinator_client.post(
        admin_url(StudyVisit, "change", event.pk),
        event_form_data(event, number=existing.number),
    )

    assert response.status_code == 200
    assert "Another event of this kind already has this number." in response.text
    event.refresh_from_db()
    assert event.number == 2


def test_kind_pages_offer_transfer_only_for_import_workshops(coordinator_client):
    pages = {
        proxy.KIND: coordinator_client.get(admin_url(proxy, "add")).text for proxy in KIND_PROXIES
    }

    assert 'name="transfer"' in pages[Event.Kind.IMPORT_WORKSHOP]
    assert [kind for kind, text in pages.items() if 'name="transfer"' in text] == [
        Event.Kind.IMPORT_WORKSHOP
    ]


def test_kind_page_lists_only_its_kind(coordinator_client):
    EventFactory(kind=Event.Kind.STUDY_VISIT, title_en="Visit to Gävle")
    EventFactory(kind=Event.Kind.THEMATIC, title_en="Thematic in Tartu")

    response = coordinator_client.get(admin_url(StudyVisit, "changelist"))

    assert "Visit to Gävle" in response.text
    assert "Thematic in Tartu" not in response.text


def test_practices_examined_autocomplete_finds_practice(coordinator_client):
    GoodPracticeFactory(title_en="Digital mailbox")

    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "mailbox",
            "app_label": "events",
            "model_name": "event",
            "field_name": "practices",
        },
    )

    assert [r["text"] for r in response.json()["results"]] == ["Digital mailbox"]


def test_event_admin_export_action_downloads_the_selected_events(coordinator_client):
    import csv
    import io

    from tests.factories import EventFactory

    chosen = EventFactory(title_en="Thematic event in Tartu")
    EventFactory(title_en="Not selected")

    response = coordinator_client.post(
        "/admin/events/event/",
        {"action": "export_events_csv", "_selected_action": [chosen.pk]},
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert [row[rows[0].index("Title")] for row in rows[1:]] == ["Thematic event in Tartu"]
