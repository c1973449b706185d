from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from content.page_cache import invalidate_pages_on_write

        from .models import Organisation, Person, ProjectPartner

        invalidate_pages_on_write(Organisation, Person, ProjectPartner, scope="partners")
