from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from content.admin import (
    HistoryTranslatedAdmin,
    MissingLanguagesMixin,
    MissingTranslationFilter,
    VersionedAdminMixin,
    VersionedInlineMixin,
)
from content.languages import columns

from .admin_actions import export_practices_csv, export_practices_xlsx
from .models import GoodPractice, Theme, Transfer


@admin.register(Theme)
class ThemeAdmin(HistoryTranslatedAdmin):
    list_display = ["name", "slug"]
    search_fields = columns("name")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = [
        (None, {"fields": ["name"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug"]}),
    ]


class TransferInline(VersionedInlineMixin, admin.TabularInline):
    model = Transfer
    fk_name = "practice"
    fields = ["importer", "stage", "started_on", "stage_reached_on"]
    autocomplete_fields = ["importer"]
    extra = 0
    show_change_link = True


@admin.register(GoodPractice)
class GoodPracticeAdmin(MissingLanguagesMixin, HistoryTranslatedAdmin):
    list_display = ["title", "owner", "status", "missing_languages", "updated"]
    list_filter = ["status", "themes", "is_ongoing", MissingTranslationFilter]
    list_select_related = ["owner"]
    search_fields = [*columns("title", "summary"), *columns("owner__name")]
    autocomplete_fields = ["owner", "contact", "themes"]
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ["created", "updated"]
    date_hierarchy = "updated"
    inlines = [TransferInline]
    actions = ["publish", "unpublish", export_practices_csv, export_practices_xlsx]
    # In the order of the Interreg Europe good-practice form, so partners can copy and paste.
    fieldsets = [
        (None, {"fields": ["title", "summary", "status"]}),
        (
            _("Description"),
            {
                "fields": [
                    "description",
                    "resources_needed",
                    "evidence_of_success",
                    "difficulties_encountered",
                    "potential_for_learning",
                    "further_information",
                ]
            },
        ),
        (_("Owner and place"), {"fields": ["owner", "contact", "location", "themes"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Timescale"), {"fields": ["start_date", "end_date", "is_ongoing"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug", "created", "updated"]}),
    ]

    @admin.action(description=_("Publish the selected good practices"))
    def publish(self, request, queryset):
        count = queryset.publish()
        self.message_user(
            request,
            ngettext("%d good practice published.", "%d good practices published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Return the selected good practices to draft"))
    def unpublish(self, request, queryset):
        count = queryset.unpublish()
        self.message_user(
            request,
            ngettext(
                "%d good practice returned to draft.", "%d good practices returned to draft.", count
            )
            % count,
            messages.SUCCESS,
        )


@admin.register(Transfer)
class TransferAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "importer", "stage", "started_on", "stage_reached_on"]
    list_filter = ["stage", "importer"]
    list_select_related = ["practice", "importer"]
    search_fields = [*columns("practice__title"), *columns("importer__name")]
    autocomplete_fields = ["practice", "importer"]
    fieldsets = [
        (None, {"fields": ["practice", "importer", "stage"]}),
        (_("Dates"), {"fields": ["started_on", "stage_reached_on"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["notes"]}),
    ]
