from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from content.page_cache import invalidate_pages_on_write

        from . import models

        invalidate_pages_on_write(
            models.Event,
            models.Participation,
            models.Workshop,
            models.Material,
            models.EventChange,
            models.Semester,
            # The event page's gallery: an approved photo shows on the next request.
            models.EventPhoto,
            scope="events",
        )
