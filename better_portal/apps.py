from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BetterPortalConfig(AppConfig):
    name = "better_portal"
    verbose_name = _("Portal")
