import datetime as dt
import re
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from content import languages
from content.models import Reviewable, ReviewableQuerySet
from content.scoping import project_scoped
from content.search import SearchableQuerySet, searchable
from content.site import ProjectOwned
from content.timezones import TimeZoneField
from content.uploads import ImageUploadField, require_image_alt
from partners.models import Organisation, PartnerNumber, Person, label_columns
from practices.models import GoodPractice, Theme, Transfer

from .revisions import CalendarRevised, revision_columns

# 10:30, 9.30, 18:00 (not 2020.06 or 1.7 million): hours 0-23, then two digits of minutes.
CLOCK_TIME = re.compile(r"(?<![\d.,:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d.,:]\d)")


# The prefetches below order each event's (or workshop's) rows by their model's ordering less its
# leading "event" (or "workshop"): the rows of one event keep their order, and the query needs no
# join of the events (and the workshops) only to sort by them.


def _workshops_with_public_experts(*more):
    """The Prefetch of an event's workshops with their public experts (and `more` lookups)."""
    experts = Person.objects.public().select_related("organisation")
    workshops = (
        _related("workshops")
        .objects.prefetch_related(models.Prefetch("experts", queryset=experts), *more)
        .order_by("order", "start")
    )
    return models.Prefetch("workshops", queryset=workshops)


def _materials():
    material = _related("workshops")._meta.get_field("materials").related_model
    return models.Prefetch("materials", queryset=material.objects.order_by("title"))


def _participations_with_organisations():
    participations = (
        _related("participations")
        .objects.select_related("organisation")
        # The partner numbers of the project being served, which the events are of.
        .order_by("role", PartnerNumber("organisation"), "organisation__name")
    )
    return models.Prefetch("participations", queryset=participations)


def _cohost_participations():
    """The Prefetch of an event's host participations, with the columns of their
    organisations' labels only: all that `Event.hosts` reads of them on a card."""
    participations = (
        _related("participations")
        .objects.filter(role="host")
        .select_related("organisation")
        .only("event", "role", "organisation", *label_columns("organisation__"))
        .order_by("role", PartnerNumber("organisation"), "organisation__name")
    )
    return models.Prefetch("participations", queryset=participations)


def _related(name):
    """The model on the other side of one of Event's relations, defined in this package's other
    modules (workshops, changes, participation), which import this one."""
    return Event._meta.get_field(name).related_model


# The columns of an event that its card shows (templates/includes/_event_card.html).
CARD_FIELDS = (
    "slug",
    "image",
    "title",
    "kind",
    "number",
    "start_date",
    "end_date",
    "host",
    "format",
    "status",
)


class EventQuerySet(SearchableQuerySet, ReviewableQuerySet):
    published_values = {"is_published": True}
    unpublished_values = {"is_published": False}

    def publish(self):
        """Publish these events; those never published before are dated now."""
        self.filter(is_published=False, published_at__isnull=True).update(
            published_at=timezone.now()
        )
        return super().publish()

    def next_number(self, kind):
        """The number after the highest one of the events of this kind (1 for the first)."""
        highest = self.filter(kind=kind).aggregate(highest=models.Max("number"))["highest"]
        return (highest or 0) + 1

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today).order_by("start_date", "start_time", "pk")

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today).order_by("-start_date", "-start_time", "-pk")

    def held(self):
        """Published events that were not cancelled: what the reports count as held."""
        return self.published().exclude(status=Event.Status.CANCELLED)

    def with_related(self):
        """What an event's card in a list shows (templates/includes/_event_list.html): its hosts
        (co-hosts included). No themes: no list shows them."""
        return self.select_related("host").prefetch_related(_participations_with_organisations())

    def with_card(self):
        """Only what an event's card shows (templates/includes/_event_card.html): the card's
        own columns, its host's label and its co-hosts' (the participations, host ones only),
        and `has_host_participations`."""
        return self.with_card_columns().prefetch_related(_cohost_participations())

    def with_card_columns(self):
        """with_card() less the co-hosts, which cards() reads only where there are some."""
        hosted = _related("participations").objects.filter(event=models.OuterRef("pk"), role="host")
        return (
            self.only(*CARD_FIELDS, *label_columns("host__"))
            .select_related("host")
            .annotate(has_host_participations=models.Exists(hosted))
        )

    def cards(self, pks):
        """The events of pks in that order, as with_card() loads them; the co-hosts are read
        only when one of the events has a host participation (most have none: no query). On a
        queryset already `with_card_columns()`, that is not done again."""
        queryset = self
        if "has_host_participations" not in self.query.annotations:
            queryset = self.with_card_columns()
        events = queryset.in_order(pks)
        cohosted = [event for event in events if event.has_host_participations]
        if cohosted:
            models.prefetch_related_objects(cohosted, _cohost_participations())
        return events

    def card_rows(self):
        """The rows of a list of event cards (includes/_event_list.html): with the fragment cache
        (content/fragments.py), only the pks, as the cached cards need no row and the cards not
        cached load theirs; else the events `with_card()`."""
        from content.fragments import card_rows

        return card_rows(self, EventQuerySet.with_card)

    def cards_of(self, pks):
        """The rows of a list of event cards showing these events of the queryset, in the order
        of pks, as card_rows() gives them."""
        from content.fragments import cards_of

        return cards_of(self, pks, EventQuerySet.with_card)

    def with_details(self):
        """Everything the event page shows, in a constant number of queries.

        Only published practices and public experts are fetched: the page never shows others.
        """
        return self.select_related("host").prefetch_related(
            "themes",
            models.Prefetch(
                "changes", queryset=_related("changes").objects.order_by("recorded_at")
            ),
            _participations_with_organisations(),
            _workshops_with_public_experts(_materials()),
            models.Prefetch(
                "practices",
                queryset=GoodPractice.objects.published().with_related(),
                to_attr="published_practices",
            ),
            models.Prefetch(
                "photos",
                queryset=_related("photos")
                .objects.approved_and_cleared()
                .order_by("uploaded_at", "pk"),
                to_attr="gallery",
            ),
        )

    def with_export(self):
        """Everything the JSON export shows of each event, and `change_count`."""
        return (
            self.select_related("host")
            .annotate(change_count=change_count())
            .prefetch_related(
                _participations_with_organisations(),
                "themes",
                models.Prefetch("practices", queryset=GoodPractice.objects.published()),
                _workshops_with_public_experts(),
            )
        )

    def with_calendar(self):
        """What VEVENTs need, and `sequence`: the number of recorded changes plus the calendar
        revisions of the event's own saves."""
        return (
            self.select_related("host")
            .prefetch_related("workshops")
            .annotate(sequence=change_count() + models.F("calendar_revision"))
        )

    def with_report(self):
        """What the coordinators' reports and event tables show of each event."""
        return self.select_related("host").prefetch_related(
            "participations__organisation", "practices", "attendances"
        )

    def of_partner(self, organisation):
        """What a partner's staff may see: every event the partner is responsible for (drafts
        included) and the published events it hosted or attended. Never another partner's draft."""
        # A subquery, not a join made DISTINCT: DISTINCT would compare every column, the stored
        # search vectors included.
        attended = _related("participations").objects.filter(organisation=organisation)
        attended = attended.values("event")
        return self.filter(
            models.Q(owner=organisation)
            | models.Q(is_published=True)
            & (models.Q(host=organisation) | models.Q(pk__in=attended))
        )


def change_count():
    """The number of an event's recorded changes, as a subquery: unlike Count("changes"), it
    needs no GROUP BY over every event, so a page of a long list stays an index scan."""
    changes = (
        _related("changes")
        .objects.filter(event=models.OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=models.Count("pk"))
        .values("n")
    )
    return Coalesce(models.Subquery(changes), 0)


@searchable("title", "summary", "body", "city", "venue", index_prefix="event")
class Event(CalendarRevised, Reviewable, ProjectOwned):
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
        # Empty: the sources do not say (the 2021 study visits' news item gives no format).
        NOT_STATED = "", _("Not stated")
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", pgettext_lazy("event status", "Confirmed")
        POSTPONED = "postponed", _("Postponed")
        MOVED_ONLINE = "moved_online", _("Moved online")
        CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("Per kind: 3 for “Thematic event #3”."),
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    image = ImageUploadField(_("lead image"), upload_to="events/", blank=True)
    image_alt = models.CharField(
        _("lead image's text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Needed with an image."),
    )
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
        _("format"),
        max_length=10,
        choices=Format.choices,
        default=Format.IN_PERSON,
        blank=True,
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
    # When the event first went public: the feeds' publication date (not the save time).
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
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

    objects = project_scoped(EventQuerySet)

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
                fields=["project", "kind", "number"],
                name="unique_number_per_kind",
                violation_error_message=_("Another event of this kind already has this number."),
            ),
            models.UniqueConstraint(fields=["project", "slug"], name="unique_event_slug"),
        ]
        indexes = [
            models.Index(fields=["is_published", "start_date"], name="event_pub_start_idx"),
            models.Index(fields=["kind", "start_date"], name="event_kind_start_idx"),
            # The list's order, upcoming/past and the kind filter, within a project (each index
            # a list walks starts with the project: one project's rows, not every project's).
            models.Index(
                fields=["project", "is_published", "start_date", "start_time", "id"],
                name="event_project_order_idx",
            ),
            models.Index(fields=["is_published", "end_date"], name="event_pub_end_idx"),
            # Upcoming: the list's order with end_date as a key column, so that the past events
            # the walk passes are skipped in the index, without reading their rows.
            models.Index(
                fields=["project", "is_published", "start_date", "start_time", "id", "end_date"],
                name="event_project_order_end_idx",
            ),
            models.Index(
                fields=["is_published", "kind", "start_date"], name="event_pub_kind_start_idx"
            ),
            # A partner page's hosted events, latest first: read in the index's order, without
            # walking every published event's date to find the host's.
            models.Index(
                fields=["host", "project", "start_date", "start_time", "id"],
                condition=models.Q(is_published=True),
                name="event_host_project_order_idx",
            ),
        ]

    # What a calendar subscriber sees change: its status (a cancellation), time and place.
    REVISION_FIELDS = revision_columns(
        "status",
        "start_date",
        "end_date",
        "start_time",
        "end_time",
        "timezone",
        "format",
        "online_url",
        "online_platform",
        translated=("title", "venue", "city"),
    )

    def __str__(self):
        if self.number is not None:
            return f"{self.kind_label_numbered}: {self.title}"
        return self.title

    def save(self, *args, **kwargs):
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)

    # How many times an allocated number is taken again before the save gives up: each retry
    # means another approval took the number meanwhile, so this bounds a burst, not a queue.
    NUMBER_ATTEMPTS = 20

    def save_base(self, *args, **kwargs):
        """Write the row; a number allocated by mark_approved() that another save took between
        the count and this write (the unique (kind, number) constraint refuses it) is allocated
        again and the write retried, each try in its own savepoint, on every database."""
        if not getattr(self, "_number_allocated", False):
            return super().save_base(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "number"}
        using = kwargs.get("using") or "default"
        for attempt in range(1, self.NUMBER_ATTEMPTS + 1):
            try:
                with transaction.atomic(using=using):
                    result = super().save_base(*args, **kwargs)
            except IntegrityError:
                taken = (
                    Event.objects.using(using)
                    .filter(kind=self.kind, number=self.number)
                    .exclude(pk=self.pk)
                    .exists()
                )
                if not taken or attempt == self.NUMBER_ATTEMPTS:
                    raise  # another constraint than the number's, or a burst beyond reason
                self.number = Event.objects.using(using).next_number(self.kind)
            else:
                self._number_allocated = False
                return result

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
    def hosts(self):
        """Every organisation that hosts the event: the host organisation first, then the other
        organisations with the host role (co-hosts), each once. Reads the prefetched
        participations (`with_related()`, `with_details()`, `with_export()`, `with_card()`),
        or none when the row says it has no host participation (`cards()`)."""
        hosts = [self.host] if self.host_id else []
        if not getattr(self, "has_host_participations", True):
            return hosts
        for participation in self.participations.all():
            if participation.role == "host" and participation.organisation_id != self.host_id:
                hosts.append(participation.organisation)
        return hosts

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def clean(self):
        super().clean()
        require_image_alt(self)
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

    def clock_times_in_body(self):
        """The clock times (“10:30”, “10.30”) written in the body, in any language: a timetable in
        prose ignores the reader's “show times in” choice, so times belong in workshops."""
        found = []
        for lang in languages.codes():
            for match in CLOCK_TIME.findall(getattr(self, f"body_{lang}", None) or ""):
                if match not in found:
                    found.append(match)
        return found

    def local_date_of(self, instant):
        return timezone.localtime(instant, self.tzinfo).date()

    def mark_approved(self):
        """Approval publishes: the event becomes visible on the public site, numbered after
        the highest number of its kind if it had none (a study visit from the workspace)."""
        super().mark_approved()
        self.is_published = True
        if self.number is None and self.kind in self.NUMBERED_KIND_LABELS:
            self.number = Event.objects.next_number(self.kind)
            self._number_allocated = True  # allocated again if taken meanwhile (save_base)
