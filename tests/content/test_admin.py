"""The content admins' base classes (content/admin.py): history with revert, and the version
check that refuses a stale save, exercised on the admins that production runs."""

import contextlib
import threading

import pytest
from django.db import connection
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.urls import reverse

from events.models import Event, StudyVisit
from practices.models import GoodPractice
from tests.events.test_admin import event_form_data
from tests.factories import PartnerFactory, in_this_project
from tests.workspace.conftest import draft_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_a():
    return PartnerFactory(name_en="Tartu City Government", short_name="Tartu", slug="tartu")


def visit_admin_data(event, title, seen_version, **overrides):
    data = event_form_data(event, title_en=title, seen_version=seen_version, **overrides)
    del data["is_published"]  # a draft stays unpublished
    return data


def form_data(response):
    """What a change or revert form shows, posted back as it is: every field, no inline rows."""
    form = response.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        # Empty values, unchecked boxes and files (a file field keeps its file unless changed).
        if value is not None and value is not False and not isinstance(value, FieldFile)
    }
    for formset in response.context.get("inline_admin_formsets", []):
        prefix = formset.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    return data


def test_save_through_kind_proxy_admin_is_kept_with_user(coordinator_client, partner_a):
    event = draft_visit(partner_a, "Visit", kind="study_visit")
    url = reverse("admin:events_studyvisit_change", args=[event.pk])

    coordinator_client.post(url, visit_admin_data(event, "Visit renamed", 1))

    assert [(h.title_en, h.history_user) for h in event.history.order_by("history_date")] == [
        ("Visit", None),
        ("Visit renamed", event.history.first().history_user),
    ]
    assert event.history.first().history_user.username == "coord"


def test_admin_stale_save_refused_and_input_kept(coordinator_client, partner_a):
    event = draft_visit(partner_a, "Visit", kind="study_visit")
    url = reverse("admin:events_studyvisit_change", args=[event.pk])
    coordinator_client.post(url, visit_admin_data(event, "First save", 1))

    response = coordinator_client.post(url, visit_admin_data(event, "Stale save", 1))

    form = response.context["adminform"].form
    assert form["title_en"].value() == "Stale save"
    assert [str(error) for error in form.non_field_errors()] == [
        "coord saved this item while you were editing it, so your changes are not saved yet. "
        "Your input is kept below: compare it with the current version, then save again to "
        "replace that version with yours."
    ]
    assert StudyVisit.objects.get(pk=event.pk).title_en == "First save"


def test_admin_history_revert_restores_every_language(coordinator_client, partner_a):
    event = draft_visit(partner_a, "Original", kind="study_visit", title_sv="Originalet")
    first = event.history.get()
    url = reverse("admin:events_studyvisit_change", args=[event.pk])
    coordinator_client.post(url, visit_admin_data(event, "Changed", 1, title_sv="Ändrat"))
    revert_url = reverse("admin:events_studyvisit_simple_history", args=[event.pk, first.pk])

    coordinator_client.post(revert_url, form_data(coordinator_client.get(revert_url)))

    event.refresh_from_db()
    assert (event.title_en, event.title_sv, event.version) == ("Original", "Originalet", 3)
    assert [h.title_en for h in event.history.order_by("history_date")] == [
        "Original",
        "Changed",
        "Original",
    ]
    history_page = coordinator_client.get(
        reverse("admin:events_studyvisit_history", args=[event.pk])
    )
    assert [r.title_en for r in history_page.context["page_obj"]] == [
        "Original",
        "Changed",
        "Original",
    ][::-1]


def test_practice_admin_revert_restores_every_language(coordinator_client, coordinator, partner_a):
    practice = GoodPractice.objects.create(
        title_en="First title",
        title_sv="Första titeln",
        slug="restorable",
        summary_en="First summary",
        owner=partner_a,
    )
    first = practice.history.get()
    practice.title_en, practice.title_sv = "Second title", "Andra titeln"
    practice.save()
    revert_url = reverse(
        "admin:practices_goodpractice_simple_history", args=[practice.pk, first.pk]
    )

    coordinator_client.post(revert_url, form_data(coordinator_client.get(revert_url)))

    practice.refresh_from_db()
    assert (practice.title_en, practice.title_sv, practice.version) == (
        "First title",
        "Första titeln",
        3,  # the script's save moved the version on too
    )
    assert [h.title_en for h in practice.history.order_by("history_date")] == [
        "First title",
        "Second title",
        "First title",
    ]
    assert practice.history.first().history_user == coordinator


def test_practice_admin_stale_save_refused(coordinator_client, partner_a):
    practice = GoodPractice.objects.create(
        title_en="Practice", slug="practice", summary_en="Summary", owner=partner_a
    )
    url = reverse("admin:practices_goodpractice_change", args=[practice.pk])
    opened = form_data(coordinator_client.get(url))
    coordinator_client.post(url, {**opened, "title_en": "First save"})

    response = coordinator_client.post(url, {**opened, "title_en": "Stale save"})

    assert response.context["adminform"].form["title_en"].value() == "Stale save"
    assert GoodPractice.objects.get(pk=practice.pk).title_en == "First save"


def _save_elsewhere(model, pk):
    """Another coordinator's save, committed on its own database connection."""
    from django.db import connections

    def run():
        try:
            model._default_manager.filter(pk=pk).update(version=F("version") + 1)
        finally:
            connections.close_all()

    thread = threading.Thread(target=in_this_project(run))
    thread.start()
    thread.join()


@contextlib.contextmanager
def saved_elsewhere_before_the_claim(model, pk):
    """Within the block, the first claim of the row's version is preceded by another
    coordinator's committed save: the race between a form's check and its save."""
    table = model._meta.db_table
    raced = []

    def wrapper(execute, sql, params, many, context):
        if not raced and sql.startswith("UPDATE") and table in sql and "version" in sql:
            raced.append(True)
            _save_elsewhere(model, pk)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield
    assert raced == [True]


race_on_postgresql = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two connections writing at once: the production database's case",
    ),
]


def _apply(marks):
    def decorate(test):
        for mark in reversed(marks):
            test = mark(test)
        return test

    return decorate


@_apply(race_on_postgresql)
def test_admin_save_racing_another_is_merged_not_an_error(coordinator_client, partner_a):
    event = draft_visit(partner_a, "Visit", kind="study_visit")
    url = reverse("admin:events_studyvisit_change", args=[event.pk])

    with saved_elsewhere_before_the_claim(Event, event.pk):
        response = coordinator_client.post(url, visit_admin_data(event, "My title", 1))

    # The other save changed no field, so the form checked again merges: mine is saved.
    assert response.status_code == 302
    assert Event.objects.values_list("title_en", "version").get(pk=event.pk) == ("My title", 3)


@_apply(race_on_postgresql)
def test_review_approval_racing_another_decision_is_refused_not_an_error(
    coordinator_client, partner_a
):
    event = draft_visit(partner_a, "Visit", review_status=Event.ReviewStatus.SUBMITTED)
    url = reverse("admin:workspace_submittedevent_changelist")
    data = {"action": "approve_selected", "_selected_action": [event.pk]}

    with saved_elsewhere_before_the_claim(Event, event.pk):
        response = coordinator_client.post(url, data, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "“Visit” was changed by someone else meanwhile: open it to see its state."
    ]
    assert Event.objects.values_list("is_published", "review_status").get(pk=event.pk) == (
        False,
        "submitted",
    )
