"""The export of the good-practice list as CSV or XLSX."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from content.tables import Table, table_response, yes_no


def _date(value):
    return value if isinstance(value, dt.date) else None


def practices_table(queryset):
    """The good practices of `queryset`, one row each, in the queryset's order."""
    practices = queryset.select_related("owner", "contact").prefetch_related(
        "themes", "transfers__importer"
    )
    table = Table(
        name="good-practices",
        title=_("Good practices"),
        columns=[
            _("Title"),
            _("Owner organisation"),
            _("Status"),
            _("Themes"),
            _("Location"),
            _("Start"),
            _("End"),
            _("Ongoing"),
            _("Contact person"),
            _("Importing partners"),
            _("Further information"),
        ],
    )
    for practice in practices:
        table.rows.append(
            [
                practice.title,
                practice.owner.label,
                practice.get_status_display(),
                ", ".join(theme.name for theme in practice.themes.all()),
                practice.location,
                _date(practice.start_date),
                _date(practice.end_date),
                yes_no(practice.is_ongoing),
                practice.contact.full_name if practice.contact else "",
                ", ".join(t.importer.label for t in practice.transfers.all()),
                practice.further_information,
            ]
        )
    return table


def export_practices(queryset, fmt):
    """The good practices of `queryset` as a CSV or XLSX download named good-practices.<fmt>."""
    return table_response(practices_table(queryset), fmt)
