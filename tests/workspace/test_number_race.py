"""Two study visits approved at the same moment get the next two numbers, never the same one
nor an error: the number is allocated again when the unique (kind, number) constraint refuses
the first (events.models.Event.save_base)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from events.models import Event
from tests.content.test_admin import _apply, race_on_postgresql
from tests.events.test_admin import event_form_data
from tests.factories import EventFactory, in_this_project

from .conftest import draft_visit
from .test_review_admin import review_url, seen_version

pytestmark = pytest.mark.django_db


def _is_highest_number_query(sql):
    return sql.startswith("SELECT MAX(") and '"number"' in sql


def _number_five_taken_meanwhile(taken, host):
    """A query wrapper: right after the approval reads the highest number (4), another visit
    takes number 5 (once; `taken` records that it happened)."""

    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not taken and _is_highest_number_query(sql):
            taken.append(True)
            EventFactory(kind=Event.Kind.STUDY_VISIT, number=5, title_en="Theirs", host=host)
        return result

    return wrapper


def _approval(client, visit):
    """The review form's data for approving the visit, as the coordinator opened it."""
    seen = seen_version(client.get(review_url(visit)))
    return {"seen_version": seen, "review_comment": "", "decision": "approve"}


def _numbers():
    return dict(Event.objects.filter(kind=Event.Kind.STUDY_VISIT).values_list("title_en", "number"))


def test_a_number_taken_between_the_count_and_the_save_gives_the_next_one(
    coordinator_client, partner_a, partner_b
):
    """One connection, every database: another visit takes number 5 right after the approval
    read the highest number (4)."""
    EventFactory(kind=Event.Kind.STUDY_VISIT, number=4, title_en="Earlier")
    visit = draft_visit(partner_a, "Study visit to Tartu", review_status="submitted")
    data = _approval(coordinator_client, visit)
    taken = []

    with connection.execute_wrapper(_number_five_taken_meanwhile(taken, partner_b)):
        response = coordinator_client.post(review_url(visit), data)

    assert taken == [True]
    assert (response.status_code, response.url) == (
        302,
        reverse("admin:workspace_submittedevent_changelist"),
    )
    assert _numbers() == {"Earlier": 4, "Theirs": 5, "Study visit to Tartu": 6}
    assert Event.objects.get(pk=visit.pk).is_published


@_apply(race_on_postgresql)
def test_two_approvals_at_the_same_moment_get_consecutive_numbers(coordinator, partner_a):
    EventFactory(kind=Event.Kind.STUDY_VISIT, number=4, title_en="Earlier")
    visits = [
        draft_visit(partner_a, title, review_status="submitted")
        for title in ("Visit to Tartu", "Visit to Gävle", "Visit to Genoa")
    ]
    approvals = []
    for visit in visits:
        client = Client()
        client.force_login(coordinator)
        approvals.append((client, visit, _approval(client, visit)))
    # Every approval waits, once it has read the highest number, until all have read it: each
    # reads 4, so each would take 5.
    barrier = threading.Barrier(len(visits), timeout=20)
    statuses, errors = [], []

    def approve(client, visit, data):
        waited = []

        def wrapper(execute, sql, params, many, context):
            result = execute(sql, params, many, context)
            if not waited and _is_highest_number_query(sql):
                waited.append(True)
                barrier.wait()
            return result

        try:
            with connection.execute_wrapper(wrapper):
                statuses.append(client.post(review_url(visit), data).status_code)
        except Exception as error:  # reported below, not lost in the thread
            errors.append(repr(error))
        finally:
            connections.close_all()

    approve = in_this_project(approve)
    threads = [threading.Thread(target=approve, args=approval) for approval in approvals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert (errors, statuses) == ([], [302, 302, 302])
    numbers = _numbers()
    assert numbers.pop("Earlier") == 4
    assert sorted(numbers.values()) == [5, 6, 7]
    assert Event.objects.filter(pk__in=[v.pk for v in visits], is_published=True).count() == 3


def test_publishing_a_draft_visit_from_the_events_admin_takes_the_next_free_number(
    coordinator_client, partner_a, partner_b
):
    """The other way a visit is numbered: a coordinator publishes the draft in the events
    admin (the save approves it), while another visit takes the number meanwhile."""
    EventFactory(kind=Event.Kind.STUDY_VISIT, number=4, title_en="Earlier")
    visit = draft_visit(partner_a, "Study visit to Tartu")
    data = event_form_data(visit, seen_version=1)  # "is_published": "on"
    taken = []

    with connection.execute_wrapper(_number_five_taken_meanwhile(taken, partner_b)):
        response = coordinator_client.post(
            reverse("admin:events_studyvisit_change", args=[visit.pk]), data
        )

    assert (taken, response.status_code) == ([True], 302)
    assert _numbers() == {"Earlier": 4, "Theirs": 5, "Study visit to Tartu": 6}
    assert Event.objects.values_list("is_published", "review_status").get(pk=visit.pk) == (
        True,
        "approved",
    )
