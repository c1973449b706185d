"""Uploaded files served only to those who may see the item they belong to.

Every file under MEDIA_URL is served by `serve_media`: the file's name is looked up in the
fields that hold uploads, and the file is served only if its item is visible to the viewer by
the same rules the pages use (published()/visible_to(), the workspace's Access for partner
staff and coordinators). A name no row holds is a 404, so a guessed or orphaned file is never
served. Files of public items are sent with a public Cache-Control, the others as private.

Every storage works (the file system, an S3 bucket through STORAGES): the pages link each upload
here whatever the storage (content.uploads.media_url). A file on the local file system is handed
to the proxy with PORTAL_MEDIA_ACCEL_PREFIX set (e.g. "/protected-media/": an empty response with
X-Accel-Redirect, nginx sends the file from an `internal` location) or PORTAL_MEDIA_SENDFILE
(X-Sendfile, Apache's mod_xsendfile). Any other storage is never asked for a path: a public
file is redirected to where the storage serves it, a private one to a signed URL that expires
after PORTAL_MEDIA_SIGNED_URL_SECONDS if that is set and the storage's url() takes an `expire`;
otherwise the app streams the file from storage.open() (docs/deployment.md).
"""

import inspect
import mimetypes
import posixpath
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from content import images
from content.uploads import PUBLIC_FOLDERS, media_url
from events.models import Event, EventPhoto, Material
from practices.models import GoodPractice
from workspace.access import Access

PUBLIC_MAX_AGE = 3600  # an item taken off the site leaves shared caches within the hour
# A redirect to where a storage serves a public file is cached for less than any signed URL
# lives (django-storages signs for an hour by default).
REDIRECT_MAX_AGE = 300
_WIDTHS = "|".join(map(str, images.WIDTHS))
_RENDITION = re.compile(rf"^(?P<stem>.+)-(?:{_WIDTHS})w\.webp$")


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
    if path.startswith(PUBLIC_FOLDERS):
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


def local_path(storage, name):
    """The file's path on this machine, or None for a storage that does not keep its files
    on the file system (a bucket; Django's InMemoryStorage answers path() with a path where
    no file is): only the file system storage's paths are used."""
    return storage.path(name) if isinstance(storage, FileSystemStorage) else None


def direct_url(storage, name, public):
    """Where the storage itself serves the file, if the viewer may be sent there: a public
    file's URL unless it is this view's own; a private one's only when signed to expire after
    PORTAL_MEDIA_SIGNED_URL_SECONDS. None: the app streams the file."""
    if public:
        url = storage.url(name)
        own = urlsplit(media_url(storage, name)).path
        parts = urlsplit(url)
        return None if (not parts.netloc and parts.path == own) else url
    seconds = settings.PORTAL_MEDIA_SIGNED_URL_SECONDS
    if seconds and "expire" in inspect.signature(storage.url).parameters:
        return storage.url(name, expire=seconds)
    return None


def _content_type(path):
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


def _streamed(storage, path):
    response = FileResponse(storage.open(path, "rb"), content_type=_content_type(path))
    try:
        modified = storage.get_modified_time(path)
    except NotImplementedError:
        modified = None
    if modified is not None:
        response["Last-Modified"] = http_date(modified.timestamp())
    return response


@require_safe
def serve_media(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or path in ("", ".") or "\x00" in path:
        raise Http404
    if not _visible(path, request.user, _access(request)):
        raise Http404
    public = is_public(path) if request.user.is_authenticated else True
    storage = default_storage
    if not storage.exists(path):
        raise Http404
    local = local_path(storage, path)
    accel = settings.PORTAL_MEDIA_ACCEL_PREFIX
    redirect = None if local is not None else direct_url(storage, path, public)
    if redirect:
        response = HttpResponseRedirect(redirect)
    elif local is not None and accel:
        response = HttpResponse()
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + path
        response["Content-Type"] = _content_type(path)
    elif local is not None and settings.PORTAL_MEDIA_SENDFILE:
        response = HttpResponse()
        response["X-Sendfile"] = local
        response["Content-Type"] = _content_type(path)
    else:
        response = _streamed(storage, path)
    if not public:
        response["Cache-Control"] = "private, no-store"
    elif redirect:
        response["Cache-Control"] = f"public, max-age={REDIRECT_MAX_AGE}"
    else:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
