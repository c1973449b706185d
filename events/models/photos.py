from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.models import Versioned
from content.scoping import project_scoped
from content.uploads import ImageUploadField

from .events import Event


class EventPhotoQuerySet(models.QuerySet):
    def approved_and_cleared(self):
        """Approved by the coordinators and cleared by the uploader or a coordinator (everyone
        shown agreed): what an event's page shows to whoever may see the event."""
        return self.filter(is_approved=True, is_cleared=True)

    def public(self):
        """The photos the public site shows: approved and cleared, of a published event."""
        return self.approved_and_cleared().filter(event__is_published=True)


class EventPhoto(Versioned):
    """A photo of an event, uploaded by partner staff or coordinators."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="photos"
    )
    image = ImageUploadField(_("photo"), upload_to="events/photos/%Y/")
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    is_cleared = models.BooleanField(
        _("cleared for publication"),
        default=False,
        help_text=_("Everyone shown in the photo agreed to its publication."),
    )
    is_approved = models.BooleanField(
        _("approved"),
        default=False,
        help_text=_(
            "Approved by the coordinators: set when they approve the event, or here. "
            "Only approved photos that are cleared for publication are shown on the public site."
        ),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = project_scoped(EventPhotoQuerySet, path="event__project")

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["event", "uploaded_at", "pk"]
        indexes = [
            models.Index(fields=["event", "is_approved", "is_cleared"], name="eventphoto_public"),
        ]

    def __str__(self):
        return self.caption or self.image.name
