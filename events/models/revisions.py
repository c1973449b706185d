from django.db import models
from django.utils.translation import gettext_lazy as _

from content import languages


def revision_columns(*names, translated=()):
    """The attribute names of the fields, every language's column of the translated ones."""
    return (*names, *(languages.column(n, code) for n in translated for code in languages.codes()))


class CalendarRevised(models.Model):
    """A row whose calendar entry subscribers follow: every save that changes one of
    REVISION_FIELDS raises calendar_revision, which the calendars add to their SEQUENCE
    (RFC 5545: clients apply an update only when its SEQUENCE is higher)."""

    REVISION_FIELDS = ()

    calendar_revision = models.PositiveIntegerField(
        _("calendar revision"), default=0, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        before = getattr(self, "_revision_state", None)
        now = self._revision_values()
        if before is not None and any(before[k] != v for k, v in now.items() if k in before):
            self.calendar_revision += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "calendar_revision"}
        super().save(*args, **kwargs)
        self._revision_state = self._revision_values()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._revision_state = instance._revision_values()
        return instance

    def _revision_values(self):
        # From __dict__, so that a deferred field is never loaded just to be compared.
        return {name: self.__dict__[name] for name in self.REVISION_FIELDS if name in self.__dict__}
