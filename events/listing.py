"""The visible, filtered events behind the calendar feed, the Atom feed, the JSON export and the
embeddable list: one place that reads the list filters and says when the result last changed."""

import hashlib

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from content.page_cache import content_version, versions_are_shared

from .filters import EventFilter
from .models import Event

# What the calendar feed, the Atom feed, the JSON export and the embed show: events with their
# hosts and participants, experts, themes (content/page_cache.py) and the practices examined.
LIST_SCOPES = ("events", "partners", "themes", "practices")


class BadFilter(ValueError):
    """The request's filter values do not validate; `errors` maps each parameter to its problems."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__(self.message)

    @property
    def message(self):
        return "\n".join(
            _("Bad value for the filter “%(name)s”: %(problem)s") % {"name": name, "problem": p}
            for name, problems in self.errors.items()
            for p in problems
        )


def filtered_events(data, queryset=None):
    """Published events narrowed by the list filters in `data`; raises BadFilter when invalid."""
    queryset = Event.objects.published() if queryset is None else queryset
    if not any(data.get(name) for name in EventFilter.base_filters):
        return queryset.all()  # what the filters give without a value: no form to build
    filterset = EventFilter(data, queryset=queryset)
    if not filterset.is_valid():
        raise BadFilter({name: list(errors) for name, errors in filterset.errors.items()})
    return filterset.qs


def fingerprint(queryset):
    """A summary of the events that changes when any of them, their changes or workshops change.

    Workshops have no `updated` field, so editing a workshop without saving its event is not seen.
    """
    return queryset.order_by().aggregate(
        count=Count("pk", distinct=True),
        updated=Max("updated"),
        changes=Count("changes", distinct=True),
        workshops=Count("workshops", distinct=True),
    )


def etag(request, summary):
    """An ETag for one URL (path with language prefix and query, host) and a summary of its data."""
    key = "|".join(
        [request.get_host(), request.get_full_path()] + [str(v) for v in summary.values()]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def list_etag(request, queryset=None):
    """The ETag of the filtered list, or None for bad filters (the view then answers 400).

    With the page cache on or a shared cache, the content versions stand for the data: they
    change on every write to what the list shows (a workshop edit included), read at no query,
    where the fingerprint aggregates every matching event (a quarter of a second at 20,000).
    """
    try:
        events = filtered_events(request.GET, queryset)
    except BadFilter:
        return None
    version = content_version(scopes=LIST_SCOPES) if versions_are_shared() else None
    if version is not None:
        # The date too: "upcoming" becomes "past" at midnight without any write.
        return etag(request, {"version": version, "today": timezone.localdate()})
    return etag(request, fingerprint(events))
