"""sitemap.xml: every public page in each language of the project, with hreflang alternates and
x-default."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from content.site import current_project, is_programme
from events.models import Event
from partners.models import Organisation
from practices.models import GoodPractice


class I18nSitemap(Sitemap):
    """Each page in every language; its x-default is the English page, as in the page head
    (Django's own x-default is the address without a language prefix, a redirect here)."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def languages(self):
        """The languages the project being served publishes in."""
        return current_project().language_codes

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            by_code = {a["lang_code"]: a for a in url["alternates"]}
            if "x-default" in by_code and settings.LANGUAGE_CODE in by_code:
                by_code["x-default"]["location"] = by_code[settings.LANGUAGE_CODE]["location"]
        return urls


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
        return Organisation.objects.in_project().order_by("pk")


class StaticSitemap(I18nSitemap):
    def items(self):
        return ["home", "events:list", "practices:list", "partners:list"]

    def location(self, name):
        return reverse(name)


class ProgrammeSitemap(StaticSitemap):
    """The programme's pages (better_portal/programme.py), which every project's site serves
    alike: listed once, in the default project's sitemap, and only where there is a programme
    (more than one project)."""

    def items(self):
        if not (is_programme() and current_project().is_default):
            return []
        return ["programme:home", "programme:practices"]


SITEMAPS = {
    "pages": StaticSitemap,
    "events": EventSitemap,
    "practices": PracticeSitemap,
    "partners": OrganisationSitemap,
    "programme": ProgrammeSitemap,
}
