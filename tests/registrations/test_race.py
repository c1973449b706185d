"""Two confirmations for the last place at the same moment: exactly one gets it (PostgreSQL,
where the lock on the event's registration settings serialises them)."""

import threading

import pytest
from django.db import connection, connections

from registrations import services
from registrations.models import Registration, RegistrationSettings
from tests.factories import EventFactory, in_this_project

from .conftest import make_registration


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_for_the_last_place_give_it_to_exactly_one():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; the row lock is PostgreSQL's")
    event = EventFactory()
    RegistrationSettings.objects.create(event=event, is_enabled=True, capacity=1)
    registrations = [make_registration(event, name) for name in ("Mari Maasikas", "Jaan Tamm")]
    barrier = threading.Barrier(2)
    errors = []

    def confirm(registration):
        try:
            barrier.wait()
            services.confirm(registration)
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=in_this_project(confirm), args=(r,)) for r in registrations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert (errors, statuses) == ([], ["confirmed", "waitlisted"])
