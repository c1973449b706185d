from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.models import Versioned
from content.uploads import ImageUploadField

from .events import Event


class EventPhoto(Versioned):
    """A photo of an event, uploaded by partner staff or coordinators."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="photos"
    )
    image = ImageUploadField(_("photo"), upload_to="events/photos/%Y/")
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
