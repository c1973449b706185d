"""Dates and times of events, shown in a chosen zone inside <time datetime> elements."""

import datetime as dt

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import pgettext

register = template.Library()

# The English month names, the msgids of better_portal/formats/months.py's
# MONTHS_AFTER_PREPOSITION (declared there for the catalogues).
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _month_after_preposition(day):
    """“Μάρτιο 2020” in Greek: the language's year-month format, its month in the form it takes
    after a preposition (the accusative in Greek); Django's own words where none is translated."""
    month = _MONTHS[day.month - 1]
    word = pgettext("month after a preposition", month)
    year_month = formats.get_format("YEAR_MONTH_FORMAT")
    if word == month or "F" not in year_month:
        return formats.date_format(day, "YEAR_MONTH_FORMAT")
    escaped = "".join(f"\\{c}" for c in word)
    return formats.date_format(day, year_month.replace("F", escaped))


@register.simple_tag
def local_date(value, zone=None):
    """<time datetime="2020-06-16">16 June 2020</time>; an instant is first moved to zone."""
    if isinstance(value, dt.datetime):
        value = value.astimezone(zone).date()
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), formats.date_format(value)
    )


@register.simple_tag
def time_range(start, end, zone):
    """“10:30–12:00 CEST”: each end in its own <time datetime>, then the zone's abbreviation.

    The end time carries its date when it falls on another day than the start.
    """
    start = start.astimezone(zone)
    start_html = format_html(
        '<time datetime="{}">{}</time>', start.isoformat(), formats.time_format(start, "H:i")
    )
    if end is None:
        return format_html('{} <abbr title="{}">{}</abbr>', start_html, zone.key, start.tzname())
    end = end.astimezone(zone)
    end_text = formats.time_format(end, "H:i")
    if end.date() != start.date():
        end_text = f"{formats.date_format(end.date())} {end_text}"
    return format_html(
        '{}–<time datetime="{}">{}</time> <abbr title="{}">{}</abbr>',
        start_html,
        end.isoformat(),
        end_text,
        zone.key,
        end.tzname(),
    )


@register.simple_tag
def previous_when(change):
    """When a changed event was first planned: “March 2020” at month precision, else the day."""
    day = change.previous_start_date
    if day is None:
        return ""
    if change.previous_date_precision == change.Precision.MONTH:
        return format_html(
            '<time datetime="{}">{}</time>',
            day.strftime("%Y-%m"),
            _month_after_preposition(day),
        )
    text = formats.date_format(day)
    end = change.previous_end_date
    if end and end != day:
        text = f"{text} – {formats.date_format(end)}"
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), text)
