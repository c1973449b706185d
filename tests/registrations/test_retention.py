"""Personal data goes a set time after the event; the counts stay."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Attendance
from registrations import services
from registrations.models import Registration, RegistrationSettings
from tests.factories import EventFactory, PartnerFactory

from .conftest import make_registration

pytestmark = pytest.mark.django_db


def event_ended(days_ago):
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    event = EventFactory(start_date=day, end_date=day)
    RegistrationSettings.objects.create(event=event, is_enabled=True)
    return event


def test_command_anonymises_past_the_retention_period_and_keeps_counts(settings):
    settings.PORTAL_REGISTRATION_RETENTION_DAYS = 30
    old, recent = event_ended(31), event_ended(29)
    partner = PartnerFactory()
    came = make_registration(old, status="confirmed", organisation=partner, needs="Vegan")
    services.set_checked_in(came, True)
    make_registration(recent, "Jaan Tamm", status="confirmed")
    out = StringIO()

    call_command("remove_old_registrations", stdout=out)

    assert out.getvalue() == "Anonymised 1 registrations.\n"
    assert sorted(Registration.objects.values_list("name", "email", "needs", "checked_in")) == [
        ("Jaan Tamm", "jaan@example.ee", "", False),
        ("—", "", "", True),
    ]
    assert list(Attendance.objects.values_list("event", "organisation", "participants")) == [
        (old.pk, partner.pk, 1)
    ]


def test_command_can_queue_the_task(settings, run_tasks):
    settings.PORTAL_REGISTRATION_RETENTION_DAYS = 30
    make_registration(event_ended(40), status="confirmed")

    call_command("remove_old_registrations", "--queue", stdout=StringIO())
    ran = run_tasks()

    assert (ran, Registration.objects.get().is_anonymised) == (1, True)
