"""Admin actions exporting the selected events; the event admins list them in `actions`."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .reports import export_events


@admin.action(description=_("Export the selected events as CSV"), permissions=["view"])
def export_events_csv(modeladmin, request, queryset):
    return export_events(queryset, "csv")


@admin.action(description=_("Export the selected events as XLSX"), permissions=["view"])
def export_events_xlsx(modeladmin, request, queryset):
    return export_events(queryset, "xlsx")
