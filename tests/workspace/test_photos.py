"""Photos of a study visit: staff caption and delete them while the visit is theirs to change."""

import posixpath
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events.models import EventPhoto

from .conftest import add_photo

pytestmark = pytest.mark.django_db


def stored(photo):
    """The photo's stored file name: random, whatever it was uploaded as."""
    return posixpath.basename(photo.image.name)


def caption_url(photo):
    return reverse("workspace:photo-update", args=[photo.event_id, photo.pk])


def delete_url(photo):
    return reverse("workspace:photo-delete", args=[photo.event_id, photo.pk])


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def texts(pattern, response):
    return [unescape(t).strip() for t in re.findall(pattern, response.content.decode(), re.S)]


def history_of(event):
    records = event.history.order_by("history_date", "history_id")
    return [(r.history_change_reason, getattr(r.history_user, "username", None)) for r in records]


@pytest.fixture
def visit(a_items):
    return a_items["draft_event"]


@pytest.fixture
def photo(visit):
    return add_photo(visit, caption="The front desk", name="desk.png")


def test_visit_page_offers_caption_and_delete_links_per_photo(client, staff_a, visit, photo):
    second = add_photo(visit, name="team.png")
    client.force_login(staff_a)

    response = client.get(reverse("workspace:event-detail", args=[visit.pk]))

    assert texts(r"<figcaption>(.*?)</figcaption>", response) == ["The front desk"]
    assert texts(r'<p class="photo-actions">(.*?)</p>', response) != []
    links = re.findall(
        r'<a href="([^"]*/photos/[^"]*)">([^<]*)</a>', response.content.decode(), re.S
    )
    assert [(href, text.strip()) for href, text in links] == [
        (caption_url(photo), "Edit the caption of photo 1"),
        (delete_url(photo), "Delete photo 1"),
        (caption_url(second), "Edit the caption of photo 2"),
        (delete_url(second), "Delete photo 2"),
    ]


def test_visit_page_offers_no_photo_links_once_submitted(client, staff_a, visit, photo):
    client.force_login(staff_a)
    client.post(reverse("workspace:event-submit", args=[visit.pk]))

    response = client.get(reverse("workspace:event-detail", args=[visit.pk]))

    assert texts(r"<figcaption>(.*?)</figcaption>", response) == ["The front desk"]
    assert re.findall(r'href="[^"]*/photos/', response.content.decode()) == []


def test_caption_page_shows_the_photo_and_its_caption(client, staff_a, visit, photo):
    client.force_login(staff_a)

    response = client.get(caption_url(photo))

    assert texts(r"<h1>(.*?)</h1>", response) == ["Edit the photo's caption"]
    assert texts(r'<img class="photo-preview" src="([^"]*)"', response) == [photo.image.url]
    assert re.findall(r'name="caption"[^>]*value="([^"]*)"', response.content.decode()) == [
        "The front desk"
    ]


def test_caption_saved_with_message_and_history(client, staff_a, visit, photo):
    client.force_login(staff_a)

    response = client.post(
        caption_url(photo),
        {"caption": "Tartu's digital front desk", "seen_version": "1"},
        follow=True,
    )

    photo.refresh_from_db()
    visit.refresh_from_db()
    assert photo.caption == "Tartu's digital front desk"
    assert response.redirect_chain == [(reverse("workspace:event-detail", args=[visit.pk]), 302)]
    assert messages_of(response) == ["The caption is saved."]
    assert texts(r"<figcaption>(.*?)</figcaption>", response) == ["Tartu's digital front desk"]
    assert history_of(visit)[-1] == (f"Changed the caption of photo {stored(photo)}", "staff-a")
    # The visit itself is unchanged: whoever is editing its text meets no conflict.
    assert visit.version == 1


def test_caption_too_long_is_refused_with_input_kept(client, staff_a, photo):
    client.force_login(staff_a)

    response = client.post(caption_url(photo), {"caption": "x" * 251, "seen_version": "1"})

    form = response.context["form"]
    assert form.errors == {
        "caption": ["Ensure this value has at most 250 characters (it has 251)."]
    }
    assert form["caption"].value() == "x" * 251
    photo.refresh_from_db()
    assert photo.caption == "The front desk"


def test_caption_message_in_swedish(client, staff_a, visit, photo):
    client.force_login(staff_a)
    url = f"/sv/workspace/visits/{visit.pk}/photos/{photo.pk}/caption/"

    response = client.post(url, {"caption": "Receptionen", "seen_version": "1"}, follow=True)

    assert messages_of(response) == ["Bildtexten är sparad."]


def test_delete_page_asks_first_and_deletes_nothing(client, staff_a, visit, photo):
    client.force_login(staff_a)

    response = client.get(delete_url(photo))

    assert texts(r"<h1>(.*?)</h1>", response) == ["Delete this photo?"]
    assert texts(
        r'<form method="post" class="workspace-form">.*?<button[^>]*>(.*?)</button>', response
    ) == ["Delete the photo"]
    assert EventPhoto.objects.get() == photo
    assert photo.image.storage.exists(photo.image.name)


def test_delete_removes_the_photo_then_its_file(
    client, staff_a, visit, photo, django_capture_on_commit_callbacks
):
    storage, name = photo.image.storage, photo.image.name
    client.force_login(staff_a)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(delete_url(photo), follow=True)
    # Until the deletion is committed the file stays: a rollback would keep a photo without it.
    assert (EventPhoto.objects.count(), storage.exists(name)) == (0, True)
    for callback in callbacks:
        callback()

    assert storage.exists(name) is False
    assert messages_of(response) == ["The photo is deleted."]
    assert texts(r"<figure>(.*?)</figure>", response) == []
    assert history_of(visit)[-1] == (f"Deleted photo {posixpath.basename(name)}", "staff-a")
    assert texts(r'<ol class="history">.*?</time>\s*— ([^<]*)</li>', response) == [
        f"staff-a: Deleted photo {posixpath.basename(name)}"
    ]


def test_delete_in_estonian(client, staff_a, visit, photo, django_capture_on_commit_callbacks):
    client.force_login(staff_a)
    url = f"/et/workspace/visits/{visit.pk}/photos/{photo.pk}/delete/"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    assert messages_of(response) == ["Foto on kustutatud."]
    assert EventPhoto.objects.count() == 0


def test_delete_without_csrf_token_is_refused(staff_a, photo):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_a)

    response = client.post(delete_url(photo))

    assert response.status_code == 403
    assert EventPhoto.objects.get() == photo


def test_delete_keeps_the_other_photos(
    client, staff_a, visit, photo, django_capture_on_commit_callbacks
):
    other = add_photo(visit, name="team.png")
    client.force_login(staff_a)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(delete_url(photo))

    assert list(EventPhoto.objects.all()) == [other]
    assert other.image.storage.exists(other.image.name)


def test_coordinator_may_caption_a_partners_draft(client, group_coordinator, visit, photo):
    client.force_login(group_coordinator)

    client.post(caption_url(photo), {"caption": "Checked by the coordinators", "seen_version": "1"})

    photo.refresh_from_db()
    assert photo.caption == "Checked by the coordinators"
    assert history_of(visit)[-1] == (f"Changed the caption of photo {stored(photo)}", "group-coord")


def test_uploaders_file_name_never_reaches_the_history(client, staff_a, visit):
    photo = add_photo(visit, name=f"{'a' * 90}.png")
    client.force_login(staff_a)

    client.post(caption_url(photo), {"caption": "Long", "seen_version": "1"})

    reason = visit.history.order_by("history_date", "history_id").last().history_change_reason
    assert reason == f"Changed the caption of photo {stored(photo)}"
    assert len(stored(photo)) == len("0123456789abcdef0123456789abcdef.png")


def test_photo_form_label_in_swedish(staff_a, photo):
    from workspace.forms import PhotoCaptionForm

    with translation.override("sv"):
        labels = [str(field.label) for field in PhotoCaptionForm(instance=photo).visible_fields()]

    assert labels == ["Bildtext", "Samtycke till publicering"]


def test_stale_photo_caption_is_refused_with_input_kept(client, staff_a, a_items):
    photo = add_photo(a_items["draft_event"], caption="The front desk")
    client.force_login(staff_a)
    page = client.get(caption_url(photo)).content.decode()
    seen = re.findall(r'name="seen_version" value="(\d+)"', page)
    assert seen == ["1"]
    client.post(caption_url(photo), {"caption": "First caption", "seen_version": "1"})

    response = client.post(caption_url(photo), {"caption": "Stale caption", "seen_version": "1"})

    form = response.context["form"]
    assert [str(e) for e in form.non_field_errors()] == [
        (
            "Someone saved this item while you were editing it, so your changes are not saved yet. "
            "Your input is kept below: compare it with the current version, then save again to "
            "replace that version with yours."
        )
    ]
    assert form["caption"].value() == "Stale caption"
    assert EventPhoto.objects.get(pk=photo.pk).caption == "First caption"
