"""Publishing and reviewing are one state machine: an item a coordinator publishes from any
admin has left review, and partner staff can no longer change it in place."""

import pytest
from django.urls import reverse

from events.models import Event
from tests.events.test_admin import event_form_data

from .conftest import draft_visit
from .helpers import visit_data

pytestmark = pytest.mark.django_db


def test_draft_visit_published_by_the_events_list_action_is_locked_for_staff(
    client, coordinator, staff_a, partner_a
):
    visit = draft_visit(partner_a, "Visit to Tartu")
    client.force_login(coordinator)
    client.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish", "_selected_action": [visit.pk]},
    )
    client.force_login(staff_a)

    edit = client.post(
        reverse("workspace:event-update", args=[visit.pk]),
        visit_data(partner_a, title_en="Changed live", seen_version=2),
    )

    assert edit.status_code == 404
    assert Event.objects.values_list("title_en", "is_published", "review_status").get(
        pk=visit.pk
    ) == ("Visit to Tartu", True, "approved")


def test_draft_visit_published_from_the_events_change_form_is_locked_for_staff(
    client, coordinator, staff_a, partner_a
):
    visit = draft_visit(partner_a, "Visit to Tartu", kind="study_visit")
    client.force_login(coordinator)
    data = event_form_data(visit)  # is_published ticked
    client.post(reverse("admin:events_studyvisit_change", args=[visit.pk]), data)
    client.force_login(staff_a)

    detail = client.get(reverse("workspace:event-detail", args=[visit.pk]))

    assert (detail.context["may_edit"], detail.context["event"].review_status) == (
        False,
        "approved",
    )
    assert client.get(reverse("workspace:event-update", args=[visit.pk])).status_code == 404
