from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")

    def ready(self):
        from content.page_cache import invalidate_pages_on_write

        from .models import GoodPractice, Theme, Transfer

        invalidate_pages_on_write(GoodPractice, Transfer, scope="practices")
        invalidate_pages_on_write(Theme, scope="themes")
