"""History through the admin base classes that the content admins use."""

import re

import pytest
from django.urls import reverse

from events.models import StudyVisit

from .conftest import draft_visit

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.workspace.admin_urls")]


def admin_data(title, seen_version):
    return {
        "title_en": title,
        "summary_en": "Summary.",
        "start_date": "2021-07-17",
        "end_date": "2021-07-17",
        "seen_version": seen_version,
    }


def test_save_through_kind_proxy_admin_is_kept_with_user(coordinator_client, partner_a):
    event = draft_visit(partner_a, "Visit", kind="study_visit")
    url = reverse("admin:events_studyvisit_change", args=[event.pk])

    coordinator_client.post(url, admin_data("Visit renamed", 1))

    assert [(h.title_en, h.history_user) for h in event.history.order_by("history_date")] == [
        ("Visit", None),
        ("Visit renamed", event.history.first().history_user),
    ]
    assert event.history.first().history_user.username == "coord"


def test_admin_stale_save_refused_and_input_kept(coordinator_client, partner_a):
    event = draft_visit(partner_a, "Visit", kind="study_visit")
    url = reverse("admin:events_studyvisit_change", args=[event.pk])
    coordinator_client.post(url, admin_data("First save", 1))

    response = coordinator_client.post(url, admin_data("Stale save", 1))

    form = response.context["adminform"].form
    assert form["title_en"].value() == "Stale save"
    assert len(form.non_field_errors()) == 1
    assert StudyVisit.objects.get(pk=event.pk).title_en == "First save"


def test_admin_history_revert_restores_earlier_version(coordinator_client, partner_a):
    event = draft_visit(partner_a, "Original", kind="study_visit")
    first = event.history.get()
    url = reverse("admin:events_studyvisit_change", args=[event.pk])
    coordinator_client.post(url, admin_data("Changed", 1))
    revert_url = reverse("admin:events_studyvisit_simple_history", args=[event.pk, first.pk])
    revert_form = coordinator_client.get(revert_url)
    seen = re.search(r'name="seen_version" value="(\d+)"', revert_form.content.decode())[1]

    coordinator_client.post(revert_url, admin_data("Original", seen))

    event.refresh_from_db()
    assert (event.title_en, event.version) == ("Original", 3)
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
