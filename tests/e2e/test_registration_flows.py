"""A reader registers in Estonian, confirms, waits for a place, moves up when someone cancels,
and is told in Estonian when the event moves online: in a real browser, no JavaScript needed."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from events.models import Event
from registrations import links
from registrations.models import Registration, RegistrationSettings
from tests.factories import EventChangeFactory, EventFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def full_event(live_server, settings):
    settings.PORTAL_REGISTRATION_FORM_MIN_SECONDS = 0
    settings.PORTAL_SITE_URL = live_server.url
    day = timezone.localdate() + dt.timedelta(days=20)
    event = EventFactory(
        title_en="Data workshop",
        title_et="Andmetöötuba",
        slug="data-workshop",
        start_date=day,
        end_date=day,
        start_time=dt.time(10),
        end_time=dt.time(12),
        timezone="Europe/Tallinn",
        city="Tartu",
    )
    RegistrationSettings.objects.create(event=event, is_enabled=True, capacity=1)
    Registration.objects.create(
        event=event,
        name="Jaan Tamm",
        email="jaan@example.ee",
        status=Registration.Status.CONFIRMED,
        privacy_consent=True,
        requested_at=timezone.now(),
    )
    return event


def mail_to(mailoutbox, address):
    return [message for message in mailoutbox if message.to == [address]]


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_register_in_estonian_wait_move_up_and_hear_of_the_move_online(
    page, live_server, full_event, run_tasks, mailoutbox
):
    page.goto(f"{live_server.url}/et/events/data-workshop/")
    page.get_by_role("link", name="Registreerumine").click()
    page.locator("[name=name]").fill("Mari Maasikas")
    page.locator("[name=email]").fill("mari@example.ee")
    page.locator("[name=organisation_name]").fill("Tartu Ülikool")
    page.locator("[name=privacy_consent]").check()
    page.get_by_role("button", name="Registreeru").click()

    assert page.locator("h1").inner_text() == "Kontrollige oma e-posti"
    run_tasks()
    [confirm_mail] = mail_to(mailoutbox, "mari@example.ee")
    assert confirm_mail.subject == "Palun kinnitage oma registreerumine: Andmetöötuba"

    page.goto(link_in(confirm_mail))
    page.get_by_role("button", name="Kinnitan registreerumise").click()

    assert page.locator(".registration-status").inner_text() == "Ootenimekirjas"
    run_tasks()
    assert mail_to(mailoutbox, "mari@example.ee")[-1].subject == (
        "Olete ootenimekirjas: Andmetöötuba"
    )

    jaan = Registration.objects.get(email="jaan@example.ee")
    page.goto(links.manage_url(jaan))
    page.get_by_role("button", name="Cancel my registration").click()
    run_tasks()

    moved_up = mail_to(mailoutbox, "mari@example.ee")[-1]
    assert moved_up.subject == "Teie koht on kinnitatud: Andmetöötuba"
    [(filename, ics, _mimetype)] = moved_up.attachments
    assert (filename, "METHOD:REQUEST" in ics.splitlines()) == ("data-workshop.ics", True)
    page.goto(re.findall(r"https?://\S+", moved_up.body)[-1])
    assert page.locator(".registration-status").inner_text() == "Kinnitatud"

    full_event.status, full_event.format = Event.Status.MOVED_ONLINE, Event.Format.ONLINE
    full_event.save()
    EventChangeFactory(
        event=full_event, previous_start_date=None, previous_format=Event.Format.IN_PERSON
    )
    run_tasks()

    notice = mail_to(mailoutbox, "mari@example.ee")[-1]
    assert notice.subject == "Muudetud: Andmetöötuba"
    assert notice.body.splitlines()[0] == "„Andmetöötuba“ toimub nüüd veebis."
    assert mail_to(mailoutbox, "jaan@example.ee")[-1].subject == (
        "Registration cancelled: Data workshop"
    )
