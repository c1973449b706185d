"""Drafts' uploads stay private on a storage that is not the local file system (a bucket through
STORAGES): the app checks who asks, then streams the file from storage.open(), or sends the
viewer to where the storage serves it (a public file) or to a URL it signed to expire (a private
one), and never asks the storage for a local path (better_portal/media.py)."""

import pytest
from django.conf import settings
from django.core.files.storage import InMemoryStorage, default_storage
from django.test import override_settings

from events.models import EventPhoto
from tests.factories import PartnerFactory

from .conftest import add_photo, draft_visit
from .helpers import png_file

pytestmark = pytest.mark.django_db

BUCKET = "https://bucket.example/media/"


class BucketStorage(InMemoryStorage):
    """Files kept in memory and served by a bucket at its own address, as S3Storage does;
    url(name, expire=seconds) signs the URL to expire, as S3Storage's does with signing on."""

    def __init__(self, **kwargs):
        super().__init__(base_url=BUCKET, **kwargs)

    def url(self, name, expire=None):
        url = super().url(name)
        return url if expire is None else f"{url}?expires={expire}&signature=signed"


def storages(backend):
    return {**settings.STORAGES, "default": {"BACKEND": backend}}


in_memory = override_settings(STORAGES=storages("django.core.files.storage.InMemoryStorage"))
in_bucket = override_settings(STORAGES=storages(f"{__name__}.BucketStorage"))


def body(response):
    return b"".join(response.streaming_content)


def stored_bytes(field_file):
    with default_storage.open(field_file.name, "rb") as stored:
        return stored.read()


def public_photo(partner):
    photo = add_photo(draft_visit(partner, "Published visit", is_published=True), name="pub.png")
    EventPhoto.objects.filter(pk=photo.pk).update(is_approved=True, is_cleared=True)
    return photo


@in_memory
def test_draft_photo_streamed_from_the_storage_only_to_those_who_may_see_it(
    client, settings, partner_a, staff_a, staff_b, group_coordinator
):
    # Neither can be used without local files: the app streams whatever these say.
    settings.PORTAL_MEDIA_ACCEL_PREFIX = "/protected-media/"
    settings.PORTAL_MEDIA_SENDFILE = True
    photo = add_photo(draft_visit(partner_a, "Draft visit"))
    assert isinstance(default_storage._wrapped, InMemoryStorage)
    urls = [photo.image.url, photo.image.url_320]
    assert urls == [f"/media/{photo.image.name}", f"/media/{photo.image.name[:-4]}-320w.webp"]

    assert [client.get(url).status_code for url in urls] == [404, 404]
    client.force_login(staff_b)
    assert [client.get(url).status_code for url in urls] == [404, 404]
    client.force_login(staff_a)
    response = client.get(photo.image.url)
    assert (response.status_code, body(response)) == (200, stored_bytes(photo.image))
    assert (response["Content-Type"], response["Cache-Control"]) == (
        "image/png",
        "private, no-store",
    )
    assert "X-Accel-Redirect" not in response and "X-Sendfile" not in response
    client.force_login(group_coordinator)
    assert client.get(photo.image.url_320)["Content-Type"] == "image/webp"


@in_memory
def test_public_photo_streamed_from_the_storage_to_everyone(client, partner_a):
    photo = public_photo(partner_a)

    response = client.get(photo.image.url)

    assert (response.status_code, body(response)) == (200, stored_bytes(photo.image))
    assert response["Cache-Control"] == "public, max-age=3600"


@in_bucket
def test_bucket_pages_link_the_app_which_checks_then_sends_public_files_to_the_bucket(
    client, partner_a, staff_b
):
    draft = add_photo(draft_visit(partner_a, "Draft visit"))
    photo = public_photo(partner_a)
    logo = PartnerFactory(logo=png_file("logo.png")).logo

    # Pages link photos through the app, whatever the storage; logos (always public) directly.
    assert (draft.image.url, photo.image.url_640) == (
        f"/media/{draft.image.name}",
        f"/media/{photo.image.name[:-4]}-640w.webp",
    )
    assert logo.url == f"{BUCKET}{logo.name}"
    response = client.get(photo.image.url_640)
    assert (response.status_code, response["Location"]) == (
        302,
        f"{BUCKET}{photo.image.name[:-4]}-640w.webp",
    )
    assert response["Cache-Control"] == "public, max-age=300"
    assert client.get(draft.image.url).status_code == 404
    client.force_login(staff_b)
    assert client.get(draft.image.url).status_code == 404


@in_bucket
def test_bucket_draft_file_streamed_without_signed_urls(client, partner_a, staff_a):
    draft = add_photo(draft_visit(partner_a, "Draft visit"))
    client.force_login(staff_a)

    response = client.get(draft.image.url)

    assert (response.status_code, body(response)) == (200, stored_bytes(draft.image))
    assert response["Cache-Control"] == "private, no-store"


@in_bucket
def test_bucket_draft_file_redirected_to_a_short_lived_signed_url(
    client, settings, partner_a, staff_a, staff_b
):
    settings.PORTAL_MEDIA_SIGNED_URL_SECONDS = 60
    draft = add_photo(draft_visit(partner_a, "Draft visit"))

    assert client.get(draft.image.url).status_code == 404
    client.force_login(staff_b)
    assert client.get(draft.image.url).status_code == 404
    client.force_login(staff_a)
    response = client.get(draft.image.url)
    assert (response.status_code, response["Location"]) == (
        302,
        f"{BUCKET}{draft.image.name}?expires=60&signature=signed",
    )
    assert response["Cache-Control"] == "private, no-store"


@in_memory
def test_storage_without_signing_streams_even_with_signed_urls_set(
    client, settings, partner_a, staff_a
):
    settings.PORTAL_MEDIA_SIGNED_URL_SECONDS = 60
    draft = add_photo(draft_visit(partner_a, "Draft visit"))
    client.force_login(staff_a)

    response = client.get(draft.image.url)

    assert (response.status_code, body(response)) == (200, stored_bytes(draft.image))
