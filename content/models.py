"""What content models share: visibility and publishing, the version that refuses a stale save,
and the review of what partner staff write; and the outgoing mail every app sends. The content
apps own their content models: the concrete models here are Mail and, in site.py, the
project's own identity and legal pages, which every app shows."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .columns import LeanQuerySet
from .page_cache import bump_model_version


class EditConflict(Exception):
    """Someone else saved the item after the editor opened it."""


class PublishableQuerySet(LeanQuerySet):
    """Visibility, defined once: the public sees published rows, coordinators every row.

    The model's QuerySet names the field values of a published row in `published_values`
    and of a row taken off the site in `unpublished_values`. What published() and visible_to()
    load is what a reader is shown: no other language's columns, no search vectors.
    """

    published_values: dict
    unpublished_values: dict

    def published(self):
        return self.filter(**self.published_values).for_reader()

    def visible_to(self, user):
        """Published items; everything for coordinators (staff with the view permission)."""
        opts = self.model._meta
        if user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return self.for_reader()
        return self.published()

    def publish(self):
        """Publish these items; returns how many rows changed."""
        return self._update_public(self.published_values)

    def unpublish(self):
        """Take these items off the public site; returns how many rows changed."""
        return self._update_public(self.unpublished_values)

    def _update_public(self, values):
        # A new version too: a form opened before the change must not silently undo it.
        changed = self.update(**values, version=models.F("version") + 1)
        bump_model_version(self.model)  # update() sends no signals
        return changed


class ReviewableQuerySet(PublishableQuerySet):
    def _status_in(self, statuses):
        return self.filter(**{f"{self.model.REVIEW_STATUS_FIELD}__in": statuses})

    def submitted(self):
        """Waiting in the coordinators' review queue."""
        return self._status_in([Reviewable.ReviewStatus.SUBMITTED])

    def editable_by_staff(self):
        """Unpublished drafts and returned items: what partner staff may still change. A
        published item is never changed in place, whichever admin published it."""
        return self._status_in(Reviewable.EDITABLE_STATUSES).exclude(**self.published_values)

    def publish(self):
        """Publish these items, approved: publishing from any admin is also the review's end."""
        field = self.model.REVIEW_STATUS_FIELD
        approved = (
            {} if field in self.published_values else {field: Reviewable.ReviewStatus.APPROVED}
        )
        return self._update_public({**self.published_values, **approved})


class Versioned(models.Model):
    """A row that refuses a stale save: each save through the admin, the workspace or the
    review claims the version its editor started from (claim_version). Any other save of a
    stored row (an inline row, a script) still moves the version on, never back, so a form
    opened before it is refused too."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        claimed = getattr(self, "_version_claimed", False)
        if not claimed and not self._state.adding and self.pk is not None:
            if update_fields is None or "version" in update_fields:
                stored = self.stored_version()
                if stored is not None:
                    self.version = stored + 1
        self._version_claimed = False
        super().save(*args, **kwargs)

    def claim_version(self, seen_version):
        """Move the stored version from seen_version to the next, or raise EditConflict.

        The conditional UPDATE is atomic on every database, so of two editors who opened the
        same version exactly one wins; the caller's transaction then saves the instance itself.
        """
        manager = type(self)._meta.concrete_model._default_manager
        claimed = manager.filter(pk=self.pk, version=seen_version).update(version=seen_version + 1)
        if not claimed:
            raise EditConflict
        self.version = seen_version + 1
        self._version_claimed = True

    def stored_version(self):
        """The version in the database now (None for an unsaved row)."""
        manager = type(self)._meta.concrete_model._default_manager
        return manager.filter(pk=self.pk).values_list("version", flat=True).first()


class Reviewable(Versioned):
    """Something partner staff write in the workspace and the coordinators approve or return.

    The subclass names its status field in REVIEW_STATUS_FIELD; that field's choices include
    every ReviewStatus value. The methods read and set only that field and the ones below, so
    the workspace and the review queue treat every reviewable model alike.
    """

    class ReviewStatus(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")

    EDITABLE_STATUSES = [ReviewStatus.DRAFT, ReviewStatus.RETURNED]
    REVIEW_STATUS_FIELD: str

    review_comment = models.TextField(
        _("coordinators' comment"),
        blank=True,
        help_text=_("Shown to the partner's staff when their submission is returned for changes."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # One state machine: an item published by any form (the events admin's change form
        # too) has left review, so partner staff can no longer change it in place.
        published = type(self)._default_manager.get_queryset().published_values
        is_published = all(getattr(self, name) == value for name, value in published.items())
        if is_published and self.is_editable_by_staff:
            self.mark_approved()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, self.REVIEW_STATUS_FIELD}
        super().save(*args, **kwargs)

    @property
    def _review_status(self):
        return getattr(self, self.REVIEW_STATUS_FIELD)

    @_review_status.setter
    def _review_status(self, value):
        setattr(self, self.REVIEW_STATUS_FIELD, value)

    @property
    def is_editable_by_staff(self):
        return self._review_status in self.EDITABLE_STATUSES

    @property
    def is_awaiting_review(self):
        return self._review_status == self.ReviewStatus.SUBMITTED

    def get_review_status_label(self):
        return getattr(self, f"get_{self.REVIEW_STATUS_FIELD}_display")()

    def mark_submitted(self, user):
        self._review_status = self.ReviewStatus.SUBMITTED
        self.submitted_by = user
        self.submitted_at = timezone.now()

    def mark_approved(self):
        self._review_status = self.ReviewStatus.APPROVED

    def mark_returned(self, comment):
        self._review_status = self.ReviewStatus.RETURNED
        self.review_comment = comment


class MailQuerySet(models.QuerySet):
    def unsent(self):
        return self.exclude(status=Mail.Status.SENT)

    def requeue(self):
        """Queue these unsent mails for a fresh series of attempts; returns their ids."""
        ids = list(self.unsent().values_list("pk", flat=True))
        Mail.objects.filter(pk__in=ids).update(
            status=Mail.Status.QUEUED, attempts=0, next_attempt_at=None
        )
        return ids


class Mail(models.Model):
    """One e-mail to one address, written in the recipient's language (content/mail.py).

    Kept once sent, so coordinators can see what went to whom; a failed one says why."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    template = models.CharField(_("kind"), max_length=100)
    to = models.EmailField(_("to"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML version"))
    # Extra headers ({"List-Unsubscribe": ...}) and files ([{"filename", "content", "mimetype"}],
    # text only: an event's ICS), kept with the mail so that a retry sends the same message.
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = MailQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("a message", "e-mail")
        verbose_name_plural = pgettext_lazy("messages", "e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="content_mail_status")]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    def message(self):
        message = EmailMultiAlternatives(
            self.subject,
            self.body,
            settings.DEFAULT_FROM_EMAIL,
            [self.to],
            reply_to=[self.reply_to] if self.reply_to else None,
            headers=self.headers or None,
        )
        message.attach_alternative(self.html, "text/html")
        for attachment in self.attachments:
            message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        return message

    def claim(self):
        """Take a queued mail for sending; False if it is not queued (sent, or being sent by
        another worker). The conditional UPDATE lets exactly one of two claimants win."""
        claimed = Mail.objects.filter(pk=self.pk, status=self.Status.QUEUED).update(
            status=self.Status.SENDING
        )
        if claimed:
            self.status = self.Status.SENDING
        return bool(claimed)

    def record_sent(self):
        self.status, self.sent_at, self.error = self.Status.SENT, timezone.now(), ""
        self.next_attempt_at = None
        self.save(update_fields=["status", "sent_at", "error", "next_attempt_at"])

    def record_failure(self, error):
        """Count a failed attempt: queued again after a delay that doubles with each attempt,
        or failed once PORTAL_MAIL_MAX_ATTEMPTS attempts have failed."""
        self.attempts += 1
        self.error = f"{type(error).__name__}: {error}"
        if self.attempts < settings.PORTAL_MAIL_MAX_ATTEMPTS:
            delay = settings.PORTAL_MAIL_RETRY_SECONDS * 2 ** (self.attempts - 1)
            self.status = self.Status.QUEUED
            self.next_attempt_at = timezone.now() + timedelta(seconds=delay)
        else:
            self.status, self.next_attempt_at = self.Status.FAILED, None
        self.save(update_fields=["attempts", "error", "status", "next_attempt_at"])


# The project's identity and legal pages (content/site.py), after Versioned which they extend.
from .site import LegalPage, Project  # noqa: E402, F401
