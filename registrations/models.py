"""Registration for events: per-event settings, the registrants, and their places.

Personal data lives here and nowhere public: no public page or export lists a registrant.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.models import Versioned
from content.scoping import project_scoped
from content.site import ProjectOwned
from events.models import Event, Workshop
from partners.models import Organisation


class RegistrationSettings(Versioned):
    """Whether, when and for how many people an event takes registrations."""

    event = models.OneToOneField(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registration_settings",
    )
    is_enabled = models.BooleanField(_("registration on"), default=False)
    opens_at = models.DateTimeField(
        _("opens"), null=True, blank=True, help_text=_("Empty: open as soon as it is on.")
    )
    closes_at = models.DateTimeField(
        _("closes"), null=True, blank=True, help_text=_("Empty: open until the event starts.")
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    # Set once the attendance counts are derived from check-ins (services.sync_attendance).
    attendance_derived = models.BooleanField(default=False, editable=False)

    objects = project_scoped(path="event__project")

    class Meta:
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")
        ordering = ["-event__start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__isnull=True)
                | models.Q(opens_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="registration_closes_after_opens",
                violation_error_message=_("Registration must close after it opens."),
            ),
        ]

    def __str__(self):
        return str(self.event)

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("Registration must close after it opens.")},
                code="closes_before_opens",
            )

    def closes(self):
        """The instant registration closes: the one given, else the event's start."""
        if self.closes_at:
            return self.closes_at
        return self.event.start or timezone.make_aware(
            timezone.datetime.combine(self.event.start_date, timezone.datetime.min.time()),
            self.event.tzinfo,
        )

    def is_open(self, now=None):
        now = now or timezone.now()
        event = self.event
        if not (self.is_enabled and event.is_published) or event.is_cancelled:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return now < self.closes()


class RegistrationQuerySet(models.QuerySet):
    def holding_places(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("requested_at", "pk")

    def active(self):
        """Confirmed or on the waiting list: the people an event's notices go to."""
        return self.filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
        )

    def due_for_removal(self, today=None):
        """Registrations of events that ended more than the retention period ago."""
        today = today or timezone.localdate()
        cutoff = today - timezone.timedelta(days=settings.PORTAL_REGISTRATION_RETENTION_DAYS)
        return self.filter(event__end_date__lt=cutoff, is_anonymised=False)


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the address to be confirmed")
        CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    class Category(models.TextChoices):
        # The values are those written into Attendance.category.
        STAFF = "staff", _("Partner staff")
        STAKEHOLDERS = "stakeholders", _("Stakeholders")
        EXPERTS = "experts", _("Experts")
        PUBLIC = "public", _("General public")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    organisation_name = models.CharField(
        _("other organisation"),
        max_length=250,
        blank=True,
        help_text=_("If your organisation is not in the list."),
    )
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.PUBLIC
    )
    workshops = models.ManyToManyField(
        Workshop, verbose_name=_("workshops"), blank=True, related_name="registrations"
    )
    needs = models.TextField(_("accessibility or dietary needs"), blank=True)
    privacy_consent = models.BooleanField(_("agrees to the privacy notice"), default=False)
    photo_consent = models.BooleanField(_("agrees to be photographed"), default=False)
    language = models.CharField(
        _("language of e-mails"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    checked_in = models.BooleanField(_("came"), default=False)
    is_walk_in = models.BooleanField(_("walk-in"), default=False)
    is_anonymised = models.BooleanField(_("anonymised"), default=False, editable=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    # When the address was confirmed: the order of the waiting list.
    requested_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    objects = project_scoped(RegistrationQuerySet, path="event__project")

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "name", "pk"]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self):
        return f"{self.name} ({self.event})"

    def clean(self):
        super().clean()
        if self.organisation_id and self.organisation_name:
            raise ValidationError(
                {"organisation_name": _("Choose an organisation or name one, not both.")},
                code="two_organisations",
            )

    @property
    def organisation_label(self):
        return self.organisation.label if self.organisation_id else self.organisation_name

    def anonymise(self):
        """Remove what identifies the person; the counts (organisation, category, check-in)
        stay."""
        self.name, self.email, self.needs, self.organisation_name = "—", "", "", ""
        self.is_anonymised = True
        self.save(update_fields=["name", "email", "needs", "organisation_name", "is_anonymised"])


class Subscription(ProjectOwned, models.Model):
    """A reader's wish, by e-mail, to hear of new events or practices: by partner, theme and
    kind, in their language, one mail per item or a weekly digest. Double opt-in."""

    class Topic(models.TextChoices):
        EVENTS = "events", _("New events")
        PRACTICES = "practices", _("New good practices")
        BOTH = "both", _("New events and good practices")

    class Frequency(models.TextChoices):
        ITEM = "item", _("One e-mail per new item")
        WEEKLY = "weekly", _("A weekly digest")

    email = models.EmailField(_("e-mail"))
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    language = models.CharField(
        _("language of e-mails"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    topic = models.CharField(_("about"), max_length=10, choices=Topic.choices, default=Topic.BOTH)
    partner = models.ForeignKey(
        Organisation,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        help_text=_("Empty: every partner."),
    )
    theme = models.ForeignKey(
        "practices.Theme",
        verbose_name=_("theme"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        help_text=_("Empty: every theme."),
    )
    event_kind = models.CharField(
        _("kind of event"),
        max_length=20,
        choices=Event.Kind.choices,
        blank=True,
        help_text=_("Empty: every kind."),
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.ITEM
    )
    is_confirmed = models.BooleanField(_("confirmed"), default=False)
    created_at = models.DateTimeField(_("subscribed at"), default=timezone.now)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    objects = project_scoped()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return f"{self.email} ({self.get_topic_display()})"

    def wants(self, item):
        """Whether this subscription asked for this published event or practice."""
        is_event = isinstance(item, Event)
        if self.topic != self.Topic.BOTH and (self.topic == self.Topic.EVENTS) != is_event:
            return False
        if self.theme_id and not any(t.pk == self.theme_id for t in item.themes.all()):
            return False
        if is_event:
            if self.event_kind and item.kind != self.event_kind:
                return False
            partners = {item.host_id, *(p.organisation_id for p in item.participations.all())}
        else:
            if self.event_kind:
                return False
            partners = {item.owner_id}
        return not self.partner_id or self.partner_id in partners


class Announcement(models.Model):
    """A published event or practice that subscribers were (or, in a digest, will be) told of:
    each item is announced once, however often it is saved."""

    kind = models.CharField(max_length=10)  # "event" or "practice"
    object_id = models.PositiveBigIntegerField()
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["published_at"]
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="announce_once")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"
