"""Renditions are written once, at upload or by make_renditions for older images."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from content import images
from partners.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def png(size=(900, 300)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return ContentFile(buffer.getvalue())


def widths(name):
    result = []
    for rendition in images.rendition_names(name):
        with default_storage.open(rendition, "rb") as stored, Image.open(stored) as image:
            result.append((image.format, image.width))
    return result


def test_make_renditions_writes_those_of_an_image_stored_without_them(capsys):
    name = default_storage.save("logos/old.png", png())  # as stored before renditions existed
    Organisation.objects.create(name_en="Tartu", slug="tartu", logo=name)

    call_command("make_renditions")

    # A smaller original is not enlarged: its 1280 rendition is 900 wide.
    assert widths(name) == [("WEBP", 320), ("WEBP", 640), ("WEBP", 900)]
    assert capsys.readouterr().out == "Images given their renditions: 1.\n"


def test_deleting_an_image_deletes_its_renditions():
    organisation = Organisation.objects.create(name_en="Tartu", slug="tartu")
    organisation.logo.save("logo.png", png())
    name = organisation.logo.name

    organisation.logo.delete()

    stored = [default_storage.exists(n) for n in [name, *images.rendition_names(name)]]
    assert stored == [False, False, False, False]
