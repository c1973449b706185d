"""Uploads of items the public cannot see are served only to those who may see the item."""

import pytest
from django.contrib.auth.models import Group, Permission

from events.models import EventPhoto
from tests.factories import WorkshopFactory
from workspace.groups import ensure_groups

from .conftest import add_photo, draft_practice, draft_visit, make_staff
from .helpers import png_file

pytestmark = pytest.mark.django_db


def status_of(client, url):
    return client.get(url).status_code


def all_urls(field_file):
    return [field_file.url, field_file.url_320, field_file.url_640, field_file.url_1280]


def test_draft_photo_only_for_its_partner_and_coordinators(
    client, partner_a, partner_b, staff_a, staff_b, group_coordinator
):
    photo = add_photo(draft_visit(partner_a, "Draft visit"))
    urls = all_urls(photo.image)

    assert [status_of(client, url) for url in urls] == [404, 404, 404, 404]
    client.force_login(staff_b)
    assert [status_of(client, url) for url in urls] == [404, 404, 404, 404]
    client.force_login(staff_a)
    assert [status_of(client, url) for url in urls] == [200, 200, 200, 200]
    response = client.get(photo.image.url)
    assert b"".join(response.streaming_content) == photo.image.open("rb").read()
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(group_coordinator)
    assert [status_of(client, url) for url in urls] == [200, 200, 200, 200]


def test_published_photo_for_everyone_until_unpublished(client, partner_a, staff_b):
    event = draft_visit(partner_a, "Visit", is_published=True)
    photo = add_photo(event)
    EventPhoto.objects.filter(pk=photo.pk).update(is_approved=True, is_cleared=True)

    response = client.get(photo.image.url_640)
    assert (response.status_code, response["Cache-Control"]) == (200, "public, max-age=3600")
    assert response["Content-Type"] == "image/webp"
    client.force_login(staff_b)
    assert status_of(client, photo.image.url) == 200

    type(event).objects.filter(pk=event.pk).unpublish()
    client.logout()
    assert [status_of(client, url) for url in all_urls(photo.image)] == [404, 404, 404, 404]


def test_unapproved_photo_of_published_event_hidden_from_public(client, partner_a, staff_a):
    photo = add_photo(draft_visit(partner_a, "Visit", is_published=True))

    assert status_of(client, photo.image.url) == 404
    client.force_login(staff_a)
    assert status_of(client, photo.image.url) == 200


def test_draft_event_lead_image_and_material(client, partner_a, staff_a, staff_b):
    event = draft_visit(partner_a, "Draft visit", image=png_file("lead.png"), image_alt_en="Lead")
    material = WorkshopFactory(event=event).materials.create(
        title="Slides", file=png_file("slides.png")
    )

    assert [status_of(client, event.image.url), status_of(client, material.file.url)] == [404, 404]
    client.force_login(staff_b)
    assert [status_of(client, event.image.url), status_of(client, material.file.url)] == [404, 404]
    client.force_login(staff_a)
    assert [status_of(client, event.image.url), status_of(client, material.file.url)] == [200, 200]


def test_unpublished_practice_image(client, partner_a, staff_a, staff_b):
    practice = draft_practice(partner_a, "Draft", image=png_file("p.png"), image_alt_en="P")

    assert status_of(client, practice.image.url_320) == 404
    client.force_login(staff_b)
    assert status_of(client, practice.image.url_320) == 404
    client.force_login(staff_a)
    assert status_of(client, practice.image.url_320) == 200
    type(practice).objects.filter(pk=practice.pk).publish()
    client.logout()
    assert status_of(client, practice.image.url_320) == 200


def test_unknown_and_traversing_paths_are_404(client, partner_a):
    add_photo(draft_visit(partner_a, "Visit", is_published=True))

    assert status_of(client, "/media/events/photos/2026/0123abcd.png") == 404
    assert status_of(client, "/media/../manage.py") == 404
    assert status_of(client, "/media/settings.py") == 404


def test_coordinator_group_member_without_partner_sees_drafts(client, partner_a, django_user_model):
    coordinator = make_staff(django_user_model, partner_a, "coord-with-partner")
    coordinator.groups.add(ensure_groups(Group, Permission)[0])
    photo = add_photo(draft_visit(partner_a, "Draft visit"))
    client.force_login(coordinator)
    assert status_of(client, photo.image.url) == 200


def test_accel_redirect_hands_checked_file_to_proxy(client, settings, partner_a, staff_a):
    settings.PORTAL_MEDIA_ACCEL_PREFIX = "/protected-media/"
    photo = add_photo(draft_visit(partner_a, "Draft visit"))

    assert status_of(client, photo.image.url) == 404
    client.force_login(staff_a)
    response = client.get(photo.image.url)
    assert (response.status_code, response.content) == (200, b"")
    assert response["X-Accel-Redirect"] == f"/protected-media/{photo.image.name}"
    assert response["Content-Type"] == "image/png"


def test_public_photo_costs_two_queries_whatever_the_data(
    client, partner_a, django_assert_num_queries
):
    event = draft_visit(partner_a, "Visit", is_published=True)
    photos = [add_photo(event, name=f"v{n}.png") for n in range(3)]
    EventPhoto.objects.update(is_approved=True, is_cleared=True)

    # The photo by its name, then whether it is public (the list of projects, which tells the
    # project served, stays cached until a project changes).
    with django_assert_num_queries(2):
        response = client.get(photos[0].image.url_1280)
    assert response.status_code == 200
