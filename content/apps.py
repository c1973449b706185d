from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """The ground floor: what every piece of published, translated, reviewed content shares."""

    name = "content"
    verbose_name = _("Content")

    def ready(self):
        from .page_cache import connect_signals, invalidate_pages_on_write
        from .site import LegalPage, Project

        invalidate_pages_on_write(Project, LegalPage, scope="site")
        connect_signals()
