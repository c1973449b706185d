"""Places and the waiting list: confirming takes a place or queues, cancelling moves the queue."""

import pytest

from content.models import Mail
from registrations import services
from registrations.models import Registration

from .conftest import make_registration

pytestmark = pytest.mark.django_db


def statuses(event):
    return dict(Registration.objects.filter(event=event).values_list("name", "status"))


def test_confirm_gives_the_place_then_the_waiting_list(upcoming_event):
    first = make_registration(upcoming_event, "Mari Maasikas")
    second = make_registration(upcoming_event, "Jaan Tamm")

    services.confirm(first)
    services.confirm(second)

    assert statuses(upcoming_event) == {"Mari Maasikas": "confirmed", "Jaan Tamm": "waitlisted"}


def test_confirm_twice_keeps_the_first_outcome(upcoming_event):
    registration = make_registration(upcoming_event)
    services.confirm(registration)

    services.confirm(registration)

    assert Mail.objects.filter(template="registration_confirmed").count() == 1


def test_cancel_moves_the_first_waiting_up_and_mails_them(upcoming_event, committed, mailoutbox):
    first = make_registration(upcoming_event, "Mari Maasikas")
    second = make_registration(upcoming_event, "Jaan Tamm")
    third = make_registration(upcoming_event, "Kati Karu")
    for registration in (first, second, third):
        services.confirm(registration)
    mailoutbox.clear()

    with committed():
        services.cancel(first)

    assert statuses(upcoming_event) == {
        "Mari Maasikas": "cancelled",
        "Jaan Tamm": "confirmed",
        "Kati Karu": "waitlisted",
    }
    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        ("jaan@example.ee", "Your place is confirmed: Data workshop"),
        ("mari@example.ee", "Registration cancelled: Data workshop"),
    ]


def test_confirmed_mail_carries_the_ics_in_the_registrants_language(
    upcoming_event, committed, mailoutbox
):
    registration = make_registration(upcoming_event, language="et")

    with committed():
        services.confirm(registration)

    [message] = mailoutbox
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("data-workshop.ics", "text/calendar")
    assert "METHOD:REQUEST" in content.splitlines()
    assert "SUMMARY;LANGUAGE=et:Andmetöötuba" in content.splitlines()


def test_delete_removes_the_data_and_frees_the_place(upcoming_event):
    first = make_registration(upcoming_event, "Mari Maasikas")
    second = make_registration(upcoming_event, "Jaan Tamm")
    services.confirm(first)
    services.confirm(second)

    services.delete(first)

    assert statuses(upcoming_event) == {"Jaan Tamm": "confirmed"}
