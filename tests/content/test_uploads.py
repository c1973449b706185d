"""Uploads are limited in size and type, and images are verified with Pillow."""

import io
import re
import zipfile

import pytest
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import translation
from PIL import Image

from content.uploads import validate_document_upload, validate_image_upload
from events.admin import MaterialInline
from events.models import Material, Workshop
from partners.models import Organisation
from practices.models import GoodPractice


def image_bytes(image_format="PNG", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, image_format)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def messages(error):
    return error.value.messages


def test_image_small_png_accepted():
    validate_image_upload(upload("logo.png", image_bytes()))


@pytest.mark.parametrize(
    ("name", "image_format"), [("photo.jpg", "JPEG"), ("photo.JPEG", "JPEG"), ("p.webp", "WEBP")]
)
def test_image_jpeg_and_webp_accepted(name, image_format):
    validate_image_upload(upload(name, image_bytes(image_format)))


def test_image_text_named_png_refused_with_clear_message():
    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload("logo.png", b"just some text, not a picture\n"))

    assert messages(error) == [
        "The file is not an image, or it is damaged. Upload a JPEG, PNG or WebP image."
    ]


def test_image_truncated_png_refused():
    damaged = image_bytes(size=(64, 64))[:60]

    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload("logo.png", damaged))

    assert error.value.code == "invalid_image"


def test_image_gif_refused_by_format():
    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload("logo.gif", image_bytes("GIF")))

    assert messages(error) == ["GIF images are not accepted. Upload a JPEG, PNG or WebP image."]


def test_image_oversize_refused():
    big = image_bytes() + b"\0" * settings.PORTAL_UPLOAD_MAX_BYTES["image"]

    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload("logo.png", big))

    assert error.value.code == "file_too_large"
    assert messages(error)[0].endswith("the largest file accepted is 5.0\xa0MB.")


def test_image_too_many_pixels_refused():
    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload("huge.png", image_bytes(size=(8000, 6000))))

    assert error.value.code == "image_too_many_pixels"


def test_document_pdf_accepted():
    validate_document_upload(upload("slides.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))


def test_document_docx_accepted():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")

    validate_document_upload(upload("report.docx", buffer.getvalue()))


def test_document_png_checked_as_image():
    with pytest.raises(ValidationError) as error:
        validate_document_upload(upload("photo.png", b"\x89PNG\r\n\x1a\nbroken"))

    assert error.value.code == "invalid_image"


@pytest.mark.parametrize("name", ["run.exe", "page.html", "image.svg", "no-extension", "a.pdf.js"])
def test_document_other_types_refused(name):
    with pytest.raises(ValidationError) as error:
        validate_document_upload(upload(name, b"%PDF-1.7"))

    assert messages(error) == [
        "Files of this type are not accepted. Accepted types: "
        "pdf, pptx, docx, xlsx, odt, odp, png, jpg."
    ]


def test_document_html_named_pdf_refused():
    with pytest.raises(ValidationError) as error:
        validate_document_upload(upload("slides.pdf", b"<html><script>alert(1)</script>"))

    assert messages(error) == ["The file’s content does not match its extension “.pdf”."]


def test_document_zip_without_office_content_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.html", "<script>alert(1)</script>")

    with pytest.raises(ValidationError) as error:
        validate_document_upload(upload("slides.pptx", buffer.getvalue()))

    assert error.value.code == "document_content"


def test_document_oversize_refused():
    with pytest.raises(ValidationError) as error:
        validate_document_upload(
            upload("slides.pdf", b"%PDF-" + b"\0" * settings.PORTAL_UPLOAD_MAX_BYTES["document"])
        )

    assert messages(error)[0].endswith("the largest file accepted is 20.0\xa0MB.")


# The admin forms carry the validators.


def admin_form_errors(model, field, coordinator, file, instance=None):
    """The errors of `field` when the model's real admin form is posted with `file` in it."""
    request = RequestFactory().post("/admin/")
    request.user = coordinator
    form_class = admin.site._registry[model].get_form(request, instance)
    form = form_class(data={}, files={field: file}, instance=instance)
    form.is_valid()
    return form.errors.get(field)


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), [(Organisation, "logo"), (GoodPractice, "image")])
def test_admin_image_field_refuses_text_named_png(coordinator, model, field):
    errors = admin_form_errors(model, field, coordinator, upload("logo.png", b"not a picture"))

    # The portal's check runs before Django's own, so the message is the same everywhere.
    assert errors == [
        "The file is not an image, or it is damaged. Upload a JPEG, PNG or WebP image."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), [(Organisation, "logo"), (GoodPractice, "image")])
def test_admin_image_field_refuses_gif_and_accepts_png(coordinator, model, field):
    refused = admin_form_errors(model, field, coordinator, upload("logo.gif", image_bytes("GIF")))
    accepted = admin_form_errors(model, field, coordinator, upload("logo.png", image_bytes()))

    assert refused == ["GIF images are not accepted. Upload a JPEG, PNG or WebP image."]
    assert accepted is None


@pytest.mark.django_db
def test_admin_material_file_refuses_html(coordinator):
    inline = MaterialInline(Workshop, admin.site)
    request = RequestFactory().post("/admin/")
    request.user = coordinator
    formset_class = inline.get_formset(request)
    data = {
        "materials-TOTAL_FORMS": "1",
        "materials-INITIAL_FORMS": "0",
        "materials-0-title_en": "Agenda",
        "materials-0-language": "en",
    }
    files = {"materials-0-file": upload("agenda.html", b"<script>alert(1)</script>")}
    formset = formset_class(data=data, files=files, instance=Workshop(), prefix="materials")
    formset.is_valid()

    assert formset.forms[0].errors["file"] == [
        "Files of this type are not accepted. Accepted types: "
        "pdf, pptx, docx, xlsx, odt, odp, png, jpg."
    ]


@pytest.mark.django_db
def test_admin_organisation_add_with_text_png_shows_error(coordinator_client):
    response = coordinator_client.post(
        "/admin/partners/organisation/add/",
        {
            "name_en": "Hostile upload",
            "slug": "hostile-upload",
            "organisation_type": "municipality",
            "logo": upload("logo.png", b"not a picture"),
            "people-TOTAL_FORMS": "0",
            "people-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "The file is not an image, or it is damaged." in response.text
    assert not Organisation.objects.filter(slug="hostile-upload").exists()


def test_image_refusal_in_the_readers_language():
    with translation.override("sv"):
        with pytest.raises(ValidationError) as error:
            validate_image_upload(upload("logo.png", b"not a picture"))
        shown = messages(error)  # the messages are lazy: read them in Swedish

    assert shown == [
        "Filen är ingen bild, eller så är den skadad. Ladda upp en JPEG-, PNG- eller WebP-bild."
    ]


# Names tell the truth, or the file is refused; stored files get a random name (issue 18).


@pytest.mark.parametrize(
    ("name", "extension"),
    [("x.png\0.html", "html"), ("poly_png.html", "html"), ("logo.svg", "svg"), ("a.js", "js")],
)
def test_image_under_another_types_name_refused(name, extension):
    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload(name, image_bytes()))

    assert messages(error) == [
        f"The file is a PNG image, but its name ends in “.{extension}”. "
        "Name it “.png”, or upload another file."
    ]


def test_svg_image_refused_as_not_an_image():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload("logo.svg", svg))

    assert error.value.code == "invalid_image"


@pytest.mark.parametrize("name", ["x.pdf\0.html", "slides.pdf.js", "agenda.svg"])
def test_document_under_another_types_name_refused(name):
    with pytest.raises(ValidationError) as error:
        validate_document_upload(upload(name, b"%PDF-1.7\n"))

    assert error.value.code == "document_type"


def test_document_presentation_named_docx_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<presentation/>")

    with pytest.raises(ValidationError) as error:
        validate_document_upload(upload("report.docx", buffer.getvalue()))

    assert messages(error) == ["The file’s content does not match its extension “.docx”."]


def test_image_of_20000_by_20000_pixels_refused_as_too_large_in_pixels():
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")  # about 50 kB, 400 million pixels

    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload("huge.png", buffer.getvalue()))

    assert messages(error) == [
        "The image is too large in pixels: at most 40 million pixels are accepted "
        "(for example 8000 × 5000). Make it smaller."
    ]


@pytest.mark.django_db
def test_admin_20000_pixel_png_says_too_large_in_pixels_not_corrupted(coordinator):
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")

    errors = admin_form_errors(
        Organisation, "logo", coordinator, upload("huge.png", buffer.getvalue())
    )

    assert errors == [
        "The image is too large in pixels: at most 40 million pixels are accepted "
        "(for example 8000 × 5000). Make it smaller."
    ]


@pytest.mark.django_db
def test_stored_files_get_a_random_name_with_the_detected_extension(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    organisation = Organisation.objects.create(name_en="Tartu", slug="tartu")
    material = Material()

    organisation.logo.save("../../Our Logo.JPEG", upload("x.jpeg", image_bytes("JPEG")))
    material.file.save("Agenda (final).pdf", upload("a.pdf", b"%PDF-1.7\n"), save=False)

    assert re.fullmatch(r"logos/[0-9a-f]{32}\.jpg", organisation.logo.name)
    assert re.fullmatch(r"materials/[0-9a-f]{32}\.pdf", material.file.name)
