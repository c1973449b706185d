"""The review queue: proxies of what partner staff submit, with their own admin pages.

The workspace stores nothing of its own: events, practices and photos live in their apps.
"""

from django.utils.translation import gettext_lazy as _

from events.models import Event
from practices.models import GoodPractice


class SubmittedEvent(Event):
    class Meta:
        proxy = True
        verbose_name = _("submitted study visit")
        verbose_name_plural = _("submitted study visits")
        ordering = ["submitted_at", "pk"]
        # The two permissions of the workspace live here because the workspace has no table.
        permissions = [
            ("review_submissions", _("Can approve or return what partners submit")),
            ("use_workspace", _("Can use the partner workspace")),
        ]


class SubmittedPractice(GoodPractice):
    class Meta:
        proxy = True
        verbose_name = _("submitted practice")
        verbose_name_plural = _("submitted practices")
        ordering = ["submitted_at", "pk"]
