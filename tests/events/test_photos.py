"""Pictures on the public pages: the event's gallery shows only approved photos that everyone
shown agreed to publish, in three sizes without EXIF; lead images, og:image and partner logos."""

import io
import re
from html import unescape

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.models import EventPhoto
from tests.factories import EventFactory, PartnerFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
MAKE = 0x010F


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def camera_jpeg(name="IMG_0001.jpg", size=(1600, 1200)):
    """A JPEG as a phone writes it: the camera's make and where it was taken in its EXIF."""
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (59.0, 26.0, 0.0), 3: "E", 4: (26.0, 43.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "JPEG", exif=exif.tobytes())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def add_photo(event, caption, cleared=True, approved=True):
    return EventPhoto.objects.create(
        event=event, image=camera_jpeg(), caption=caption, is_cleared=cleared, is_approved=approved
    )


def gallery(response):
    """[(caption, [(served file's name, its width in the srcset), ...]), ...]"""
    section = re.search(r'<section class="gallery".*?</section>', response.text, re.S)
    if section is None:
        return []
    figures = re.findall(r"<figure>(.*?)</figure>", section.group(0), re.S)
    return [(_caption(figure), _srcset(figure)) for figure in figures]


def _caption(figure):
    found = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S)
    return unescape(found.group(1)) if found else None


def _srcset(figure):
    srcset = unescape(re.search(r'srcset="([^"]*)"', figure).group(1))
    pairs = [item.strip().rsplit(" ", 1) for item in srcset.split(",")]
    return [(url.removeprefix(settings.MEDIA_URL), int(width[:-1])) for url, width in pairs]


def exif_of(name):
    with default_storage.open(name, "rb") as stored, Image.open(stored) as image:
        return image.size, dict(image.getexif()), "exif" in image.info


def test_approved_cleared_photo_shown_in_three_sizes_without_exif(client):
    event = EventFactory(slug="visit")
    photo = add_photo(event, "The front desk of Tartu's city hall")

    response = client.get("/en/events/visit/")

    ((caption, sizes),) = gallery(response)
    assert caption == "The front desk of Tartu's city hall"
    assert [width for _name, width in sizes] == [320, 640, 1280]
    # Each served size is that wide, in proportion, with no EXIF: no camera, no GPS position.
    assert [exif_of(name) for name, _width in sizes] == [
        ((320, 240), {}, False),
        ((640, 480), {}, False),
        ((1280, 960), {}, False),
    ]
    # The stored original has lost its EXIF too, and the uploader's file name.
    assert exif_of(photo.image.name) == ((1600, 1200), {}, False)
    assert re.fullmatch(r"events/photos/\d{4}/[0-9a-f]{32}\.jpg", photo.image.name)


def test_photo_without_consent_or_approval_not_shown(client):
    event = EventFactory(slug="visit")
    add_photo(event, "Faces of people who did not agree", cleared=False, approved=True)
    add_photo(event, "Not yet looked at by the coordinators", cleared=True, approved=False)
    add_photo(event, "Everyone agreed")

    response = client.get("/en/events/visit/")

    assert [caption for caption, _sizes in gallery(response)] == ["Everyone agreed"]
    assert "did not agree" not in response.text
    assert "Not yet looked at" not in response.text


def test_event_without_public_photos_has_no_gallery(client):
    event = EventFactory(slug="visit")
    add_photo(event, "Faces of people who did not agree", cleared=False)

    response = client.get("/en/events/visit/")

    assert gallery(response) == []
    assert '<section class="gallery"' not in response.text


def test_event_page_queries_do_not_grow_with_photos(client, django_assert_num_queries):
    one, many = EventFactory(slug="one"), EventFactory(slug="many")
    add_photo(one, "Alone")
    for n in range(4):
        add_photo(many, f"Photo {n}")

    with django_assert_num_queries(9):  # with the project's partner numbers (labels), read once
        first = client.get("/en/events/one/")
    with django_assert_num_queries(8):
        second = client.get("/en/events/many/")

    assert (len(gallery(first)), len(gallery(second))) == (1, 4)


def test_lead_image_shown_with_its_alt_and_as_absolute_og_image(client):
    event = EventFactory(slug="visit", image_alt_en="The city hall of Tartu at dusk")
    event.image.save("lead.jpg", camera_jpeg("lead.jpg"))

    response = client.get("/en/events/visit/")

    lead = re.search(r'<figure class="lead-image"><img ([^>]*)>', response.text).group(1)
    assert re.search(r'alt="([^"]*)"', lead).group(1) == "The city hall of Tartu at dusk"
    assert len(re.search(r'srcset="([^"]*)"', lead).group(1).split(",")) == 3
    og_image = re.search(r'<meta property="og:image" content="([^"]*)">', response.text).group(1)
    assert og_image == "http://testserver" + event.image.url_1280


def test_event_without_lead_image_has_no_og_image_of_its_own(client):
    EventFactory(slug="visit")

    response = client.get("/en/events/visit/")

    assert re.findall(r'property="og:image"', response.text) == []


def test_event_without_lead_image_shares_the_project_logo(client):
    from tests.factories import identity

    project = identity(acronym="FLOW", name_en="Flow project")
    project.project_logo.save("logo.jpg", camera_jpeg("logo.jpg"))
    EventFactory(slug="visit")

    response = client.get("/en/events/visit/")

    assert re.findall(r'<meta property="og:image" content="([^"]*)">', response.text) == [
        "http://testserver" + project.project_logo.url
    ]


def test_lead_image_needs_its_text_alternative():
    event = EventFactory.build(host=None)
    event.image = "events/lead.jpg"

    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["slug", "version"])

    assert error.value.message_dict["image_alt_en"] == [
        "Describe the image for people who cannot see it."
    ]


def test_partner_logo_on_partner_page_and_home_strip(client):
    partner = PartnerFactory(slug="tartu", name_en="City of Tartu")
    partner.logo.save("logo.png", _png())

    page = client.get("/en/partners/tartu/")
    home = client.get("/en/")

    assert re.findall(r'<p class="partner-logo-large"><img src="([^"]*)"', page.text) == [
        partner.logo.url_640
    ]
    strip = re.search(r'<ul class="partner-strip">(.*?)</ul>', home.text, re.S).group(1)
    assert re.findall(r'<a href="([^"]*)"><img [^>]*alt="([^"]*)"', strip) == [
        ("/en/partners/tartu/", "City of Tartu")
    ]


def _png():
    buffer = io.BytesIO()
    Image.new("RGBA", (400, 200), (0, 0, 255, 128)).save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
