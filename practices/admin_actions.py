"""Admin actions exporting the selected good practices, for the practice admin's `actions`."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .exports import export_practices


@admin.action(description=_("Export the selected good practices as CSV"), permissions=["view"])
def export_practices_csv(modeladmin, request, queryset):
    return export_practices(queryset, "csv")


@admin.action(description=_("Export the selected good practices as XLSX"), permissions=["view"])
def export_practices_xlsx(modeladmin, request, queryset):
    return export_practices(queryset, "xlsx")
