from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Versioned
from content.scoping import project_scoped

from .events import Event


class EventChange(Versioned):
    """A recorded change of a published event's dates, place or format, with its reason."""

    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="changes"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    previous_start_date = models.DateField(_("previous start date"), null=True, blank=True)
    previous_end_date = models.DateField(_("previous end date"), null=True, blank=True)
    previous_date_precision = models.CharField(
        _("precision of the previous date"),
        max_length=5,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text=_("“Month” shows “March 2020” rather than a day."),
    )
    previous_city = models.CharField(_("previous city"), max_length=100, blank=True)
    previous_format = models.CharField(
        _("previous format"), max_length=10, choices=Event.Format.choices, blank=True
    )
    previous_venue = models.CharField(_("previous venue"), max_length=250, blank=True)
    reason = models.TextField(_("reason"))

    objects = project_scoped(path="event__project")

    class Meta:
        verbose_name = _("event change")
        verbose_name_plural = _("event changes")
        ordering = ["event", "recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(previous_end_date__isnull=True)
                | models.Q(previous_start_date__isnull=True)
                | models.Q(previous_end_date__gte=models.F("previous_start_date")),
                name="change_end_after_start",
                violation_error_message=_("The previous end date cannot be before its start."),
            ),
        ]

    def __str__(self):
        return _("Change to %(event)s") % {"event": self.event}

    def clean(self):
        super().clean()
        if not (
            self.previous_start_date
            or self.previous_city
            or self.previous_format
            or self.previous_venue
        ):
            raise ValidationError(
                _("Record at least one previous value: dates, city, venue or format."),
                code="empty_change",
            )
