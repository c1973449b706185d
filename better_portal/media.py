"""Uploaded files served only to those who may see the item they belong to.

Every file under MEDIA_URL is served by `serve_media`: the file's name is looked up in the
fields that hold uploads, and the file is served only if its item is visible to the viewer by
the same rules the pages use (published()/visible_to(), the workspace's Access for partner
staff and coordinators). A name no row holds is a 404, so a guessed or orphaned file is never
served. Files of public items are sent with a public Cache-Control, the others as private.

With PORTAL_MEDIA_ACCEL_PREFIX set (e.g. "/protected-media/"), the response is an empty one
with X-Accel-Redirect, and nginx sends the file from an `internal` location; with
PORTAL_MEDIA_SENDFILE, an X-Sendfile header for Apache's mod_xsendfile (docs/deployment.md).
"""

import mimetypes
import posixpath
import re

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from content import images
from events.models import Event, EventPhoto, Material
from practices.models import GoodPractice
from workspace.access import Access

PUBLIC_MAX_AGE = 3600  # an item taken off the site leaves shared caches within the hour
_WIDTHS = "|".join(map(str, images.WIDTHS))
_RENDITION = re.compile(rf"^(?P<stem>.+)-(?:{_WIDTHS})w\.webp$")
# Upload folders of items that are always public (partner logos, the site identity's logos).
_PUBLIC_FOLDERS = ("logos/", "identity/")


def stored_names(path):
    """The names an uploaded original may be stored under for the file `path`: the path
    itself, and for a rendition the original's name in each image format."""
    names = [path]
    match = _RENDITION.match(path)
    if match:
        names += [f"{match['stem']}.{ext}" for ext in images.EXTENSIONS.values()]
    return names


def _access(request):
    if not request.user.is_authenticated:
        return None
    access = Access.for_user(request.user)
    return access if access.may_use_workspace else None


def is_public(path):
    """True if the file belongs to an item the public sees; None if no item holds it."""
    return _visible(path, user=None, access=None)


def _visible(path, user, access):
    """Whether the item holding `path` is visible: True/False, or None when none holds it."""
    from django.contrib.auth.models import AnonymousUser

    user = user or AnonymousUser()
    names = stored_names(path)
    if path.startswith(_PUBLIC_FOLDERS):
        return True
    if path.startswith("events/photos/"):
        photo = EventPhoto.objects.filter(image__in=names).values("pk", "event_id").first()
        if photo is None:
            return None
        if EventPhoto.objects.public().filter(pk=photo["pk"]).exists():
            return True
        # Not yet approved or cleared, or of an unpublished event: only the workspace's users
        # who may open the event (its partner's staff, coordinators).
        return access is not None and access.events().filter(pk=photo["event_id"]).exists()
    if path.startswith("events/"):
        event = Event.objects.filter(image__in=names).values("pk").first()
        return _visible_event(event and event["pk"], user, access)
    if path.startswith("materials/"):
        material = Material.objects.filter(file__in=names).values("workshop__event").first()
        return _visible_event(material and material["workshop__event"], user, access)
    if path.startswith("practices/"):
        practice = GoodPractice.objects.filter(image__in=names).values("pk").first()
        if practice is None:
            return None
        pk = practice["pk"]
        if GoodPractice.objects.visible_to(user).filter(pk=pk).exists():
            return True
        return access is not None and access.practices().filter(pk=pk).exists()
    return None


def _visible_event(pk, user, access):
    if pk is None:
        return None
    if Event.objects.visible_to(user).filter(pk=pk).exists():
        return True
    return access is not None and access.events().filter(pk=pk).exists()


@require_safe
def serve_media(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or path in ("", ".") or "\x00" in path:
        raise Http404
    if not _visible(path, request.user, _access(request)):
        raise Http404
    public = is_public(path) if request.user.is_authenticated else True
    if not default_storage.exists(path):
        raise Http404
    accel = settings.PORTAL_MEDIA_ACCEL_PREFIX
    if accel:
        response = HttpResponse()
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + path
        response["Content-Type"] = mimetypes.guess_type(path)[0] or "application/octet-stream"
    elif settings.PORTAL_MEDIA_SENDFILE:
        response = HttpResponse()
        response["X-Sendfile"] = default_storage.path(path)
        response["Content-Type"] = mimetypes.guess_type(path)[0] or "application/octet-stream"
    else:
        response = FileResponse(default_storage.open(path, "rb"))
        response["Last-Modified"] = http_date(default_storage.get_modified_time(path).timestamp())
    if public:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    else:
        response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
