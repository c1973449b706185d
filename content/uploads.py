"""Validation of uploaded files: size, type, and content checked against the claimed type.

The validators sit on the model fields (`ImageUploadField`, `DocumentUploadField`), so the admin,
the workspace's forms and `import_data` refuse the same files. The size limits are settings
(`PORTAL_UPLOAD_MAX_BYTES`), read at validation time.

Whatever name a file is uploaded under, it is stored under a random one with the extension of
its detected format; images are re-encoded without their metadata, with their renditions
(content/images.py).
"""

import zipfile
from pathlib import Path
from urllib.parse import urljoin

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.encoding import filepath_to_uri
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image

from . import images, languages

# More pixels than any logo or photo needs, well below Pillow's decompression-bomb limit.
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# The extensions an uploaded image's name may end in, by its detected format.
IMAGE_EXTENSIONS = {"JPEG": ["jpg", "jpeg"], "PNG": ["png"], "WEBP": ["webp"]}
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
# What tells the Office Open XML formats apart: the main part each archive must hold.
_OOXML_PARTS = {
    "docx": "word/document.xml",
    "pptx": "ppt/presentation.xml",
    "xlsx": "xl/workbook.xml",
}
# And the OpenDocument formats: the media type in their `mimetype` member.
_OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "odp": b"application/vnd.oasis.opendocument.presentation",
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
    verify, with at most MAX_IMAGE_PIXELS pixels, whose name ends in its format's extension."""
    if not _is_new(upload):
        return
    _check_size(upload, "image")
    image_format = _verified_image_format(upload)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted. Upload a JPEG, PNG or WebP image."),
            code="image_format",
            params={"format": image_format},
        )
    extension = Path(upload.name or "").suffix.lower().lstrip(".")
    if extension not in IMAGE_EXTENSIONS[image_format]:
        raise ValidationError(
            _(
                "The file is a %(format)s image, but its name ends in “.%(extension)s”. "
                "Name it “.%(expected)s”, or upload another file."
            ),
            code="image_extension",
            params={
                "format": IMAGE_FORMATS[image_format],
                "extension": extension,
                "expected": IMAGE_EXTENSIONS[image_format][0],
            },
        )


def _verified_image_format(upload):
    """The image's format, once Pillow has read its header and verified it; refuses broken
    files and images with more than MAX_IMAGE_PIXELS pixels."""
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format = image.format
            _check_pixels(*image.size)
            image.verify()
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:  # far more pixels than Pillow will open
        raise _too_many_pixels() from error
    except Exception as error:  # Pillow raises many types for broken or hostile files
        raise ValidationError(
            _("The file is not an image, or it is damaged. Upload a JPEG, PNG or WebP image."),
            code="invalid_image",
        ) from error
    finally:
        upload.seek(0)
    return image_format


def _check_pixels(width, height):
    if width * height > MAX_IMAGE_PIXELS:
        raise _too_many_pixels(width, height)


def _too_many_pixels(width=None, height=None):
    limit = number_format(MAX_IMAGE_PIXELS // 1_000_000)
    if width is None:
        return ValidationError(
            _(
                "The image is too large in pixels: at most %(limit)s million pixels are "
                "accepted (for example 8000 × 5000). Make it smaller."
            ),
            code="image_too_many_pixels",
            params={"limit": limit},
        )
    return ValidationError(
        _(
            "The image is %(width)s × %(height)s pixels, too large in pixels: at most "
            "%(limit)s million pixels are accepted (for example 8000 × 5000). Make it smaller."
        ),
        code="image_too_many_pixels",
        params={"width": width, "height": height, "limit": limit},
    )


def validate_document_upload(upload):
    """Accept a file within the document size limit whose extension is allowed and whose
    content matches it."""
    if not _is_new(upload):
        return
    _check_size(upload, "document")
    extension = _document_extension(upload.name)
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


def _document_extension(name):
    extension = Path(name or "").suffix.lower().lstrip(".")
    return "jpg" if extension == "jpeg" else extension


def _content_matches(upload, extension):
    """True if the file's first bytes, and for an archive its members, are those of the
    format its extension names: a presentation named .docx does not match."""
    upload.seek(0)
    try:
        if not upload.read(16).startswith(_SIGNATURES[extension]):
            return False
        if _SIGNATURES[extension] != _ZIP:
            return True
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                return _archive_format(archive) == extension
        except zipfile.BadZipFile:
            return False
    finally:
        upload.seek(0)


def _archive_format(archive):
    names = set(archive.namelist())
    if "mimetype" in names:
        media_type = archive.read("mimetype").strip()
        return next((e for e, t in _OPENDOCUMENT_TYPES.items() if t == media_type), None)
    if "[Content_Types].xml" in names:
        return next((e for e, part in _OOXML_PARTS.items() if part in names), None)
    return None


# Upload folders of items that are always public (partner logos, the site identity's logos).
PUBLIC_FOLDERS = ("logos/", "identity/")


def media_url(storage, name):
    """The URL of a stored upload. Whatever the storage (the file system, a bucket), it is the
    app's own under MEDIA_URL, whose view serves the file only to those who may see its item
    (better_portal/media.py): a draft's file is never linked where anyone may fetch it. The
    always-public folders' files are linked where the storage serves them."""
    if name.startswith(PUBLIC_FOLDERS):
        return storage.url(name)
    return urljoin(settings.MEDIA_URL, filepath_to_uri(name).lstrip("/"))


class AppServedFile:
    """A stored upload whose URL is media_url()'s."""

    @property
    def url(self):
        self._require_file()
        return media_url(self.storage, self.name)


class DocumentFieldFile(AppServedFile, FieldFile):
    """A stored document under a random name with the extension its content was validated
    against; a picture among the documents loses its metadata as every image does."""

    def save(self, name, content, save=True):
        extension = _document_extension(name)
        if extension in ("png", "jpg"):
            clean = images.CleanImage(content)
            extension, content = clean.extension, clean.original()
        super().save(images.random_name(extension), content, save)


class ImageUploadFieldFile(AppServedFile, ImageFieldFile):
    """The stored image: metadata-free, under a random name, with its renditions (srcset)."""

    def save(self, name, content, save=True):
        clean = images.CleanImage(content)
        super().save(images.random_name(clean.extension), clean.original(), save)
        images.store_renditions(self.storage, self.name, clean)

    def delete(self, save=True):
        if self.name:
            for target in images.rendition_names(self.name):
                self.storage.delete(target)
        super().delete(save)

    @property
    def srcset(self):
        return images.srcset(self.name, self.rendition_url) if self.name else ""

    def rendition_url(self, width):
        if not self.name:
            return ""
        return media_url(self.storage, images.rendition_name(self.name, width))

    @property
    def url_320(self):
        """The smallest rendition: thumbnails in lists and the admin."""
        return self.rendition_url(320)

    @property
    def url_640(self):
        """The middle rendition: the src for browsers without srcset."""
        return self.rendition_url(640)

    @property
    def url_1280(self):
        """The largest rendition: og:image."""
        return self.rendition_url(1280)


class ImageFormField(forms.ImageField):
    """Checks the file as the model field will before Django's own image check, so a
    refused image gets the portal's message (too many pixels, wrong format), not Django's
    catch-all “not an image or a corrupted image”."""

    def to_python(self, data):
        if data not in self.empty_values:
            validate_image_upload(data)
        return super().to_python(data)


class ImageUploadField(models.ImageField):
    """An image upload: JPEG, PNG or WebP, checked by validate_image_upload wherever it is saved,
    stored as ImageUploadFieldFile stores it."""

    attr_class = ImageUploadFieldFile
    default_validators = [validate_image_upload]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})


class DocumentUploadField(models.FileField):
    """A document upload (slides, reports, pictures), checked by validate_document_upload and
    stored under a random name."""

    attr_class = DocumentFieldFile
    default_validators = [validate_document_upload]


def require_image_alt(instance, image="image", alt="image_alt"):
    """For Model.clean(): an image needs its text alternative in the main language."""
    column = languages.column(alt, languages.default())
    if getattr(instance, image) and not (getattr(instance, column, "") or "").strip():
        raise ValidationError(
            {column: _("Describe the image for people who cannot see it.")},
            code="image_alt_missing",
        )
