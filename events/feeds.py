"""The Atom feed of published events, in the URL's language, narrowed by the events list filters."""

from typing import NamedTuple

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe

from content.site import current_identity

from .listing import BadFilter, filtered_events, list_etag

FEED_LENGTH = 50


class FilteredEvents(NamedTuple):
    events: object
    query: str


class EventFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        """The filtered events; raises BadFilter, which the view turns into a 400."""
        return FilteredEvents(filtered_events(request.GET), request.GET.urlencode())

    def title(self):
        return _("%(portal)s events") % {"portal": current_identity().acronym}

    def subtitle(self):
        return _("Thematic events, study visits and meetings of the %(portal)s project.") % {
            "portal": current_identity().acronym
        }

    def link(self, obj):
        return _with_query(reverse("events:list"), obj.query)

    def feed_url(self, obj):
        return _with_query(reverse("events:feed"), obj.query)

    def items(self, obj):
        return obj.events.with_related()[:FEED_LENGTH]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.created

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
