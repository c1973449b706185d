"""Validation of uploaded files: size, type, and content checked against the claimed type.

The validators sit on the model fields (`ImageUploadField`, `DocumentUploadField`), so the admin,
the workspace's forms and `import_data` refuse the same files. The size limits are settings
(`PORTAL_UPLOAD_MAX_BYTES`), read at validation time.
"""

import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

# More pixels than any logo or photo needs, well below Pillow's decompression-bomb limit.
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
DOCUMENT_EXTENSIONS = ["pdf", "pptx", "docx", "xlsx", "odt", "odp", "png", "jpg"]

# What the first bytes of each allowed document type must be: its extension has to tell the truth.
_ZIP = b"PK\x03\x04"
_SIGNATURES = {
    "pdf": b"%PDF-",
    "pptx": _ZIP,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "odt": _ZIP,
    "odp": _ZIP,
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff",
}
# The member each Office Open XML or OpenDocument archive must hold.
_ZIP_MEMBERS = {
    "pptx": "[Content_Types].xml",
    "docx": "[Content_Types].xml",
    "xlsx": "[Content_Types].xml",
    "odt": "mimetype",
    "odp": "mimetype",
}


def _check_size(upload, kind):
    limit = settings.PORTAL_UPLOAD_MAX_BYTES[kind]
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest file accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def _is_new(upload):
    """True for a file just uploaded; False for the stored file of an unchanged form field."""
    return upload is not None and not getattr(upload, "_committed", False)


def validate_image_upload(upload):
    """Accept a JPEG, PNG or WebP image within the image size limit that Pillow can read and
    verify, with at most MAX_IMAGE_PIXELS pixels."""
    if not _is_new(upload):
        return
    _check_size(upload, "image")
    not_an_image = ValidationError(
        _("The file is not an image, or it is damaged. Upload a JPEG, PNG or WebP image."),
        code="invalid_image",
    )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except Exception as error:  # Pillow raises many types for broken or hostile files
        raise not_an_image from error
    finally:
        upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted. Upload a JPEG, PNG or WebP image."),
            code="image_format",
            params={"format": image_format},
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels, too large to show. Make it smaller."),
            code="image_too_many_pixels",
            params={"width": width, "height": height},
        )


def validate_document_upload(upload):
    """Accept a file within the document size limit whose extension is allowed and whose
    content matches it."""
    if not _is_new(upload):
        return
    _check_size(upload, "document")
    extension = Path(upload.name or "").suffix.lower().lstrip(".")
    extension = "jpg" if extension == "jpeg" else extension
    if extension not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("Files of this type are not accepted. Accepted types: %(types)s."),
            code="document_type",
            params={"types": ", ".join(DOCUMENT_EXTENSIONS)},
        )
    if not _content_matches(upload, extension):
        raise ValidationError(
            _("The file’s content does not match its extension “.%(extension)s”."),
            code="document_content",
            params={"extension": extension},
        )
    if extension in ("png", "jpg"):
        validate_image_upload(upload)


def _content_matches(upload, extension):
    upload.seek(0)
    try:
        if not upload.read(16).startswith(_SIGNATURES[extension]):
            return False
        if extension not in _ZIP_MEMBERS:
            return True
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                return _ZIP_MEMBERS[extension] in archive.namelist()
        except zipfile.BadZipFile:
            return False
    finally:
        upload.seek(0)


class ImageUploadField(models.ImageField):
    """An image upload: JPEG, PNG or WebP, checked by validate_image_upload wherever it is saved."""

    default_validators = [validate_image_upload]


class DocumentUploadField(models.FileField):
    """A document upload (slides, reports, pictures), checked by validate_document_upload."""

    default_validators = [validate_document_upload]
