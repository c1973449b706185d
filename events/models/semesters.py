from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.models import Versioned
from content.scoping import project_scoped
from content.site import ProjectOwned


class Semester(ProjectOwned, Versioned):
    """A reporting period. Dates are stored, not computed: the first semester is irregular."""

    number = models.PositiveSmallIntegerField(_("number"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("What the project did and planned in this semester, as told in its news."),
    )

    objects = project_scoped()

    class Meta:
        verbose_name = _("semester")
        verbose_name_plural = _("semesters")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="semester_end_after_start",
                violation_error_message=_("A semester cannot end before it starts."),
            ),
            models.UniqueConstraint(fields=["project", "number"], name="unique_semester_number"),
        ]

    def __str__(self):
        return _("Semester %(number)s") % {"number": self.number}

    def clean(self):
        super().clean()
        if self.start and self.end:
            overlapping = Semester.objects.filter(start__lte=self.end, end__gte=self.start)
            if self.pk:
                overlapping = overlapping.exclude(pk=self.pk)
            other = overlapping.first()
            if other:
                raise ValidationError(
                    _("These dates overlap %(other)s (%(start)s – %(end)s)."),
                    code="semester_overlap",
                    params={"other": other, "start": other.start, "end": other.end},
                )
