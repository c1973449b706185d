"""Mail off the request: stored with the caller's transaction, sent by the task worker, tried
again with a doubling delay, and shown to coordinators, with “send again”, when it failed."""

import datetime as dt
import logging

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from content.mail import deliver_mail, send_mail_later
from content.models import Mail
from tests.factories import coordinating
from workspace.groups import ensure_groups

pytestmark = pytest.mark.django_db

LINK = "https://better.example/en/workspace/visits/1/"


class BrokenMailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("The mail server is down")


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailBackend"
    return settings


def approved_mail(title="Study visit to Tartu", language="en"):
    context = {"item": {"title": title}, "link": LINK}
    return send_mail_later("review_approved", "staff@better.example", language, context)


def task_statuses():
    return list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True))


def make_time_pass():
    """The moment every deferred task was waiting for has come."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_mail_has_a_plain_text_part_and_an_escaped_html_part(committed, mailoutbox):
    with committed():
        approved_mail(title="Tartu & Gävle <together>")

    [message] = mailoutbox
    assert message.body == (
        "The coordinators approved “Tartu & Gävle <together>”. It is now published on the "
        f"portal.\n\n{LINK}"
    )
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert (
        "<p>The coordinators approved “Tartu &amp; Gävle &lt;together&gt;”. "
        "It is now published on the portal.</p>"
    ) in html
    assert f'<p><a href="{LINK}">{LINK}</a></p>' in html
    assert '<html lang="en">' in html


def test_mail_in_the_language_asked_for(committed, mailoutbox):
    with committed():
        approved_mail(language="et")

    assert mailoutbox[0].subject == "Heaks kiidetud ja avaldatud: Study visit to Tartu"
    assert mailoutbox[0].body.split("\n\n")[0] == (
        "Koordinaatorid kiitsid „Study visit to Tartu“ heaks. See on nüüd portaalis avaldatud."
    )
    assert '<html lang="et">' in mailoutbox[0].alternatives[0][0]


def test_mail_in_the_portals_language_when_the_language_is_not_a_content_language(
    committed, mailoutbox
):
    with committed():
        mail = approved_mail(language="fr")

    assert (mail.language, mailoutbox[0].subject) == (
        "en",
        "Approved and published: Study visit to Tartu",
    )


def test_mail_is_enqueued_only_when_the_transaction_commits(
    django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks() as callbacks:
        approved_mail()

    assert (len(callbacks), DBTaskResult.objects.count()) == (1, 0)
    callbacks[0]()
    assert (task_statuses(), mailoutbox) == (["READY"], [])


def test_rolled_back_transaction_leaves_no_mail_and_no_task(
    django_capture_on_commit_callbacks, run_tasks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            approved_mail()
            raise RuntimeError("the decision failed")

    assert (callbacks, Mail.objects.count(), DBTaskResult.objects.count()) == ([], 0, 0)
    assert (run_tasks(), mailoutbox) == (0, [])


def test_sent_mail_is_recorded(committed, mailoutbox):
    with committed():
        mail = approved_mail()

    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.error, mail.sent_at is not None) == (
        "sent",
        0,
        "",
        True,
    )
    assert task_statuses() == ["SUCCESSFUL"]


def test_failed_attempts_are_retried_after_a_doubling_delay(
    mail_server_down, committed, run_tasks, mailoutbox
):
    mail_server_down.PORTAL_MAIL_RETRY_SECONDS = 60
    with committed():
        mail = approved_mail()
    delays = []
    for _attempt in range(3):
        mail.refresh_from_db()
        task = DBTaskResult.objects.get(status="READY")
        delays.append(round((mail.next_attempt_at - timezone.now()).total_seconds() / 60))
        assert task.run_after == mail.next_attempt_at
        assert run_tasks() == 0  # not before its time
        make_time_pass()
        run_tasks()

    mail.refresh_from_db()
    assert delays == [1, 2, 4]
    assert (mail.status, mail.attempts, mail.error) == (
        "queued",
        4,
        "ConnectionRefusedError: The mail server is down",
    )
    assert mailoutbox == []


def test_waiting_mail_goes_out_once_the_server_is_back(
    mail_server_down, committed, run_tasks, mailoutbox
):
    with committed():
        mail = approved_mail()
    mail_server_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    make_time_pass()
    run_tasks()

    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.error) == ("sent", 1, "")
    assert [m.subject for m in mailoutbox] == ["Approved and published: Study visit to Tartu"]
    assert task_statuses() == ["SUCCESSFUL", "SUCCESSFUL"]


def test_mail_fails_after_the_last_attempt_and_so_does_its_task(
    mail_server_down, committed, caplog, mailoutbox
):
    mail_server_down.PORTAL_MAIL_RETRY_SECONDS = 0
    mail_server_down.PORTAL_MAIL_MAX_ATTEMPTS = 3

    with caplog.at_level(logging.WARNING, logger="content.mail"), committed():
        mail = approved_mail()

    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.next_attempt_at) == ("failed", 3, None)
    assert task_statuses() == ["SUCCESSFUL", "SUCCESSFUL", "FAILED"]
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "content.mail"][
        -1
    ] == (
        "ERROR",
        f"Gave up sending mail {mail.pk} (review_approved) to staff@better.example after 3 "
        "attempts: ConnectionRefusedError: The mail server is down",
    )
    assert mailoutbox == []


def test_the_same_mail_is_never_sent_twice(committed, run_tasks, mailoutbox):
    with committed():
        mail = approved_mail()
    # A second task for it, as a coordinator's “send again” racing the first would make.
    deliver_mail.enqueue(mail.pk)
    run_tasks()

    assert len(mailoutbox) == 1


@pytest.fixture
def failed_mail(mail_server_down, committed):
    mail_server_down.PORTAL_MAIL_RETRY_SECONDS = 0
    mail_server_down.PORTAL_MAIL_MAX_ATTEMPTS = 2
    with committed():
        mail = approved_mail()
    mail_server_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.refresh_from_db()
    return mail


@pytest.fixture
def coordinator_in_group(client, django_user_model):
    """A coordinator by the Coordinators group alone, not a superuser."""
    user = django_user_model.objects.create_user(
        "group-coord", "group-coord@better.example", "a-long-test-password", is_staff=True
    )
    user.groups.add(ensure_groups(Group, Permission)[0])
    client.force_login(coordinating(user))
    return client


def test_failed_mail_shows_coordinators_what_to_whom_and_why(coordinator_in_group, failed_mail):
    response = coordinator_in_group.get(
        reverse("admin:content_mail_changelist"), {"status": "failed"}
    )

    rows = [
        (m.to, m.subject, m.status, m.attempts, m.error) for m in response.context["cl"].result_list
    ]
    assert rows == [
        (
            "staff@better.example",
            "Approved and published: Study visit to Tartu",
            "failed",
            2,
            "ConnectionRefusedError: The mail server is down",
        )
    ]
    html = response.content.decode()
    assert (
        '<td class="field-error_summary">ConnectionRefusedError: The mail server is down</td>'
        in html
    )
    assert '<option value="send_again_selected">Send the selected e-mails again</option>' in html


def test_send_again_from_the_list_sends_the_failed_mail(
    coordinator_in_group, failed_mail, django_capture_on_commit_callbacks, run_tasks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_in_group.post(
            reverse("admin:content_mail_changelist"),
            {"action": "send_again_selected", "_selected_action": [failed_mail.pk]},
            follow=True,
        )
    run_tasks()

    assert [str(m) for m in response.context["messages"]] == ["1 e-mail will be sent again."]
    failed_mail.refresh_from_db()
    assert (failed_mail.status, failed_mail.attempts) == ("sent", 0)
    assert [m.to for m in mailoutbox] == [["staff@better.example"]]


def test_send_again_button_on_the_failed_mails_page(
    coordinator_in_group, failed_mail, django_capture_on_commit_callbacks, run_tasks, mailoutbox
):
    url = reverse("admin:content_mail_change", args=[failed_mail.pk])
    page = coordinator_in_group.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_in_group.post(url, {"_send_again": "1"}, follow=True)
    run_tasks()

    assert '<input type="submit" class="default" name="_send_again" value="Send again">' in page
    assert response.redirect_chain == [(url, 302)]
    assert [str(m) for m in response.context["messages"]] == ["1 e-mail will be sent again."]
    failed_mail.refresh_from_db()
    assert failed_mail.status == "sent"
    assert len(mailoutbox) == 1


def test_no_send_again_for_a_sent_mail(coordinator_in_group, committed):
    with committed():
        mail = approved_mail()

    page = coordinator_in_group.get(reverse("admin:content_mail_change", args=[mail.pk]))

    assert 'name="_send_again"' not in page.content.decode()


def test_partner_staff_cannot_read_the_mail(client, django_user_model, failed_mail):
    user = django_user_model.objects.create_user("staff", "s@better.example", "pw", is_staff=True)
    user.groups.add(ensure_groups(Group, Permission)[1])
    client.force_login(coordinating(user))  # of the project, without the permission

    response = client.get(reverse("admin:content_mail_changelist"))

    assert response.status_code == 403


def test_retry_delay_doubles(settings):
    settings.PORTAL_MAIL_RETRY_SECONDS = 30
    settings.PORTAL_MAIL_MAX_ATTEMPTS = 4
    mail = Mail.objects.create(
        template="t", to="a@better.example", language="en", subject="s", body="b", html="h"
    )
    delays = []
    for _attempt in range(4):
        before = timezone.now()
        mail.record_failure(OSError("no route"))
        delays.append(
            mail.next_attempt_at
            and round((mail.next_attempt_at - before) / dt.timedelta(seconds=1))
        )

    assert delays == [30, 60, 120, None]
    assert (mail.status, mail.attempts, mail.error) == ("failed", 4, "OSError: no route")
