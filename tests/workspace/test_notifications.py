"""The e-mails of the review: coordinators hear of submissions, staff of decisions, each in
their own language, through the task queue once the decision is committed."""

import socket

import pytest
from django.contrib.auth.models import Permission
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from content.models import Mail
from events.models import Event
from tests.factories import PersonFactory, coordinating
from workspace import services

from .conftest import draft_visit

pytestmark = pytest.mark.django_db


class BrokenMailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("The mail server is down")


def submit(client, item, committed, language="en"):
    """Submit through the workspace page of that language, commit, and work the task queue."""
    kind = "event" if isinstance(item, Event) else "practice"
    with translation.override(language):
        url = reverse(f"workspace:{kind}-submit", args=[item.pk])
    with committed():
        return client.post(url, follow=True)


def queue_link(model_name, pk):
    return f"http://testserver/admin/workspace/{model_name}/{pk}/change/"


@pytest.fixture
def reviewer_with_permission_only(django_user_model):
    """Given the permission itself, outside the Coordinators group."""
    user = django_user_model.objects.create_user(
        "reviewer", "reviewer@better.example", "a-long-test-password", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="review_submissions"))
    return coordinating(user)


@pytest.fixture
def not_reviewers(django_user_model, staff_b):
    """Users who cannot work the review queue, or cannot be written to."""
    users = django_user_model.objects
    users.create_superuser("retired", "retired@better.example", "pw", is_active=False)
    users.create_superuser("no-address", "", "a-long-test-password")
    users.create_user("not-staff", "not-staff@better.example", "pw").user_permissions.add(
        Permission.objects.get(codename="review_submissions")
    )
    users.create_user("editor", "editor@better.example", "pw", is_staff=True)


def test_visit_submission_mails_every_coordinator(
    client,
    staff_a,
    a_items,
    coordinator,
    group_coordinator,
    reviewer_with_permission_only,
    not_reviewers,
    mailoutbox,
    committed,
):
    visit = a_items["draft_event"]
    client.force_login(staff_a)

    submit(client, visit, committed)

    assert [mail.to for mail in mailoutbox] == [
        ["coord@better.example"],
        ["group-coord@better.example"],
        ["reviewer@better.example"],
    ]
    mail = mailoutbox[0]
    assert mail.subject == "Study visit submitted for review: Tartu draft visit"
    assert mail.body == (
        "staff-a person (Tartu City Government) submitted the study visit “Tartu draft visit” "
        "for review.\n\n"
        "Approve it or return it with a comment in the review queue:\n"
        f"{queue_link('submittedevent', visit.pk)}"
    )
    assert (mail.from_email, mail.reply_to) == ("portal@better.example", ["staff-a@better.example"])
    assert {m.body for m in mailoutbox} == {mail.body}


def test_practice_submission_mail_links_to_the_practice_queue(
    client, staff_a, a_items, group_coordinator, mailoutbox, committed
):
    practice = a_items["draft_practice"]
    client.force_login(staff_a)

    submit(client, practice, committed)

    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["group-coord@better.example"], "Good practice submitted for review: Tartu draft practice")
    ]
    assert mailoutbox[0].body == (
        "staff-a person (Tartu City Government) submitted the good practice “Tartu draft practice” "
        "for review.\n\n"
        "Approve it or return it with a comment in the review queue:\n"
        f"{queue_link('submittedpractice', practice.pk)}"
    )


def test_link_in_the_mail_opens_the_item_in_the_review_queue(
    client, staff_a, a_items, coordinator, mailoutbox, committed
):
    visit = a_items["draft_event"]
    client.force_login(staff_a)
    submit(client, visit, committed)
    link = mailoutbox[0].body.rsplit("\n", 1)[-1]

    client.force_login(coordinator)
    response = client.get(link.removeprefix("http://testserver"))

    assert response.context["original"] == visit
    assert response.context["title"] == "Change submitted study visit"


def test_mail_is_in_the_portals_language_not_the_submitters(
    client, staff_a, a_items, coordinator, mailoutbox, committed
):
    client.force_login(staff_a)

    response = submit(client, a_items["draft_event"], committed, language="sv")

    assert [str(m) for m in response.context["messages"]] == [
        "Inskickat för granskning. Koordinatorerna svarar via e-post."
    ]
    assert mailoutbox[0].subject == "Study visit submitted for review: Tartu draft visit"


def test_mail_in_estonian_when_the_portal_speaks_estonian(
    client, settings, staff_a, a_items, coordinator, mailoutbox, committed
):
    settings.LANGUAGE_CODE = "et"
    client.force_login(staff_a)

    submit(client, a_items["draft_practice"], committed, language="en")

    assert mailoutbox[0].subject == "Hea praktika esitatud ülevaatamiseks: Tartu draft practice"
    assert mailoutbox[0].body.split("\n\n")[0] == (
        "staff-a person (Tartu City Government) esitas hea praktika „Tartu draft practice“ "
        "ülevaatamiseks."
    )


def test_submitting_coordinator_is_not_mailed_about_their_own_submission(
    client,
    group_coordinator,
    coordinator,
    a_items,
    mailoutbox,
    committed,
):
    client.force_login(group_coordinator)

    submit(client, a_items["draft_event"], committed)

    assert [m.to for m in mailoutbox] == [["coord@better.example"]]
    assert mailoutbox[0].body.startswith("group-coord (Tartu City Government) submitted")


def test_no_mail_when_no_coordinator_has_an_address(
    client, staff_a, a_items, not_reviewers, mailoutbox, committed
):
    visit = a_items["draft_event"]
    client.force_login(staff_a)

    response = submit(client, visit, committed)

    assert mailoutbox == []
    visit.refresh_from_db()
    assert visit.review_status == "submitted"
    assert [str(m) for m in response.context["messages"]] == [
        "Submitted for review. The coordinators will answer by e-mail."
    ]


def test_submission_kept_and_its_mail_waits_when_the_mail_server_is_down(
    client, settings, caplog, staff_a, a_items, coordinator, committed, mailoutbox
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailBackend"
    visit = a_items["draft_event"]
    client.force_login(staff_a)

    response = submit(client, visit, committed)

    visit.refresh_from_db()
    assert (visit.review_status, visit.submitted_by) == ("submitted", staff_a)
    assert response.redirect_chain == [(reverse("workspace:event-detail", args=[visit.pk]), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Submitted for review. The coordinators will answer by e-mail."
    ]
    mail = Mail.objects.get()
    assert (mail.to, mail.status, mail.attempts, mail.error) == (
        "coord@better.example",
        "queued",
        1,
        "ConnectionRefusedError: The mail server is down",
    )
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "content.mail"] == [
        (
            "WARNING",
            f"Could not send mail {mail.pk} (review_submitted) to coord@better.example, attempt 1: "
            "ConnectionRefusedError: The mail server is down; "
            f"trying again at {mail.next_attempt_at.isoformat()}",
        )
    ]
    assert mailoutbox == []


def test_no_mail_before_the_submission_is_committed(
    client, staff_a, a_items, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff_a)

    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("workspace:event-submit", args=[a_items["draft_event"].pk]))

    assert (len(callbacks), DBTaskResult.objects.count(), mailoutbox) == (1, 0, [])


def test_title_with_a_line_break_still_makes_a_mail(
    client, staff_a, partner_a, coordinator, mailoutbox, committed
):
    visit = draft_visit(partner_a, "Two\r\nlines")
    client.force_login(staff_a)

    submit(client, visit, committed)

    assert [m.subject for m in mailoutbox] == ["Study visit submitted for review: Two lines"]


@pytest.mark.parametrize(
    ("decision", "subject"),
    [
        ("approve", "Approved and published: Two lines"),
        ("return", "Returned for changes: Two lines"),
    ],
)
def test_review_of_a_title_with_a_line_break_is_mailed(
    coordinator_client, staff_a, partner_a, mailoutbox, committed, decision, subject
):
    visit = draft_visit(partner_a, "Two\r\nlines", review_status="submitted", submitted_by=staff_a)
    url = reverse("admin:workspace_submittedevent_change", args=[visit.pk])

    with committed():
        response = coordinator_client.post(
            url, {"seen_version": 1, "review_comment": "Shorter, please.", "decision": decision}
        )

    assert response.status_code == 302
    assert [(m.to, m.subject) for m in mailoutbox] == [(["staff-a@better.example"], subject)]


@pytest.fixture
def smtp_server_down(settings):
    """SMTP to a local port where nothing listens: every connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    return settings


def submitted_visit(partner, staff):
    return draft_visit(partner, "Tartu visit", review_status="submitted", submitted_by=staff)


def decide_in_admin(client, visit, decision):
    url = reverse("admin:workspace_submittedevent_change", args=[visit.pk])
    data = {"seen_version": visit.version, "review_comment": "Add photos.", "decision": decision}
    return client.post(url, data)


@pytest.mark.parametrize(
    ("decision", "status", "published"),
    [("approve", "approved", True), ("return", "returned", False)],
)
def test_decision_in_the_admin_stands_when_the_mail_server_is_down(
    coordinator_client, smtp_server_down, staff_a, partner_a, committed, decision, status, published
):
    visit = submitted_visit(partner_a, staff_a)

    with committed():
        response = decide_in_admin(coordinator_client, visit, decision)

    assert response.status_code == 302
    assert response.url == reverse("admin:workspace_submittedevent_changelist")
    visit.refresh_from_db()
    assert (visit.review_status, visit.is_published) == (status, published)
    mail = Mail.objects.get()
    assert (mail.to, mail.status, mail.attempts, mail.error.split(":")[0]) == (
        "staff-a@better.example",
        "queued",
        1,
        "ConnectionRefusedError",
    )


def test_approval_from_the_list_stands_when_the_mail_server_is_down(
    coordinator_client, smtp_server_down, staff_a, partner_a, committed
):
    visit = submitted_visit(partner_a, staff_a)

    with committed():
        response = coordinator_client.post(
            reverse("admin:workspace_submittedevent_changelist"),
            {"action": "approve_selected", "_selected_action": [visit.pk]},
            follow=True,
        )

    assert [str(m) for m in response.context["messages"]] == ["Approved and published 1 item."]
    visit.refresh_from_db()
    assert (visit.review_status, visit.is_published) == ("approved", True)
    assert Mail.objects.get().status == "queued"


def test_submission_in_the_workspace_stands_when_the_mail_server_is_down(
    client, smtp_server_down, staff_a, a_items, coordinator, committed
):
    client.force_login(staff_a)

    response = submit(client, a_items["draft_event"], committed)

    assert [str(m) for m in response.context["messages"]] == [
        "Submitted for review. The coordinators will answer by e-mail."
    ]
    assert Event.objects.get().review_status == "submitted"
    assert list(Mail.objects.values_list("to", "status")) == [("coord@better.example", "queued")]


def test_rolled_back_decision_queues_no_mail(
    coordinator, staff_a, partner_a, django_capture_on_commit_callbacks, run_tasks, mailoutbox
):
    visit = submitted_visit(partner_a, staff_a)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.approve(visit, coordinator)
            raise RuntimeError("something after the approval failed")

    visit.refresh_from_db()
    assert (visit.review_status, visit.is_published) == ("submitted", False)
    assert (callbacks, Mail.objects.count(), DBTaskResult.objects.count()) == ([], 0, 0)
    assert (run_tasks(), mailoutbox) == (0, [])


@pytest.mark.parametrize(
    ("decision", "subject", "first_paragraph"),
    [
        (
            "approve",
            "Heaks kiidetud ja avaldatud: Õppevisiit Tartus",
            "Koordinaatorid kiitsid „Õppevisiit Tartus“ heaks. See on nüüd portaalis avaldatud.",
        ),
        (
            "return",
            "Tagastatud muutmiseks: Õppevisiit Tartus",
            "Koordinaatorid tagastasid „Õppevisiit Tartus“ muutmiseks. Nende kommentaar:",
        ),
    ],
)
def test_decision_mail_is_in_the_staff_members_language_not_the_coordinators(
    coordinator_client,
    staff_a,
    partner_a,
    committed,
    mailoutbox,
    decision,
    subject,
    first_paragraph,
):
    staff_a.person.language = "et"
    staff_a.person.save()
    visit = submitted_visit(partner_a, staff_a)
    visit.title_et = "Õppevisiit Tartus"
    visit.save()

    with translation.override("sv"), committed():
        decide_in_admin(coordinator_client, visit, decision)

    [mail] = mailoutbox
    assert (mail.to, mail.subject) == (["staff-a@better.example"], subject)
    assert mail.body.split("\n\n")[0] == first_paragraph
    assert '<html lang="et">' in mail.alternatives[0][0]


def test_returned_mail_carries_the_comment_and_the_link(
    coordinator_client, staff_a, partner_a, committed, mailoutbox
):
    visit = submitted_visit(partner_a, staff_a)

    with committed():
        decide_in_admin(coordinator_client, visit, "return")

    assert mailoutbox[0].body == (
        "The coordinators returned “Tartu visit” for changes. Their comment:\n\n"
        "Add photos.\n\n"
        f"http://testserver/en/workspace/visits/{visit.pk}/"
    )


def test_submission_mail_is_in_each_coordinators_language(
    client, django_user_model, staff_a, a_items, coordinator, committed, mailoutbox
):
    swedish = django_user_model.objects.create_superuser(
        "sv-coord", "sv-coord@better.example", "a-long-test-password"
    )
    PersonFactory(name="Swedish coordinator", user=swedish, language="sv")
    client.force_login(staff_a)

    submit(client, a_items["draft_event"], committed, language="et")

    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["coord@better.example"], "Study visit submitted for review: Tartu draft visit"),
        (["sv-coord@better.example"], "Studiebesök inskickat för granskning: Tartu draft visit"),
    ]
