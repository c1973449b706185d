"""IANA timezone choices and validation, shared by every model that stores a zone name."""

import zoneinfo
from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


@cache
def timezone_choices():
    """Every IANA zone name the system knows, sorted, as form choices."""
    names = sorted(
        n
        for n in zoneinfo.available_timezones()
        if "/" in n and not n.startswith(("Etc/", "SystemV/"))
    )
    return [("UTC", "UTC")] + [(n, n.replace("_", " ")) for n in names]


def validate_timezone(value):
    """Raise a ValidationError unless value is a known IANA zone name."""
    if value not in {name for name, _label in timezone_choices()}:
        raise ValidationError(
            _("“%(value)s” is not a known time zone (expected a name such as Europe/Tallinn)."),
            code="invalid_timezone",
            params={"value": value},
        )


class TimeZoneField(models.CharField):
    """A CharField holding an IANA zone name, offered as a choice list in forms.

    The choices are not part of the field's deconstruction, so a new tzdata release never asks
    for a migration.
    """

    default_validators = [validate_timezone]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 64)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        choices = timezone_choices()
        if self.blank:
            choices = [("", "---------")] + choices
        return forms.ChoiceField(
            choices=choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            initial=self.get_default() or None,
        )
