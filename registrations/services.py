"""Writes with side effects: registering, confirming, cancelling, checking in, and their mails.

Places are given under a lock on the event's RegistrationSettings row (SELECT ... FOR UPDATE on
PostgreSQL; SQLite serialises writers anyway), so two people confirming for the last place at
once cannot both get it.
"""

from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from content.mail import send_mail_later
from events.models import Attendance
from partners.models import Organisation

from . import links
from .calendars import ics_attachment
from .models import Registration, RegistrationSettings


class RateLimited(Exception):
    pass


def check_rate(email, ip):
    """Count one send of the public form; RateLimited past the limits per address or per IP."""
    window = settings.PORTAL_REGISTRATION_RATE_WINDOW
    limits = [
        (
            f"registrations:rate:email:{email.strip().lower()}",
            settings.PORTAL_REGISTRATION_RATE_PER_EMAIL,
        ),
        (f"registrations:rate:ip:{ip}", settings.PORTAL_REGISTRATION_RATE_PER_IP),
    ]
    for key, limit in limits:
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
        if count > limit:
            raise RateLimited


def start(registration, workshops=()):
    """Save a new (pending) registration and mail its confirm link."""
    registration.status = Registration.Status.PENDING
    registration.save()
    registration.workshops.set(workshops)
    _mail(registration, "registration_confirm", confirm_url=links.confirm_url(registration))
    return registration


def confirm(registration):
    """Confirm the address: a place if one is free, else the waiting list. Idempotent."""
    with transaction.atomic():
        _lock(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Registration.Status.PENDING:
            return registration
        registration.requested_at = timezone.now()
        registration.status = (
            Registration.Status.CONFIRMED
            if _has_free_place(registration.event_id)
            else Registration.Status.WAITLISTED
        )
        registration.save(update_fields=["status", "requested_at"])
        _mail_status(registration)
    return registration


def cancel(registration):
    """Cancel; a place given up goes to the first on the waiting list, who is mailed."""
    with transaction.atomic():
        _lock(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return registration
        registration.status = Registration.Status.CANCELLED
        registration.save(update_fields=["status"])
        _mail(registration, "registration_cancelled")
        fill_places(registration.event_id)
    return registration


def delete(registration):
    """Remove the person's data at their request, after giving up their place."""
    with transaction.atomic():
        cancel(registration)
        Registration.objects.filter(pk=registration.pk).delete()


def fill_places(event_id):
    """Move people up from the waiting list while there are free places (the caller holds the
    lock); returns those moved up."""
    moved = []
    for waiting in Registration.objects.filter(event_id=event_id).waiting():
        if not _has_free_place(event_id):
            break
        waiting.status = Registration.Status.CONFIRMED
        waiting.save(update_fields=["status"])
        _mail_status(waiting, promoted=True)
        moved.append(waiting)
    return moved


def _lock(event_id):
    settings_row = RegistrationSettings.objects.select_for_update().filter(event_id=event_id)
    return settings_row.first()


def _has_free_place(event_id):
    capacity = (
        RegistrationSettings.objects.filter(event_id=event_id)
        .values_list("capacity", flat=True)
        .first()
    )
    if capacity is None:
        return True
    taken = Registration.objects.filter(event_id=event_id).holding_places().count()
    return taken < capacity


def _mail_status(registration, promoted=False):
    confirmed = registration.status == Registration.Status.CONFIRMED
    template = "registration_confirmed" if confirmed else "registration_waitlisted"
    attachments = [ics_attachment(registration.event, registration.language)] if confirmed else []
    _mail(registration, template, attachments=attachments, promoted=promoted)


def _mail(registration, template, attachments=(), **context):
    send_mail_later(
        template,
        registration.email,
        registration.language,
        {
            "identity": links.project_of(registration),
            "registration": registration,
            "event": registration.event,
            "manage_url": links.manage_url(registration),
            **context,
        },
        attachments=attachments,
    )


def set_checked_in(registration, checked_in):
    registration.checked_in = checked_in
    registration.save(update_fields=["checked_in"])
    sync_attendance(registration.event)


def add_by_staff(registration, checked_in):
    """Save someone partner staff register: a walk-in who is here now (checked in, a place
    whatever the capacity), or a colleague, who gets a place if one is free and is mailed."""
    registration.requested_at = timezone.now()
    if checked_in:
        registration.status = Registration.Status.CONFIRMED
        registration.checked_in = registration.is_walk_in = True
        registration.save()
        sync_attendance(registration.event)
        return registration
    registration.status = Registration.Status.PENDING
    registration.save()
    return confirm(registration) if registration.email else _confirm_silently(registration)


def _confirm_silently(registration):
    with transaction.atomic():
        _lock(registration.event_id)
        free = _has_free_place(registration.event_id)
        registration.status = (
            Registration.Status.CONFIRMED if free else Registration.Status.WAITLISTED
        )
        registration.save(update_fields=["status"])
    return registration


def attendance_counts(event):
    """{(organisation pk, category): people checked in}. People whose organisation is only
    named are counted under the organisation of that name, when there is one."""
    by_name = {o.name.casefold(): o.pk for o in Organisation.objects.all()}
    counts = Counter()
    checked_in = Registration.objects.filter(event=event, checked_in=True)
    for organisation, name, category in checked_in.values_list(
        "organisation", "organisation_name", "category"
    ):
        organisation = organisation or by_name.get(name.strip().casefold())
        if organisation:
            counts[(organisation, category)] += 1
    return counts


@transaction.atomic
def sync_attendance(event):
    """Make the event's Attendance rows the counts of its check-ins, when it has any; rows
    entered by hand for an event without check-ins are left alone."""
    settings_row, _created = RegistrationSettings.objects.get_or_create(event=event)
    counts = attendance_counts(event)
    if not counts and not settings_row.attendance_derived:
        return
    Attendance.objects.filter(event=event).delete()
    Attendance.objects.bulk_create(
        Attendance(event=event, organisation_id=org, category=category, participants=n)
        for (org, category), n in sorted(counts.items())
    )
    settings_row.attendance_derived = bool(counts)
    settings_row.save(update_fields=["attendance_derived"])


def remove_old_data(today=None):
    """Anonymise the registrations past the retention period; returns how many."""
    due = list(Registration.objects.due_for_removal(today))
    for registration in due:
        registration.anonymise()
    return len(due)
