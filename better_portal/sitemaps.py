"""sitemap.xml: every public page in every language, with hreflang alternates and x-default."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from partners.models import Organisation
from practices.models import GoodPractice


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class EventSitemap(I18nSitemap):
    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, event):
        return event.updated


class PracticeSitemap(I18nSitemap):
    def items(self):
        return GoodPractice.objects.published().order_by("pk")

    def lastmod(self, practice):
        return practice.updated


class OrganisationSitemap(I18nSitemap):
    def items(self):
        return Organisation.objects.order_by("pk")


class StaticSitemap(I18nSitemap):
    def items(self):
        return ["home", "events:list", "practices:list", "partners:list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": StaticSitemap,
    "events": EventSitemap,
    "practices": PracticeSitemap,
    "partners": OrganisationSitemap,
}
