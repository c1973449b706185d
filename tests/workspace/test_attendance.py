"""Attendance at the door: the host's staff and coordinators check people in, add walk-ins,
print the sign-in sheet, and the semester report counts who came."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Attendance
from registrations.models import Registration, RegistrationSettings
from tests.factories import (
    AttendanceFactory,
    EventFactory,
    OrganisationFactory,
    SemesterFactory,
    WorkshopFactory,
)
from tests.html import inner, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def tartu_event(partner_a):
    partner_a.country = "EE"
    partner_a.save()
    event = EventFactory(
        title_en="Data workshop",
        title_et="Andmetöötuba",
        host=partner_a,
        start_date=dt.date(2020, 6, 16),
        end_date=dt.date(2020, 6, 16),
        venue="Raekoda",
        city="Tartu",
    )
    RegistrationSettings.objects.create(event=event, is_enabled=True)
    return event


def person(event, name, organisation=None, category="public", **kw):
    return Registration.objects.create(
        event=event,
        name=name,
        email=f"{name.split()[0].lower()}@example.ee",
        organisation=organisation,
        category=category,
        status="confirmed",
        privacy_consent=True,
        **kw,
    )


def url(name, event, **kw):
    return reverse(f"workspace:{name}", kwargs={"pk": event.pk, **kw})


def check_in(client, registration):
    return client.post(
        url("check-in", registration.event, registration_pk=registration.pk), {"checked_in": "1"}
    )


def names(response):
    return re.findall(r'<strong class="person-name">(.*?)</strong>', response.content.decode())


def test_host_staff_see_the_list_with_photo_consent(client, staff_a, tartu_event, partner_a):
    person(tartu_event, "Mari Maasikas", partner_a, photo_consent=True)
    person(tartu_event, "Jaan Tamm", organisation_name="Tartu Ülikool")
    client.force_login(staff_a)

    response = client.get(url("attendance", tartu_event))

    assert names(response) == ["Jaan Tamm", "Mari Maasikas"]
    details = re.findall(r'<span class="person-details">(.*?)</span>', response.content.decode())
    assert details == [
        "Tartu Ülikool · General public · Photos: no",
        f"{partner_a.label} · General public · Photos: yes",
    ]


def test_other_partners_staff_cannot_open_or_check_in(client, staff_b, tartu_event, partner_a):
    registration = person(tartu_event, "Mari Maasikas", partner_a)
    client.force_login(staff_b)

    responses = [client.get(url("attendance", tartu_event)).status_code]
    responses.append(check_in(client, registration).status_code)

    assert (responses, Registration.objects.get().checked_in) == ([404, 404], False)


def test_anonymous_is_sent_to_the_login(client, tartu_event):
    response = client.get(url("sign-in-sheet", tartu_event))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("workspace:login"))


def test_list_per_workshop_shows_only_its_people(client, coordinator, tartu_event):
    workshop = WorkshopFactory(event=tartu_event, title_en="Open data")
    person(tartu_event, "Mari Maasikas").workshops.add(workshop)
    person(tartu_event, "Jaan Tamm")
    client.force_login(coordinator)

    response = client.get(url("attendance", tartu_event) + f"?workshop={workshop.pk}")

    assert names(response) == ["Mari Maasikas"]


def test_check_ins_make_the_report_figures(
    client, staff_a, tartu_event, partner_a, partner_b, coordinator
):
    SemesterFactory(number=2, start=dt.date(2020, 2, 1), end=dt.date(2020, 7, 31))
    # Entered by hand before the event: replaced by the check-ins.
    AttendanceFactory(event=tartu_event, organisation=partner_a, participants=40)
    hand_only = EventFactory(
        host=partner_b, start_date=dt.date(2020, 3, 3), end_date=dt.date(2020, 3, 3)
    )
    AttendanceFactory(event=hand_only, organisation=partner_b, participants=7)
    university = OrganisationFactory(name_en="Tartu Ülikool")
    came = [
        person(tartu_event, "Mari Maasikas", partner_a, category="staff"),
        person(tartu_event, "Kati Karu", partner_a, category="staff"),
        person(tartu_event, "Jaan Tamm", partner_b, category="stakeholders"),
        person(tartu_event, "Peeter Puu", organisation_name="tartu ülikool"),
    ]
    person(tartu_event, "Did Notcome", partner_b)
    client.force_login(staff_a)

    for registration in came:
        check_in(client, registration)
    client.post(
        url("walk-in", tartu_event),
        {"name": "Walk In", "organisation": partner_b.pk, "category": "public", "checked_in": "on"},
    )

    rows = sorted(
        Attendance.objects.filter(event=tartu_event).values_list(
            "organisation__short_name", "category", "participants"
        )
    )
    # By hand: Tartu 2 staff; Gävle 1 stakeholder + 1 walk-in; the university 1.
    assert rows == [
        ("", "public", 1),
        ("Gävle", "public", 1),
        ("Gävle", "stakeholders", 1),
        ("Tartu", "staff", 2),
    ]
    client.force_login(coordinator)
    tables = {t.name: t for t in client.get("/admin/reports/").context["tables"]}
    by_organisation = {row[0]: row[1:] for row in tables["participants-by-organisation"].rows}
    # Periods: S2, outside, whole project. Gävle: 2 who came + 7 entered by hand elsewhere.
    assert by_organisation == {
        partner_a.label: [2, 0, 2],
        partner_b.label: [9, 0, 9],
        university.label: [1, 0, 1],
        "Total": [12, 0, 12],
    }


def test_undoing_every_check_in_removes_the_derived_counts(
    client, coordinator, tartu_event, partner_a
):
    registration = person(tartu_event, "Mari Maasikas", partner_a)
    client.force_login(coordinator)
    check_in(client, registration)

    client.post(url("check-in", tartu_event, registration_pk=registration.pk), {"checked_in": "0"})

    assert Attendance.objects.filter(event=tartu_event).count() == 0


def test_walk_in_form_error_keeps_the_input(client, coordinator, tartu_event):
    client.force_login(coordinator)

    response = client.post(url("walk-in", tartu_event), {"name": "", "organisation_name": "Kool"})

    assert response.status_code == 400
    assert 'value="Kool"' in response.content.decode()


def test_sign_in_sheet_is_in_the_events_language(client, coordinator, tartu_event, partner_a):
    person(tartu_event, "Mari Maasikas", partner_a)
    client.force_login(coordinator)

    with translation.override("en"):
        response = client.get(url("sign-in-sheet", tartu_event))

    html = response.content.decode()
    assert '<html lang="et">' in html
    assert text(inner(html, '<span class="eu-statement-text"')) == "Kaasrahastanud Euroopa Liit"
    assert text(inner(html, "<h1")) == "Andmetöötuba"
    assert text(inner(html, '<p class="sheet-where"')) == "Raekoda, Tartu"
    assert "Mari Maasikas" in html


def test_export_csv_lists_the_people(client, coordinator, tartu_event, partner_a):
    person(tartu_event, "Mari Maasikas", partner_a, photo_consent=True, checked_in=True)
    client.force_login(coordinator)

    response = client.get(url("attendance-export", tartu_event, fmt="csv"))

    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == [
        "Name,Organisation,Category,Came,Walk-in,Agrees to be photographed,"
        "Accessibility or dietary needs",
        f"Mari Maasikas,{partner_a.label},General public,Yes,No,Yes,",
    ]


def test_export_in_an_unknown_format_is_a_404(client, coordinator, tartu_event):
    client.force_login(coordinator)

    assert client.get(url("attendance-export", tartu_event, fmt="pdf")).status_code == 404
