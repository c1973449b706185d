"""Slugs allocated safely when two editors save the same title at the same moment."""

from itertools import count

from django.db import IntegrityError, transaction
from django.utils.text import slugify


def slug_candidates(model, text, max_length=100):
    """The slugs to try for text, in order: its own, then -2, -3…, each free when offered."""
    base = slugify(text)[:max_length].strip("-") or "item"
    for n in count(1):
        slug = base if n == 1 else f"{base[: max_length - 6]}-{n}"
        if not model._default_manager.filter(slug=slug).exists():
            yield slug


def save_with_unique_slug(instance, text, save, max_length=100):
    """Give the new instance a free slug from text and call save(); if another save took that
    slug between the check and the insert (the unique index refuses it), the insert is rolled
    back to its savepoint and tried again with the next free one. Returns what save returns."""
    model = type(instance)
    for slug in slug_candidates(model, text, max_length):
        instance.slug = slug
        try:
            with transaction.atomic():
                return save()
        except IntegrityError:
            if not model._default_manager.filter(slug=slug).exists():
                raise  # another constraint than the slug's
            instance.pk, instance._state.adding = None, True
