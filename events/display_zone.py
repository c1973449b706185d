"""The zone an event page shows its times in: the reader's `tz` choice, remembered in a cookie."""

import zoneinfo
from dataclasses import dataclass, field
from functools import cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from content.fragments import fragments_enabled
from content.page_cache import cached_until_content_changes
from content.timezones import timezone_choices
from partners.models import Organisation

TZ_PARAMETER = "tz"
TZ_COOKIE = "tz"
TZ_COOKIE_MAX_AGE = 365 * 24 * 3600


@cache
def known_zones():
    return frozenset(name for name, _label in timezone_choices())


@dataclass
class DisplayZone:
    zone: zoneinfo.ZoneInfo
    options: list = field(default_factory=list)
    error: str = ""
    remember: str = ""  # a zone name to store in the cookie, when the reader just chose one


def _consortium_cities():
    cities = {}
    for org in Organisation.objects.consortium().only("timezone", "city", "short_name", "name"):
        cities.setdefault(org.tzname, []).append(org.city or org.short_name or org.name)
    return cities


def consortium_cities():
    """{zone name: the consortium's cities in it}; with the fragment cache, read from the cache
    until an organisation changes (the "partners" scope), per language (the names are)."""
    if not fragments_enabled():
        return _consortium_cities()
    key = f"portal:zone-cities:{get_language()}"
    return cached_until_content_changes(key, _consortium_cities, scopes=("partners",))


def zone_options(event):
    """(value, label) pairs: the event's zone, each consortium city's zone, then UTC."""
    options = [(event.tzname, _("Event’s time zone: %(zone)s") % {"zone": event.tzname})]
    cities = consortium_cities()
    for name in sorted(cities):
        if name not in (event.tzname, "UTC"):
            label = f"{name.replace('_', ' ')} ({', '.join(cities[name])})"
            options.append((name, label))
    options.append(("UTC", "UTC"))
    return options


def choose_zone(request, event):
    """The zone asked for by ?tz=, else the cookie's, else the event's own.

    An unknown ?tz= value is reported in `error` and the event's zone is used; an unknown
    cookie value is ignored silently (the reader did not just type it).
    """
    options = zone_options(event)
    asked = request.GET.get(TZ_PARAMETER, "").strip()
    name, error, remember = event.tzname, "", ""
    if asked:
        if asked in known_zones():
            name = remember = asked
        else:
            error = _(
                "“%(value)s” is not a time zone we know, so times are shown in the event’s "
                "time zone, %(zone)s."
            ) % {"value": asked[:64], "zone": event.tzname}
    elif request.COOKIES.get(TZ_COOKIE) in known_zones():
        name = request.COOKIES[TZ_COOKIE]
    if name not in {value for value, _label in options}:
        options.insert(1, (name, name.replace("_", " ")))
    return DisplayZone(
        zone=zoneinfo.ZoneInfo(name), options=options, error=error, remember=remember
    )
