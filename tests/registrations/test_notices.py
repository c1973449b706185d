"""Change notices: a recorded EventChange mails every confirmed registrant in their language,
with the updated ICS (SEQUENCE raised; METHOD:CANCEL once cancelled)."""

import pytest

from events.models import Event
from tests.factories import EventChangeFactory

from .conftest import make_registration

pytestmark = pytest.mark.django_db


def ics_lines(message):
    [(_name, content, _mimetype)] = message.attachments
    return content.splitlines()


def test_moved_online_is_told_in_estonian_with_a_new_sequence(
    upcoming_event, committed, mailoutbox
):
    make_registration(upcoming_event, status="confirmed", language="et")
    make_registration(upcoming_event, "Jaan Tamm", status="waitlisted", language="et")
    upcoming_event.status, upcoming_event.format = Event.Status.MOVED_ONLINE, Event.Format.ONLINE
    upcoming_event.save()

    with committed():
        EventChangeFactory(
            event=upcoming_event,
            previous_start_date=None,
            previous_format=Event.Format.IN_PERSON,
            reason_et="Koroonaviiruse tõttu.",
        )

    [message] = mailoutbox
    assert (message.to, message.subject) == (["mari@example.ee"], "Muudetud: Andmetöötuba")
    assert message.body.splitlines()[0] == "„Andmetöötuba“ toimub nüüd veebis."
    assert "Põhjus: Koroonaviiruse tõttu." in message.body.splitlines()
    # Two: the save that moved it online, and the recorded change.
    assert {"METHOD:REQUEST", "SEQUENCE:2"} <= set(ics_lines(message))


def test_cancelled_event_sends_a_cancel(upcoming_event, committed, mailoutbox):
    make_registration(upcoming_event, status="confirmed")
    upcoming_event.status = Event.Status.CANCELLED
    upcoming_event.save()

    with committed():
        EventChangeFactory(event=upcoming_event, reason_en="The venue closed.")

    [message] = mailoutbox
    assert message.subject == "Cancelled: Data workshop"
    assert {"METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:2"} <= set(ics_lines(message))


def test_unpublished_event_sends_nothing(upcoming_event, committed, mailoutbox):
    make_registration(upcoming_event, status="confirmed")
    upcoming_event.is_published = False
    upcoming_event.save()

    with committed():
        EventChangeFactory(event=upcoming_event)

    assert mailoutbox == []
