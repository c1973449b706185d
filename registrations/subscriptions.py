"""Subscriptions: confirm, unsubscribe, and the mails of new published events and practices.

Every mail carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058): a mail client's
one-click unsubscribe is a POST to the signed link, which needs no session and no CSRF token.
"""

from functools import partial

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from content.mail import send_mail_later
from events.models import Event
from practices.models import GoodPractice

from . import links
from .models import Announcement, Subscription

SUBSCRIPTION_SALT = "registrations.subscription"
UNSUBSCRIBE_SALT = "registrations.unsubscribe"


def token(subscription, salt):
    return signing.dumps(str(subscription.key), salt=salt, compress=True)


def url(subscription, name, salt):
    with translation.override(subscription.language), links.default_urlconf():
        path = reverse(f"subscriptions:{name}", kwargs={"token": token(subscription, salt)})
    return links.absolute(path, subscription)


def start(subscription):
    subscription.save()
    confirm_url = url(subscription, "confirm", SUBSCRIPTION_SALT)
    _mail(subscription, "subscription_confirm", confirm_url=confirm_url)


def confirm(subscription):
    Subscription.objects.filter(pk=subscription.pk).update(is_confirmed=True)


def unsubscribe(subscription):
    Subscription.objects.filter(pk=subscription.pk).delete()


def _mail(subscription, template, **context):
    unsubscribe_url = url(subscription, "unsubscribe", UNSUBSCRIBE_SALT)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    items = context.get("items", ())
    with translation.override(subscription.language), links.default_urlconf():
        paths = [item.get_absolute_url() for item in items]
    send_mail_later(
        template,
        subscription.email,
        subscription.language,
        {
            "identity": links.project_of(subscription),
            "subscription": subscription,
            "unsubscribe_url": unsubscribe_url,
            "entries": [
                (item, links.absolute(path, subscription))
                for item, path in zip(items, paths, strict=True)
            ],
            **context,
        },
        headers=headers,
    )


def on_item_saved(sender, instance, raw=False, **kwargs):
    """post_save of Event and GoodPractice; after the commit, when the themes are saved too."""
    if raw:
        return
    kind = "event" if isinstance(instance, Event) else "practice"
    published = type(instance).objects.all().published_values
    if any(getattr(instance, field) != value for field, value in published.items()):
        return  # a draft, or taken off the site: nothing to announce
    transaction.on_commit(partial(announce, kind, instance.pk), robust=True)


def _published(kind, pk):
    if kind == "event":
        return (
            Event.objects.published()
            .select_related("host")
            .prefetch_related("themes", "participations")
            .filter(pk=pk)
            .first()
        )
    return GoodPractice.objects.published().prefetch_related("themes").filter(pk=pk).first()


def announce(kind, pk):
    """Mail a newly published item to the per-item subscribers who asked for it, once."""
    item = _published(kind, pk)
    if item is None:
        return 0
    try:
        with transaction.atomic():
            Announcement.objects.create(kind=kind, object_id=pk)
    except IntegrityError:
        return 0  # announced before
    sent = 0
    subscriptions = Subscription.objects.filter(
        is_confirmed=True, frequency=Subscription.Frequency.ITEM
    )
    for subscription in subscriptions:
        if subscription.wants(item):
            _mail(subscription, "subscription_item", items=[item])
            sent += 1
    return sent


def send_digests(now=None):
    """Mail each weekly subscriber what was announced since their last digest; returns how
    many mails were queued."""
    now = now or timezone.now()
    sent = 0
    subscriptions = Subscription.objects.filter(
        is_confirmed=True, frequency=Subscription.Frequency.WEEKLY
    )
    for subscription in subscriptions:
        since = subscription.last_digest_at or subscription.created_at
        announced = Announcement.objects.filter(published_at__gt=since, published_at__lte=now)
        items = [
            item
            for a in announced
            if (item := _published(a.kind, a.object_id)) and subscription.wants(item)
        ]
        if items:
            _mail(subscription, "subscription_digest", items=items)
            sent += 1
        Subscription.objects.filter(pk=subscription.pk).update(last_digest_at=now)
    return sent
