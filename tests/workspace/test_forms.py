"""Workspace forms: input kept on errors, photos checked, concurrent saves never lost."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from events.models import Attendance, Event, EventPhoto
from practices.models import GoodPractice

from .conftest import make_staff
from .helpers import png_file, practice_data, visit_data

pytestmark = pytest.mark.django_db


def non_field_errors(response):
    return list(response.context["form"].non_field_errors())


def test_visit_form_error_keeps_other_input(client, staff_a, partner_a, partner_b):
    client.force_login(staff_a)
    data = visit_data(partner_a, summary_en="", title_en="Visit kept", participants=[partner_b.pk])
    data.update(
        {
            "attendances-TOTAL_FORMS": "1",
            "attendances-0-organisation": partner_b.pk,
            "attendances-0-participants": "7",
        }
    )

    response = client.post(reverse("workspace:event-create"), data)

    form = response.context["form"]
    assert form.errors == {"summary_en": ["This field is required."]}
    assert (form["title_en"].value(), form["start_time"].value(), form["body_en"].value()) == (
        "Visit kept",
        "10:30",
        "Notes of the visit.",
    )
    assert [str(pk) for pk in form["participants"].value()] == [str(partner_b.pk)]
    assert response.context["formset"].forms[0]["participants"].value() == "7"
    assert Event.objects.count() == 0


def test_visit_end_before_start_is_refused_with_input_kept(client, staff_a, partner_a):
    client.force_login(staff_a)
    data = visit_data(partner_a, end_date="2021-07-16", title_en="Backwards visit")

    response = client.post(reverse("workspace:event-create"), data)

    assert non_field_errors(response) == ["The end date cannot be before the start date."]
    assert response.context["form"]["title_en"].value() == "Backwards visit"


def test_visit_saved_with_attendance_participants_and_local_times(
    client, staff_a, partner_a, partner_b
):
    client.force_login(staff_a)
    data = visit_data(partner_a, participants=[partner_b.pk])
    data.update(
        {
            "attendances-TOTAL_FORMS": "1",
            "attendances-0-organisation": partner_b.pk,
            "attendances-0-participants": "7",
        }
    )

    client.post(reverse("workspace:event-create"), data)

    event = Event.objects.get()
    assert [(a.organisation, a.participants) for a in event.attendances.all()] == [(partner_b, 7)]
    assert [p.organisation for p in event.participations.all()] == [partner_b]
    assert (event.start.isoformat(), event.tzname) == (
        "2021-07-17T10:30:00+03:00",
        "Europe/Tallinn",
    )
    detail = client.get(reverse("workspace:event-detail", args=[event.pk]))
    assert re.findall(r"<dd>([^<]*Tallinn\))</dd>", detail.content.decode()) == [
        "17 July 2021, 10:30–12:00 (Europe/Tallinn)"
    ]


def test_visit_form_in_swedish_offers_swedish_fields(client, staff_a, partner_a):
    client.force_login(staff_a)
    data = visit_data(
        partner_a, title_sv="Studiebesök i Tartu", summary_sv="Tartu visade sina e-tjänster."
    )

    client.post("/sv/workspace/visits/new/", data)

    event = Event.objects.get()
    assert (event.title_en, event.title_sv) == ("Study visit to Tartu", "Studiebesök i Tartu")


def test_photo_upload_saved(client, staff_a, partner_a):
    client.force_login(staff_a)

    client.post(reverse("workspace:event-create"), {**visit_data(partner_a), "photos": png_file()})

    # Stored under a random name, not the uploader's.
    names = [p.image.name.rsplit("/", 1)[-1] for p in EventPhoto.objects.all()]
    assert [re.fullmatch(r"[0-9a-f]{32}\.png", name) is not None for name in names] == [True]


def test_photo_that_is_not_an_image_is_refused(client, staff_a, partner_a):
    client.force_login(staff_a)
    fake = SimpleUploadedFile("visit.jpg", b"this is a text file", content_type="image/jpeg")

    response = client.post(
        reverse("workspace:event-create"), {**visit_data(partner_a), "photos": fake}
    )

    assert response.context["form"].errors["photos"] == [
        "The file is not an image, or it is damaged. Upload a JPEG, PNG or WebP image."
    ]
    assert (Event.objects.count(), EventPhoto.objects.count()) == (0, 0)


def test_photo_too_large_is_refused(client, staff_a, partner_a, settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = {**settings.PORTAL_UPLOAD_MAX_BYTES, "image": 10}
    client.force_login(staff_a)
    photo = png_file()

    response = client.post(
        reverse("workspace:event-create"), {**visit_data(partner_a), "photos": photo}
    )

    assert response.context["form"].errors["photos"] == [
        f"The file is {photo.size}\xa0bytes; the largest file accepted is 10\xa0bytes."
    ]


def test_practice_form_requires_english_and_keeps_input(client, staff_a):
    client.force_login(staff_a)

    response = client.post(
        reverse("workspace:practice-create"), practice_data(title_en="", summary_sv="Svensk")
    )

    form = response.context["form"]
    assert form.errors == {"title_en": ["This field is required."]}
    assert form["description_en"].value() == "How the front desk works."
    assert GoodPractice.objects.count() == 0


def test_practice_contact_limited_to_own_people(client, staff_a, staff_b):
    client.force_login(staff_a)

    response = client.get(reverse("workspace:practice-create"))

    assert [str(p) for p in response.context["form"].fields["contact"].queryset] == [
        "staff-a person"
    ]


def forged_attendance_post(partner, organisation, **overrides):
    """An edit POST with no initial rows and one new row: what a replayed or forged form sends."""
    data = visit_data(partner, seen_version=1, **overrides)
    data.update(
        {
            "attendances-TOTAL_FORMS": "1",
            "attendances-INITIAL_FORMS": "0",
            "attendances-0-organisation": organisation.pk,
            "attendances-0-category": "staff",
            "attendances-0-participants": "9",
        }
    )
    return data


def test_visit_forged_row_repeating_saved_attendance_is_form_error(
    client, staff_a, partner_a, partner_b, a_items
):
    event = a_items["draft_event"]
    Attendance.objects.create(event=event, organisation=partner_b, category="staff", participants=4)
    client.force_login(staff_a)
    data = forged_attendance_post(partner_a, partner_b, title_en="Title kept")

    response = client.post(reverse("workspace:event-update", args=[event.pk]), data)

    assert response.status_code == 200
    row = response.context["formset"].forms[0]
    assert row.non_field_errors() == [
        "Attendance for this organisation and category is already recorded."
    ]
    assert (row["participants"].value(), row["category"].value()) == ("9", "staff")
    assert response.context["form"]["title_en"].value() == "Title kept"
    event.refresh_from_db()
    assert event.title_en == "Tartu draft visit"
    assert [(a.category, a.participants) for a in event.attendances.all()] == [("staff", 4)]


def test_visit_row_replacing_a_removed_attendance_saved(
    client, staff_a, partner_a, partner_b, a_items
):
    event = a_items["draft_event"]
    saved = Attendance.objects.create(
        event=event, organisation=partner_b, category="staff", participants=4
    )
    client.force_login(staff_a)
    data = forged_attendance_post(partner_a, partner_b)
    data.update(
        {
            "attendances-TOTAL_FORMS": "2",
            "attendances-INITIAL_FORMS": "1",
            "attendances-0-id": saved.pk,
            "attendances-0-participants": "4",
            "attendances-0-DELETE": "on",
            "attendances-1-organisation": partner_b.pk,
            "attendances-1-category": "staff",
            "attendances-1-participants": "9",
        }
    )

    response = client.post(reverse("workspace:event-update", args=[event.pk]), data)

    assert response.status_code == 302
    assert [(a.category, a.participants) for a in event.attendances.all()] == [("staff", 9)]


def test_concurrent_edit_keeps_second_users_input(
    client, django_user_model, staff_a, partner_a, a_items
):
    colleague = make_staff(django_user_model, partner_a, "staff-a2")
    event = a_items["draft_event"]
    url = reverse("workspace:event-update", args=[event.pk])
    client.force_login(staff_a)
    first_form = client.get(url).context["form"]
    client.force_login(colleague)
    second_form = client.get(url).context["form"]
    assert first_form["seen_version"].value() == second_form["seen_version"].value() == 1

    client.force_login(staff_a)
    client.post(url, visit_data(partner_a, title_en="First saver's title", seen_version=1))
    client.force_login(colleague)
    response = client.post(
        url, visit_data(partner_a, title_en="Second saver's title", seen_version=1)
    )

    event.refresh_from_db()
    assert event.title_en == "First saver's title"
    assert non_field_errors(response) == [
        "staff-a saved this item while you were editing it, so your changes are not saved yet. "
        "Your input is kept below: compare it with the current version, then save again to "
        "replace that version with yours."
    ]
    form = response.context["form"]
    assert (form["title_en"].value(), form["seen_version"].value()) == (
        "Second saver's title",
        2,
    )

    client.post(url, visit_data(partner_a, title_en="Second saver's title", seen_version=2))

    event.refresh_from_db()
    assert (event.title_en, event.version) == ("Second saver's title", 3)


def test_concurrent_review_in_admin_keeps_second_comment(
    client, coordinator, group_coordinator, b_items
):
    event = b_items["submitted_event"]
    url = reverse("admin:workspace_submittedevent_change", args=[event.pk])
    client.force_login(coordinator)
    client.get(url)
    client.force_login(group_coordinator)
    client.get(url)

    client.force_login(coordinator)
    client.post(url, {"seen_version": 1, "review_comment": "First note", "decision": ""})
    client.force_login(group_coordinator)
    response = client.post(
        url, {"seen_version": 1, "review_comment": "Second note", "decision": "return"}
    )

    form = response.context["adminform"].form
    assert list(form.non_field_errors()) == [
        "coord saved this item while you were editing it, so your changes are not saved yet. "
        "Your input is kept below: compare it with the current version, then save again to "
        "replace that version with yours."
    ]
    assert form["review_comment"].value() == "Second note"
    event.refresh_from_db()
    assert (event.review_comment, event.review_status) == ("First note", "submitted")


def gif_file(name="visit.gif", size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "blue").save(buffer, format="GIF")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/gif")


def test_visit_photo_refused_as_the_admin_refuses_it(client, staff_a, partner_a):
    client.force_login(staff_a)

    response = client.post(
        reverse("workspace:event-create"), {**visit_data(partner_a), "photos": gif_file()}
    )

    assert response.context["form"].errors["photos"] == [
        "GIF images are not accepted. Upload a JPEG, PNG or WebP image."
    ]
    assert response.context["form"]["title_en"].value() == "Study visit to Tartu"
    assert (Event.objects.count(), EventPhoto.objects.count()) == (0, 0)


def test_visit_photo_with_too_many_pixels_refused(client, staff_a, partner_a):
    client.force_login(staff_a)
    buffer = io.BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, format="PNG")
    huge = SimpleUploadedFile("huge.png", buffer.getvalue(), content_type="image/png")

    response = client.post(
        reverse("workspace:event-create"), {**visit_data(partner_a), "photos": huge}
    )

    assert response.context["form"].errors["photos"] == [
        "The image is 8000 × 6000 pixels, too large in pixels: at most 40 million pixels are "
        "accepted (for example 8000 × 5000). Make it smaller."
    ]
    assert EventPhoto.objects.count() == 0


def test_practice_image_refused_as_the_admin_refuses_it(client, staff_a):
    client.force_login(staff_a)

    response = client.post(
        reverse("workspace:practice-create"), {**practice_data(), "image": gif_file("front.gif")}
    )

    assert response.context["form"].errors["image"] == [
        "GIF images are not accepted. Upload a JPEG, PNG or WebP image."
    ]
    assert response.context["form"]["summary_en"].value() == "One desk for every service."
    assert GoodPractice.objects.count() == 0


def test_stale_practice_edit_is_merged_with_the_other_editors_change(client, staff_a, partner_a):
    client.force_login(staff_a)
    client.post(reverse("workspace:practice-create"), practice_data())
    practice = GoodPractice.objects.get(title_en="Digital front desk")
    edit_url = reverse("workspace:practice-update", args=[practice.pk])
    client.post(edit_url, practice_data(seen_version=1, location_en="Tartu, Raekoja plats"))

    response = client.post(edit_url, practice_data(seen_version=1, title_en="Front desk"))

    assert response.status_code == 302
    practice.refresh_from_db()
    assert (practice.title_en, practice.location_en) == ("Front desk", "Tartu, Raekoja plats")


def test_workspace_conflict_shows_theirs_on_the_field_both_changed_and_keeps_the_rest(
    client, django_user_model, staff_a, partner_a, a_items
):
    colleague = make_staff(django_user_model, partner_a, "staff-a2")
    event = a_items["draft_event"]
    url = reverse("workspace:event-update", args=[event.pk])
    client.force_login(staff_a)
    client.post(url, visit_data(partner_a, seen_version=1))  # the form's values, version 2

    client.post(url, visit_data(partner_a, title_en="Their title", seen_version=2))
    client.force_login(colleague)
    response = client.post(
        url,
        visit_data(partner_a, title_en="My title", summary_en="My summary.", seen_version=2),
    )

    form = response.context["form"]
    assert {name: list(errors) for name, errors in form.errors.items()} == {
        "__all__": [
            "staff-a saved this item while you were editing it, so your changes are not "
            "saved yet. Your input is kept below: compare it with the current version, then "
            "save again to replace that version with yours."
        ],
        "title_en": ["Also changed meanwhile. Their version: “Their title”. Yours is below."],
    }
    assert (form["title_en"].value(), form["summary_en"].value()) == ("My title", "My summary.")
    event.refresh_from_db()
    assert (event.title_en, event.summary_en) == ("Their title", "Tartu showed its e-services.")
