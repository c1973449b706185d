"""Writes of the workspace and the review: each keeps a history entry with who and why."""

import logging
import posixpath
import re
from functools import partial

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from content import images
from content.mail import send_mail_later
from content.slugs import save_with_unique_slug
from events.models import Event, EventPhoto, Participation
from partners.models import Person

from .access import reviewers

logger = logging.getLogger(__name__)

# Stored in the history as data, in English, whatever the editor's language.
REASON_CREATED = "Created in the workspace"
REASON_EDITED = "Edited in the workspace"
REASON_SUBMITTED = "Submitted for review"
REASON_RETURNED = "Returned for changes"
REASON_APPROVED = "Approved and published"
REASON_PHOTO_CAPTIONED = "Changed the caption of photo %s"
REASON_PHOTO_DELETED = "Deleted photo %s"
# What readers see of each stored reason, in the page's language (see reason_display()).
_REASON_LABELS = {
    REASON_CREATED: _("Created in the workspace"),
    REASON_EDITED: _("Edited in the workspace"),
    REASON_SUBMITTED: _("Submitted for review"),
    REASON_RETURNED: _("Returned for changes"),
    REASON_APPROVED: _("Approved and published"),
}
_REASON_PATTERNS = [
    (re.compile(r"^Changed the caption of photo (.+)$"), _("Changed the caption of photo %s")),
    (re.compile(r"^Deleted photo (.+)$"), _("Deleted photo %s")),
]


def reason_display(reason):
    """A history entry's reason in the active language: reasons are stored in English (data, so
    every reader's language can be shown), and any other text is shown as written."""
    if reason in _REASON_LABELS:
        return str(_REASON_LABELS[reason])
    for pattern, label in _REASON_PATTERNS:
        match = pattern.match(reason or "")
        if match:
            return label % match.group(1)
    return reason


# The length of django-simple-history's history_change_reason column.
REASON_MAX_LENGTH = 100


def _save_with_history(instance, user, reason):
    instance._history_user = user
    instance._change_reason = reason
    instance.save()


@transaction.atomic
def save_study_visit(form, attendance_formset, participants, photos, user):
    """Save a study visit from the workspace with its participants, attendance and photos."""
    event = form.instance
    event._history_user = user
    if event.pk:
        event.claim_version(form.cleaned_data["seen_version"])
        event._change_reason = REASON_EDITED
        event = form.save()
    else:
        event._change_reason = REASON_CREATED
        event = save_with_unique_slug(event, form.cleaned_data["title_en"], form.save)
    _sync_participants(event, participants)
    attendance_formset.instance = event
    attendance_formset.save()
    cleared = form.cleaned_data.get("photos_cleared", False)
    for image in photos:
        EventPhoto.objects.create(event=event, image=image, uploaded_by=user, is_cleared=cleared)
    return event


def _sync_participants(event, organisations):
    wanted = set(organisations)
    role = Participation.Role.PARTICIPANT
    current = {p.organisation: p for p in event.participations.filter(role=role)}
    for organisation, participation in current.items():
        if organisation not in wanted:
            participation.delete()
    for organisation in wanted - current.keys():
        Participation.objects.create(event=event, organisation=organisation, role=role)


@transaction.atomic
def save_practice(form, user):
    practice = form.instance
    practice._history_user = user
    if practice.pk:
        practice.claim_version(form.cleaned_data["seen_version"])
        practice._change_reason = REASON_EDITED
        return form.save()
    practice._change_reason = REASON_CREATED
    return save_with_unique_slug(practice, form.cleaned_data["title_en"], form.save)


@transaction.atomic
def caption_photo(form, user):
    """Save a photo's new caption; the visit's history keeps who changed it and when.
    Raises EditConflict if someone else saved the photo since the form's check."""
    form.instance.claim_version(form.cleaned_data["seen_version"])
    photo = form.save()
    _record_photo_change(photo, user, REASON_PHOTO_CAPTIONED)
    return photo


@transaction.atomic
def delete_photo(photo, user):
    """Delete a photo of a visit, and its file from the storage once the deletion is committed
    (a rolled-back deletion keeps its file). The visit's history keeps who deleted it and when."""
    storage, name = photo.image.storage, photo.image.name
    _record_photo_change(photo, user, REASON_PHOTO_DELETED)
    photo.delete()
    transaction.on_commit(partial(_delete_files, storage, name))


def _record_photo_change(photo, user, reason):
    # A history entry for the visit as it stands, without saving it: its version stays, so
    # whoever is editing the visit's text meanwhile is not told of a conflict that is none.
    event = Event.objects.get(pk=photo.event_id)
    name = posixpath.basename(photo.image.name)
    Event.history.bulk_history_create(
        [event],
        update=True,
        default_user=user,
        default_change_reason=(reason % name)[:REASON_MAX_LENGTH],
    )


def _delete_files(storage, name):
    try:
        images.delete(storage, name)
    except Exception:  # any storage's error (disk, S3): the photo itself is already gone
        logger.exception("Could not delete the file %s of a deleted photo", name)


@transaction.atomic
def submit(item, user, link=""):
    """Send a draft or returned item to the coordinators; it can no longer be edited.

    Every coordinator with an address is mailed, each in their language, with the link to the
    item in the review queue; the mails leave once the submission is committed.
    """
    item.claim_version(item.version)
    item.mark_submitted(user)
    _save_with_history(item, user, REASON_SUBMITTED)
    _mail_coordinators(item, user, link)


@transaction.atomic
def approve(item, user, link=""):
    """Approve and publish, with a visit's photos; the submitter is mailed once the approval
    is committed."""
    item.claim_version(item.version)
    item.mark_approved()
    _save_with_history(item, user, REASON_APPROVED)
    if isinstance(item, Event):
        # The photos were reviewed with the visit; only those cleared will be shown.
        item.photos.update(is_approved=True)
    _mail_submitter(item, "review_approved", {"item": item, "link": link})


@transaction.atomic
def return_for_changes(item, user, comment, link=""):
    """Send an item back to its partner with the coordinators' comment; they are mailed once
    the decision is committed."""
    item.claim_version(item.version)
    item.mark_returned(comment)
    _save_with_history(item, user, REASON_RETURNED)
    context = {"item": item, "comment": comment, "link": link}
    _mail_submitter(item, "review_returned", context)


def _mail_submitter(item, template, context):
    user = item.submitted_by
    if user is not None:
        send_mail_later(template, _email_of(user), Person.language_of(user), context)


def _email_of(user):
    if user.email:
        return user.email
    person = getattr(user, "person", None)
    return person.email if person else ""


def _mail_coordinators(item, user, link):
    # The item itself: its title and its partner's name are read in each recipient's language.
    context = {
        "item": item,
        "is_visit": isinstance(item, Event),
        "person": _person_name(user),
        "link": link,
    }
    coordinators = reviewers().exclude(pk=user.pk).exclude(email="").select_related("person")
    languages = {}  # one mail per address, in the language of its first login
    for coordinator in coordinators:
        languages.setdefault(coordinator.email, Person.language_of(coordinator))
    for address, language in languages.items():
        send_mail_later("review_submitted", address, language, context, reply_to=user.email)


def _person_name(user):
    person = getattr(user, "person", None)
    return (person.full_name if person else "") or user.get_full_name() or user.get_username()
