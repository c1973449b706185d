from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    """Registration, attendance and change notices; events knows nothing of it."""

    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from events.models import Event, EventChange
        from practices.models import GoodPractice

        from .notices import on_change_saved
        from .subscriptions import on_item_saved

        post_save.connect(on_change_saved, sender=EventChange, dispatch_uid="registrations-change")
        for model in (Event, GoodPractice):
            post_save.connect(
                on_item_saved, sender=model, dispatch_uid=f"announce-{model.__name__}"
            )
