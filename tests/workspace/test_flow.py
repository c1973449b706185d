"""The whole review flow: draft, submit, return with comment, resubmit, approve, public."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from events.models import Event, EventPhoto
from practices.models import GoodPractice

from .helpers import png_file, practice_data, visit_data

pytestmark = pytest.mark.django_db


def seen_version(response):
    return int(re.search(r'name="seen_version" value="(\d+)"', response.content.decode())[1])


def review_in_admin(client, model_name, pk, **data):
    url = reverse(f"admin:workspace_{model_name}_change", args=[pk])
    version = seen_version(client.get(url))
    return client.post(url, {"seen_version": version, "review_comment": "", **data})


def test_study_visit_review_flow(client, staff_a, partner_a, coordinator, committed):
    client.force_login(staff_a)
    response = client.post(reverse("workspace:event-create"), visit_data(partner_a))
    event = Event.objects.get(title_en="Study visit to Tartu")
    assert response.url == reverse("workspace:event-detail", args=[event.pk])
    assert client.get(f"/en/events/{event.slug}/").status_code == 404

    with committed():
        client.post(reverse("workspace:event-submit", args=[event.pk]))

    client.force_login(coordinator)
    with committed():
        review_in_admin(
            client, "submittedevent", event.pk, decision="return", review_comment="Add attendance."
        )
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["coord@better.example"], "Study visit submitted for review: Study visit to Tartu"),
        (["staff-a@better.example"], "Returned for changes: Study visit to Tartu"),
    ]

    client.force_login(staff_a)
    detail = client.get(reverse("workspace:event-detail", args=[event.pk]))
    assert re.findall(
        r'<div class="review-comment">.*?<p>(.*?)</p>', detail.content.decode(), re.S
    ) == ["Add attendance."]
    edit_url = reverse("workspace:event-update", args=[event.pk])
    client.post(
        edit_url,
        visit_data(partner_a, seen_version=seen_version(client.get(edit_url)), body_en="More."),
    )
    client.post(reverse("workspace:event-submit", args=[event.pk]))

    client.force_login(coordinator)
    with committed():
        client.post(
            reverse("admin:workspace_submittedevent_changelist"),
            {"action": "approve_selected", "_selected_action": [event.pk]},
        )

    public = client.get(f"/en/events/{event.slug}/")
    assert re.findall(r"<h1>(.*?)</h1>", public.content.decode()) == ["Study visit to Tartu"]
    event.refresh_from_db()
    assert (event.is_published, event.review_status) == (True, "approved")
    history = event.history.order_by("history_date", "history_id")
    assert [(h.history_change_reason, h.history_user.username) for h in history] == [
        ("Created in the workspace", "staff-a"),
        ("Submitted for review", "staff-a"),
        ("Returned for changes", "coord"),
        ("Edited in the workspace", "staff-a"),
        ("Submitted for review", "staff-a"),
        ("Approved and published", "coord"),
    ]
    assert mail.outbox[-1].subject == "Approved and published: Study visit to Tartu"


def test_practice_review_flow(client, staff_a, partner_a, coordinator, committed):
    client.force_login(staff_a)
    client.post(reverse("workspace:practice-create"), practice_data())
    practice = GoodPractice.objects.get(title_en="Digital front desk")
    client.post(reverse("workspace:practice-submit", args=[practice.pk]))

    client.force_login(coordinator)
    with committed():
        review_in_admin(
            client, "submittedpractice", practice.pk, decision="return", review_comment="Evidence?"
        )
    client.force_login(staff_a)
    edit_url = reverse("workspace:practice-update", args=[practice.pk])
    client.post(
        edit_url,
        practice_data(seen_version=seen_version(client.get(edit_url)), evidence_of_success_en="-"),
    )
    client.post(reverse("workspace:practice-submit", args=[practice.pk]))
    client.force_login(coordinator)
    with committed():
        review_in_admin(client, "submittedpractice", practice.pk, decision="approve")

    public = client.get(practice.get_absolute_url())
    practice.refresh_from_db()
    assert practice.status == "published"
    assert public.status_code == 200
    assert [h.history_change_reason for h in practice.history.order_by("history_date")] == [
        "Created in the workspace",
        "Submitted for review",
        "Returned for changes",
        "Edited in the workspace",
        "Submitted for review",
        "Approved and published",
    ]
    assert [m.subject for m in mail.outbox] == [
        "Returned for changes: Digital front desk",
        "Approved and published: Digital front desk",
    ]


def test_return_without_comment_is_refused(client, coordinator, b_items):
    client.force_login(coordinator)
    event = b_items["submitted_event"]

    response = review_in_admin(client, "submittedevent", event.pk, decision="return")

    assert response.context["adminform"].form.errors["review_comment"] == [
        "Write what the partner should change before returning it."
    ]
    event.refresh_from_db()
    assert event.review_status == "submitted"


def test_review_queue_lists_only_submitted_items(client, coordinator, b_items):
    client.force_login(coordinator)

    response = client.get(reverse("admin:workspace_submittedevent_changelist"))

    assert [str(e) for e in response.context["cl"].result_list] == ["Gävle secret submitted visit"]


def test_group_coordinator_can_approve(client, group_coordinator, b_items):
    client.force_login(group_coordinator)
    event = b_items["submitted_event"]

    review_in_admin(client, "submittedevent", event.pk, decision="approve")

    event.refresh_from_db()
    assert (event.is_published, event.review_status) == (True, "approved")


def test_submitted_item_can_no_longer_be_edited_by_staff(client, staff_a, a_items):
    client.force_login(staff_a)
    event = a_items["draft_event"]
    client.post(reverse("workspace:event-submit", args=[event.pk]))

    response = client.get(reverse("workspace:event-update", args=[event.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("kind", ["event", "practice"])
def test_double_submit_second_lands_on_item_page_with_message(
    client, staff_a, coordinator, a_items, committed, kind
):
    client.force_login(staff_a)
    item = a_items[f"draft_{kind}"]
    url = reverse(f"workspace:{kind}-submit", args=[item.pk])
    with committed():
        client.post(url, follow=True)

    response = client.post(url, follow=True)

    assert response.redirect_chain == [(reverse(f"workspace:{kind}-detail", args=[item.pk]), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "This item is already submitted for review, so it can no longer be changed."
    ]
    assert [m.subject for m in mail.outbox] == [f"{kind_subject(kind)}: {item}"]
    assert item.history.filter(history_change_reason="Submitted for review").count() == 1


def kind_subject(kind):
    noun = "Study visit" if kind == "event" else "Good practice"
    return f"{noun} submitted for review"


def test_history_as_of_shows_earlier_state(partner_a):
    import datetime as dt

    from .conftest import draft_visit

    event = draft_visit(partner_a, "Before")
    moment = event.history.get().history_date + dt.timedelta(microseconds=1)
    event.title_en = "After"
    event.save()

    assert event.history.as_of(moment).title_en == "Before"


def test_visit_photos_cleared_by_uploader_appear_once_the_visit_is_approved(
    client, staff_a, partner_a, coordinator, committed
):
    client.force_login(staff_a)
    create = reverse("workspace:event-create")
    client.post(create, {**visit_data(partner_a), "photos": png_file("a.png")})
    event = Event.objects.get()
    edit_url = reverse("workspace:event-update", args=[event.pk])
    version = seen_version(client.get(edit_url))
    data = visit_data(partner_a, seen_version=version, photos_cleared="on")
    client.post(edit_url, {**data, "photos": png_file("b.png")})
    uncleared, cleared = event.photos.order_by("pk")
    EventPhoto.objects.filter(pk=uncleared.pk).update(caption="Nobody asked us")
    EventPhoto.objects.filter(pk=cleared.pk).update(caption="We all agreed")
    client.post(reverse("workspace:event-submit", args=[event.pk]))
    client.force_login(coordinator)

    with committed():
        review_in_admin(client, "submittedevent", event.pk, decision="approve")

    page = client.get(f"/en/events/{event.slug}/").content.decode()
    assert [(p.is_cleared, p.is_approved) for p in event.photos.order_by("pk")] == [
        (False, True),
        (True, True),
    ]
    assert re.findall(r"<figcaption>(.*?)</figcaption>", page) == ["We all agreed"]
