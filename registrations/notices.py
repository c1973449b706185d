"""Change notices: when a published event with registrations records an EventChange, each
confirmed registrant is told, in their language, what changed, with the updated ICS."""

from functools import partial

from django.db import transaction

from events.models import EventChange

from .calendars import ics_attachment
from .models import Registration
from .services import _mail


def on_change_saved(sender, instance, created, raw=False, **kwargs):
    """post_save of EventChange. After the commit, so that the mail shows the event as saved
    with it (the admin saves an event before its inline changes)."""
    if created and not raw:
        transaction.on_commit(partial(notify_change, instance.pk), robust=True)


def notify_change(change_id):
    """Mail the change to every confirmed registrant; returns how many were mailed."""
    change = EventChange.objects.select_related("event").filter(pk=change_id).first()
    if change is None or not change.event.is_published:
        return 0
    event = change.event
    registrations = Registration.objects.filter(event=event).holding_places().exclude(email="")
    sent = 0
    for registration in registrations:
        registration.event = event
        _mail(
            registration,
            "registration_changed",
            attachments=[ics_attachment(event, registration.language)],
            change=change,
        )
        sent += 1
    return sent
