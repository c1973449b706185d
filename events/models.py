import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from better_portal.page_cache import bump_content_version
from partners.models import Organisation, Person, Reviewable
from partners.search import search_column, translated_search
from partners.timezones import TimeZoneField
from practices.models import GoodPractice, Theme, Transfer

# The stored search columns (fts_<language>) hold these fields: change them with a migration.
EVENT_SEARCH_FIELDS = ["title", "summary", "body", "city", "venue"]


class Semester(models.Model):
    """A reporting period. Dates are stored, not computed: the first semester is irregular."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))

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

    def contains(self, day):
        return self.start <= day <= self.end


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published items; everything for coordinators (staff with the view permission)."""
        opts = self.model._meta
        if user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return self.all()
        return self.published()

    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today).order_by("start_date", "start_time", "pk")

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today).order_by("-start_date", "-start_time", "-pk")

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def with_related(self):
        return self.select_related("host").prefetch_related("themes")

    def publish(self):
        """Publish these events; returns how many rows changed."""
        changed = self.update(is_published=True)
        bump_content_version()  # update() sends no signals
        return changed

    def unpublish(self):
        changed = self.update(is_published=False)
        bump_content_version()  # update() sends no signals
        return changed

    def with_details(self):
        """Everything the event page shows, in a constant number of queries.

        Only published practices and public experts are fetched: the page never shows others.
        """
        experts = Person.objects.public().select_related("organisation")
        workshops = Workshop.objects.prefetch_related(
            models.Prefetch("experts", queryset=experts), "materials"
        )
        return self.select_related("host").prefetch_related(
            "themes",
            "changes",
            models.Prefetch(
                "participations", queryset=Participation.objects.select_related("organisation")
            ),
            models.Prefetch("workshops", queryset=workshops),
            models.Prefetch(
                "practices",
                queryset=GoodPractice.objects.published().with_related(),
                to_attr="published_practices",
            ),
        )

    def search(self, text):
        return translated_search(self, EVENT_SEARCH_FIELDS, text)

    def submitted(self):
        return self.filter(review_status=Event.ReviewStatus.SUBMITTED)

    def of_partner(self, organisation):
        """What a partner's staff may see: every event the partner is responsible for (drafts
        included) and the published events it hosted or attended. Never another partner's draft."""
        # A subquery, not a join made DISTINCT: DISTINCT would compare every column, the stored
        # search vectors included.
        attended = Participation.objects.filter(organisation=organisation).values("event")
        return self.filter(
            models.Q(owner=organisation)
            | models.Q(is_published=True)
            & (models.Q(host=organisation) | models.Q(pk__in=attended))
        )


def change_count():
    """The number of an event's recorded changes, as a subquery: unlike Count("changes"), it
    needs no GROUP BY over every event, so a page of a long list stays an index scan."""
    changes = (
        EventChange.objects.filter(event=models.OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=models.Count("pk"))
        .values("n")
    )
    return Coalesce(models.Subquery(changes), 0)


class Event(Reviewable):
    class Kind(models.TextChoices):
        THEMATIC = "thematic", _("Thematic event")
        STUDY_VISIT = "study_visit", _("Study visit")
        IMPORT_WORKSHOP = "import_workshop", _("Import workshop")
        LOCAL = "local", _("Local or stakeholder event")
        PARTNER_MEETING = "partner_meeting", _("Partner meeting")
        OUTSIDE = "outside", _("Outside event")

    # One whole string per kind, so that each language puts the number where it belongs.
    NUMBERED_KIND_LABELS = {
        # Translators: a numbered thematic event, “Thematic event #3”. Put the
        # number where your language puts it: “3. tematikus rendezvény”.
        Kind.THEMATIC: _("Thematic event #%(number)s"),
        # Translators: a numbered study visit; number as for a thematic event.
        Kind.STUDY_VISIT: _("Study visit #%(number)s"),
        # Translators: a numbered import workshop; number as for a thematic event.
        Kind.IMPORT_WORKSHOP: _("Import workshop #%(number)s"),
        # Translators: a numbered local or stakeholder event; put the number
        # as for a thematic event.
        Kind.LOCAL: _("Local or stakeholder event #%(number)s"),
        # Translators: a numbered partner meeting; number as for a thematic event.
        Kind.PARTNER_MEETING: _("Partner meeting #%(number)s"),
        # Translators: a numbered outside event; number as for a thematic event.
        Kind.OUTSIDE: _("Outside event #%(number)s"),
    }

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", _("Confirmed")
        POSTPONED = "postponed", _("Postponed")
        MOVED_ONLINE = "moved_online", _("Moved online")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("Per kind: 3 for “Thematic event #3”."),
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        related_name="hosted_events",
        null=True,
        blank=True,
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("participating organisations"),
        through="Participation",
        related_name="events",
        blank=True,
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="events", blank=True
    )
    practices = models.ManyToManyField(
        GoodPractice,
        verbose_name=_("good practices examined"),
        related_name="events",
        blank=True,
    )
    transfer = models.ForeignKey(
        Transfer,
        verbose_name=_("transfer"),
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
        help_text=_("For an import workshop: the transfer it serves."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    timezone = TimeZoneField(
        _("time zone"),
        blank=True,
        help_text=_("Dates and times are in this zone. Empty: the host organisation's zone."),
    )
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    online_platform = models.CharField(
        _("online platform"), max_length=100, blank=True, help_text=_("For example “Webex”.")
    )
    online_url = models.URLField(_("online meeting link"), blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.CONFIRMED
    )
    is_published = models.BooleanField(_("published"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # Review of what partner staff log in the workspace.
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible partner"),
        on_delete=models.PROTECT,
        related_name="owned_events",
        null=True,
        blank=True,
        help_text=_("The partner whose staff log and edit this event in the workspace."),
    )
    review_status = models.CharField(
        _("review status"),
        max_length=10,
        choices=Reviewable.ReviewStatus.choices,
        default=Reviewable.ReviewStatus.APPROVED,
        help_text=_("Events the coordinators enter themselves are approved from the start."),
    )
    REVIEW_STATUS_FIELD = "review_status"

    # Full-text search on PostgreSQL: the searched text per language, GIN-indexed.
    fts_en = search_column(EVENT_SEARCH_FIELDS, "en")
    fts_it = search_column(EVENT_SEARCH_FIELDS, "it")
    fts_et = search_column(EVENT_SEARCH_FIELDS, "et")
    fts_hu = search_column(EVENT_SEARCH_FIELDS, "hu")
    fts_sv = search_column(EVENT_SEARCH_FIELDS, "sv")
    fts_el = search_column(EVENT_SEARCH_FIELDS, "el")

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date", "-start_time", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="event_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=True)
                | ~models.Q(end_date=models.F("start_date"))
                | models.Q(end_time__gte=models.F("start_time")),
                name="event_end_time_after_start",
                violation_error_message=_("A one-day event cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["kind", "number"],
                name="unique_number_per_kind",
                violation_error_message=_("Another event of this kind already has this number."),
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "start_date"], name="event_pub_start_idx"),
            models.Index(fields=["kind", "start_date"], name="event_kind_start_idx"),
            # Performance (issue 8): the list's order, upcoming/past and the kind filter.
            models.Index(
                fields=["is_published", "start_date", "start_time", "id"],
                name="event_pub_order_idx",
            ),
            models.Index(fields=["is_published", "end_date"], name="event_pub_end_idx"),
            models.Index(
                fields=["is_published", "kind", "start_date"], name="event_pub_kind_start_idx"
            ),
        ]

    def __str__(self):
        if self.number is not None:
            return f"{self.kind_label_numbered}: {self.title}"
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def kind_label_numbered(self):
        """“Thematic event #3” in the active language (“3. tematikus rendezvény”), or the plain
        kind label when the event has no number. Every page, feed, calendar and admin list
        shows an event's kind and number through this one property."""
        numbered = self.NUMBERED_KIND_LABELS.get(self.kind)
        if self.number is None or numbered is None:
            return self.get_kind_display()
        return numbered % {"number": self.number}

    @property
    def tzname(self):
        if self.timezone:
            return self.timezone
        if self.host_id:
            return self.host.tzname
        return settings.PORTAL_DEFAULT_TIMEZONE

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.tzname)

    @property
    def is_date_only(self):
        return self.start_time is None

    @property
    def start(self):
        """The aware start instant, or None for a date-only event."""
        if self.start_time is None:
            return None
        return dt.datetime.combine(self.start_date, self.start_time, tzinfo=self.tzinfo)

    @property
    def end(self):
        if self.end_time is None:
            return None
        return dt.datetime.combine(self.end_date, self.end_time, tzinfo=self.tzinfo)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def clean(self):
        super().clean()
        if self.end_time is not None and self.start_time is None:
            raise ValidationError(
                {"start_time": _("Give a start time when there is an end time.")},
                code="end_time_without_start",
            )
        if self.kind != self.Kind.IMPORT_WORKSHOP and self.transfer_id:
            raise ValidationError(
                {"transfer": _("Only an import workshop points to a transfer.")},
                code="transfer_on_wrong_kind",
            )

    def local_date_of(self, instant):
        return timezone.localtime(instant, self.tzinfo).date()

    def mark_approved(self):
        """Approval publishes: the event becomes visible on the public site."""
        super().mark_approved()
        self.is_published = True


class KindManager(models.Manager):
    """The manager of a per-kind proxy: only that kind's events."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def get_queryset(self):
        return EventQuerySet(self.model, using=self._db).filter(kind=self.kind)

    def deconstruct(self):
        return (False, "events.models.KindManager", None, (self.kind,), {})


def _kind_proxy(name, kind, verbose_name, verbose_name_plural):
    """A proxy model of Event for one kind, so each kind has its own admin page."""

    def save(self, *args, **kwargs):
        self.kind = kind
        return Event.save(self, *args, **kwargs)

    meta = type(
        "Meta",
        (),
        {
            "proxy": True,
            "verbose_name": verbose_name,
            "verbose_name_plural": verbose_name_plural,
            "ordering": ["-start_date", "-start_time", "-pk"],
        },
    )
    attrs = {
        "__module__": __name__,
        "Meta": meta,
        "objects": KindManager(kind),
        "KIND": kind,
        "save": save,
    }
    return type(name, (Event,), attrs)


ThematicEvent = _kind_proxy(
    "ThematicEvent", Event.Kind.THEMATIC, _("thematic event"), _("thematic events")
)
StudyVisit = _kind_proxy("StudyVisit", Event.Kind.STUDY_VISIT, _("study visit"), _("study visits"))
ImportWorkshop = _kind_proxy(
    "ImportWorkshop", Event.Kind.IMPORT_WORKSHOP, _("import workshop"), _("import workshops")
)
LocalEvent = _kind_proxy(
    "LocalEvent",
    Event.Kind.LOCAL,
    _("local or stakeholder event"),
    _("local and stakeholder events"),
)
PartnerMeeting = _kind_proxy(
    "PartnerMeeting", Event.Kind.PARTNER_MEETING, _("partner meeting"), _("partner meetings")
)
OutsideEvent = _kind_proxy(
    "OutsideEvent", Event.Kind.OUTSIDE, _("outside event"), _("outside events")
)
KIND_PROXIES = [ThematicEvent, StudyVisit, ImportWorkshop, LocalEvent, PartnerMeeting, OutsideEvent]


def validate_photo_size(file):
    """Refuse photos larger than settings.WORKSPACE_PHOTO_MAX_BYTES."""
    limit = settings.WORKSPACE_PHOTO_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("This photo is %(size)s; a photo may be at most %(limit)s."),
            code="photo_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )


class EventPhoto(models.Model):
    """A photo of an event, uploaded by partner staff or coordinators."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(
        _("photo"), upload_to="events/photos/%Y/", validators=[validate_photo_size]
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["event", "uploaded_at", "pk"]

    def __str__(self):
        return self.caption or self.image.name


class Participation(models.Model):
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

    class Meta:
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        ordering = ["event", "role", "organisation__partner_number", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"],
                name="unique_participation_role",
                violation_error_message=_("This organisation already has this role at this event."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class Workshop(models.Model):
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


class Material(models.Model):
    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("title"), max_length=250)
    file = models.FileField(_("file"), upload_to="materials/", blank=True)
    url = models.URLField(_("link"), blank=True)
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default="en"
    )

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


class EventChange(models.Model):
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


class Attendance(models.Model):
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

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["event", "organisation__partner_number", "organisation__name", "category"]
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
