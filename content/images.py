"""Uploaded images made safe and light once, when they are stored, never on a page view.

`store()` re-encodes the original without its metadata (EXIF with GPS, XMP, comments), turned
the way the camera meant, under a random name with the extension of its real format, and writes
one WebP rendition per width in WIDTHS beside it. Pages only compute the renditions' names
(`rendition_name`), so showing an image reads no file.
"""

import io
import posixpath
import uuid

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Card, half-page and full-page widths (the srcset); a smaller original is not enlarged.
WIDTHS = (320, 640, 1280)
# The stored original keeps its format; its extension is the format's, not the uploader's.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
_QUALITY = {"JPEG": 90, "WEBP": 90}
RENDITION_QUALITY = 80


def random_name(extension):
    """A name no one can guess or collide with: a random hex stem and the format's extension."""
    return f"{uuid.uuid4().hex}.{extension}"


def rendition_name(name, width):
    """The storage name of the `width` rendition of the stored image `name`."""
    stem, _extension = posixpath.splitext(name)
    return f"{stem}-{width}w.webp"


def rendition_names(name):
    return [rendition_name(name, width) for width in WIDTHS]


class CleanImage:
    """An uploaded image decoded once: its pixels, upright, and its format, without metadata."""

    def __init__(self, upload):
        upload.seek(0)
        with Image.open(upload) as source:
            self.format = source.format
            # Only the first frame of an animation: a lead image or a photo is a still.
            upright = ImageOps.exif_transpose(source)
            upright.load()
        upload.seek(0)
        if "transparency" in upright.info:  # kept in the pixels, as the info goes
            upright = upright.convert("RGBA")
        upright.info = {}  # no EXIF, XMP or comments travel into any file written from it
        if self.format not in EXTENSIONS:  # the validators refuse it before any save
            raise ValueError(f"{self.format} images are not stored.")
        self.image = upright
        self.extension = EXTENSIONS[self.format]

    def original(self):
        """The original's bytes, re-encoded in its own format without any metadata."""
        image = self.image
        if self.format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        return _encode(image, self.format, quality=_QUALITY.get(self.format))

    def rendition(self, width):
        """A WebP at most `width` pixels wide, in proportion."""
        image = self.image
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if _has_alpha(image) else "RGB")
        else:
            image = image.copy()
        image.thumbnail((width, width * 100), Image.Resampling.LANCZOS)
        return _encode(image, "WEBP", quality=RENDITION_QUALITY)


def _has_alpha(image):
    return image.mode in ("LA", "PA", "P")


def _encode(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, image_format, **{k: v for k, v in options.items() if v is not None})
    return ContentFile(buffer.getvalue())


def store_renditions(storage, name, clean):
    """Write each width's rendition of the stored image `name` (replacing an older one)."""
    for width in WIDTHS:
        target = rendition_name(name, width)
        if storage.exists(target):
            storage.delete(target)
        storage.save(target, clean.rendition(width))


def delete(storage, name):
    """Delete a stored image and its renditions."""
    for target in [name, *rendition_names(name)]:
        storage.delete(target)


def srcset(name, rendition_url):
    """The srcset of a stored image: each rendition's URL (rendition_url(width)) with its width."""
    return ", ".join(f"{rendition_url(w)} {w}w" for w in WIDTHS)


def make_missing_renditions(field_file):
    """Write the renditions of an image stored before they existed (or restored from a backup
    without them); returns True if it wrote any."""
    storage, name = field_file.storage, field_file.name
    if all(storage.exists(target) for target in rendition_names(name)):
        return False
    with storage.open(name, "rb") as stored:
        clean = CleanImage(stored)
    store_renditions(storage, name, clean)
    return True


def og_image_url(request, field_file):
    """The absolute URL of the largest rendition, for og:image; "" without an image."""
    return request.build_absolute_uri(field_file.url_1280) if field_file else ""
