from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from content.models import Versioned
from content.scoping import project_scoped
from partners.models import Organisation, PartnerNumber

from .events import Event


class Participation(Versioned):
    class Role(models.TextChoices):
        HOST = "host", _("Host")
        PARTICIPANT = "participant", _("Participant")
        PRACTICE_OWNER = "practice_owner", _("Practice owner")
        IMPORTER = "importer", _("Importer")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT
    )

    history = HistoricalRecords()

    objects = project_scoped(path="event__project")

    class Meta:
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        ordering = [
            "event",
            "role",
            PartnerNumber("organisation", project="event__project"),
            "organisation__name",
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"],
                name="unique_participation_role",
                violation_error_message=_("This organisation already has this role at this event."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class Attendance(Versioned):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="attendances"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    category = models.CharField(
        _("category"),
        max_length=100,
        blank=True,
        help_text=_("Optional: for example “staff” or “stakeholders”."),
    )
    participants = models.PositiveIntegerField(_("participants"))

    history = HistoricalRecords()

    objects = project_scoped(path="event__project")

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = [
            "event",
            PartnerNumber("organisation", project="event__project"),
            "organisation__name",
            "category",
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "category"],
                name="unique_attendance_row",
                violation_error_message=_(
                    "Attendance for this organisation and category is already recorded."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.participants}"
