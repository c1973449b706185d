"""Signed links and the signed form timestamp: what lets a registrant act without an account.

A confirm link expires (PORTAL_REGISTRATION_CONFIRM_MAX_AGE); a manage link lasts as long as the
registration. Both carry the registration's random key, never its primary key.

Every link a mail carries is on the site of the registration's (or subscription's) project,
whatever the project being served when the mail is written (a request, an on_commit callback,
a command or the worker): the path of the default project's URLconf, made absolute by
Project.absolute_url().
"""

import time
from contextlib import contextmanager

from django.conf import settings
from django.core import signing
from django.urls import get_urlconf, reverse, set_urlconf
from django.utils import translation

from content.site import all_projects

CONFIRM_SALT = "registrations.confirm"
MANAGE_SALT = "registrations.manage"
FORM_SALT = "registrations.form"


class BadLink(Exception):
    """A link that was tampered with, or has expired (`expired` says which)."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "bad signature")
        self.expired = expired


def confirm_token(registration):
    return signing.dumps(str(registration.key), salt=CONFIRM_SALT, compress=True)


def manage_token(registration):
    return signing.dumps(str(registration.key), salt=MANAGE_SALT, compress=True)


def key_from(token, salt, max_age=None):
    """The registration key a token carries; BadLink if it was altered or is too old."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadLink(expired=True) from error
    except signing.BadSignature as error:
        raise BadLink() from error


@contextmanager
def default_urlconf():
    """reverse() and get_absolute_url() give paths of the default project's URLconf, as
    Project.absolute_url() takes them, even in a request of a project under its own path."""
    previous = get_urlconf()
    set_urlconf(None)
    try:
        yield
    finally:
        set_urlconf(previous)


def project_of(row):
    """The project of a registration, a subscription or an event, read from the cached list."""
    project_id = row.project_id if hasattr(row, "project_id") else row.event.project_id
    return next(p for p in all_projects() if p.pk == project_id)


def absolute(path, row):
    """The full address of `path` (of the default URLconf) on the site of row's project."""
    return project_of(row).absolute_url(path)


def _registration_url(registration, name, token):
    with translation.override(registration.language), default_urlconf():
        path = reverse(name, kwargs={"slug": registration.event.slug, "token": token})
    return absolute(path, registration)


def confirm_url(registration):
    return _registration_url(registration, "registrations:confirm", confirm_token(registration))


def manage_url(registration):
    return _registration_url(registration, "registrations:manage", manage_token(registration))


def form_stamp():
    return signing.dumps(time.time(), salt=FORM_SALT)


def form_age(stamp):
    """Seconds since the form was shown; BadLink if the stamp was altered or is too old."""
    shown = key_from(stamp, FORM_SALT, max_age=settings.PORTAL_REGISTRATION_FORM_MAX_AGE)
    return time.time() - float(shown)
