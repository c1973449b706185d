"""The Atom feed of published events, in the URL's language, narrowed by the events list filters."""

from typing import NamedTuple

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe

from content.fallback import localized
from content.site import current_project

from .listing import BadFilter, filtered_events, list_etag

FEED_LENGTH = 50
LANGUAGE_TAGGED = ("title", "summary")


class LanguageTaggedAtomFeed(Atom1Feed):
    """Atom whose entry title and summary carry xml:lang when they are in another language
    than the feed's (the English fallback of a text not translated yet)."""

    def add_item_elements(self, handler, item):
        langs = {name: item.get(f"{name}_lang") for name in LANGUAGE_TAGGED}
        feed_language = self.feed["language"]
        add_quick_element = handler.addQuickElement

        def tagged(name, contents=None, attrs=None):
            lang = langs.get(name)
            if lang and lang != feed_language:
                attrs = {**(attrs or {}), "xml:lang": lang}
            return add_quick_element(name, contents, attrs)

        handler.addQuickElement = tagged
        try:
            super().add_item_elements(handler, item)
        finally:
            del handler.addQuickElement


class FilteredEvents(NamedTuple):
    events: object
    query: str


class EventFeed(Feed):
    feed_type = LanguageTaggedAtomFeed

    def get_object(self, request):
        """The filtered events; raises BadFilter, which the view turns into a 400."""
        return FilteredEvents(filtered_events(request.GET), request.GET.urlencode())

    def title(self):
        return _("%(portal)s events") % {"portal": current_project().acronym}

    def subtitle(self):
        return _("Thematic events, study visits and meetings of the %(portal)s project.") % {
            "portal": current_project().acronym
        }

    def link(self, obj):
        return _with_query(reverse("events:list"), obj.query)

    def feed_url(self, obj):
        return _with_query(reverse("events:feed"), obj.query)

    def items(self, obj):
        # The entries' categories are the themes, which lists do not show.
        return obj.events.with_related().prefetch_related("themes")[:FEED_LENGTH]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return item.summary

    def item_extra_kwargs(self, item):
        return {
            "title_lang": localized(item, "title").lang,
            "summary_lang": localized(item, "summary").lang,
        }

    def item_pubdate(self, item):
        """When the event first went public (events published before that was recorded: their
        creation)."""
        return item.published_at or item.created

    def item_updateddate(self, item):
        return item.updated

    def item_author_name(self, item):
        # Atom allows several authors but Django's feed one: every host, co-hosts included.
        return ", ".join(host.name for host in item.hosts) or None

    def item_categories(self, item):
        return [item.get_kind_display()] + [theme.name for theme in item.themes.all()]


def _with_query(url, query):
    return f"{url}?{query}" if query else url


@require_safe
@condition(etag_func=list_etag)
def event_feed(request):
    """The Atom feed; a bad filter value is a plain-text 400 naming the parameter."""
    try:
        return EventFeed()(request)
    except BadFilter as error:
        return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
