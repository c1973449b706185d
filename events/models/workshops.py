from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.models import Versioned
from content.scoping import project_scoped
from content.uploads import DocumentUploadField
from partners.models import Person

from .events import Event
from .revisions import CalendarRevised, revision_columns


class Workshop(CalendarRevised, Versioned):
    """A session of an event, with start and end instants (stored in UTC)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="workshops"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("The outcome."))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    experts = models.ManyToManyField(
        Person, verbose_name=_("experts"), related_name="workshops", blank=True
    )

    objects = project_scoped(path="event__project")

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["event", "order", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="workshop_end_after_start",
                violation_error_message=_("A workshop must end after it starts."),
            ),
        ]

    REVISION_FIELDS = revision_columns("start", "end", translated=("title",))

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        # The event may be unsaved (an inline on the event's add page): check it all the same.
        try:
            event = self.event
        except Event.DoesNotExist:
            return
        if not (event.start_date and event.end_date and self.start and self.end):
            return
        first, last = event.local_date_of(self.start), event.local_date_of(self.end)
        if first < event.start_date or last > event.end_date:
            raise ValidationError(
                _(
                    "The workshop (%(first)s – %(last)s in %(zone)s) must lie within "
                    "the event's dates, %(start)s – %(end)s."
                ),
                code="workshop_outside_event",
                params={
                    "first": first,
                    "last": last,
                    "zone": event.tzname,
                    "start": event.start_date,
                    "end": event.end_date,
                },
            )


class Material(Versioned):
    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("title"), max_length=250)
    file = DocumentUploadField(_("file"), upload_to="materials/", blank=True)
    url = models.URLField(_("link"), blank=True)
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default="en"
    )

    objects = project_scoped(path="workshop__event__project")

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["workshop", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.file) == bool(self.url):
            raise ValidationError(
                _("Give either a file or a link, not both and not neither."),
                code="file_or_link",
            )

    @property
    def href(self):
        return self.file.url if self.file else self.url
