"""Signed links and the signed form timestamp: what lets a registrant act without an account.

A confirm link expires (PORTAL_REGISTRATION_CONFIRM_MAX_AGE); a manage link lasts as long as the
registration. Both carry the registration's random key, never its primary key.
"""

import time

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

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


def absolute(path):
    return settings.PORTAL_SITE_URL + path


def confirm_url(registration):
    with translation.override(registration.language):
        return absolute(
            reverse(
                "registrations:confirm",
                kwargs={"slug": registration.event.slug, "token": confirm_token(registration)},
            )
        )


def manage_url(registration):
    with translation.override(registration.language):
        return absolute(
            reverse(
                "registrations:manage",
                kwargs={"slug": registration.event.slug, "token": manage_token(registration)},
            )
        )


def form_stamp():
    return signing.dumps(time.time(), salt=FORM_SALT)


def form_age(stamp):
    """Seconds since the form was shown; BadLink if the stamp was altered or is too old."""
    shown = key_from(stamp, FORM_SALT, max_age=settings.PORTAL_REGISTRATION_FORM_MAX_AGE)
    return time.time() - float(shown)
