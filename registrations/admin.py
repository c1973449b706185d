from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin import VersionedAdminMixin
from events.admin import EventPartTimeZoneMixin

from .models import Registration, RegistrationSettings, Subscription


@admin.register(RegistrationSettings)
class RegistrationSettingsAdmin(EventPartTimeZoneMixin, VersionedAdminMixin, admin.ModelAdmin):
    """Times are entered and shown in the event's zone (EventPartTimeZoneMixin)."""

    list_display = ["event", "is_enabled", "opens_at", "closes_at", "capacity", "taken"]
    list_filter = ["is_enabled"]
    list_select_related = ["event"]
    autocomplete_fields = ["event"]
    search_fields = ["event__title"]
    fields = ["event", "is_enabled", "opens_at", "closes_at", "capacity"]

    @admin.display(description=_("confirmed"))
    def taken(self, obj):
        return obj.event.registrations.holding_places().count()


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "event",
        "organisation_label",
        "category",
        "status",
        "checked_in",
        "photo_consent",
    ]
    list_filter = ["status", "checked_in", "photo_consent", "category", "event"]
    list_select_related = ["event", "organisation"]
    search_fields = ["name", "email", "organisation_name", "event__title"]
    autocomplete_fields = ["event", "organisation"]
    filter_horizontal = ["workshops"]
    readonly_fields = ["created_at", "requested_at", "is_walk_in"]
    fieldsets = [
        (None, {"fields": ["event", "name", "email", "organisation", "organisation_name"]}),
        (None, {"fields": ["category", "workshops", "needs", "language"]}),
        (_("Consent"), {"fields": ["privacy_consent", "photo_consent"]}),
        (
            _("Status"),
            {"fields": ["status", "checked_in", "is_walk_in", "created_at", "requested_at"]},
        ),
    ]

    @admin.display(description=_("organisation"))
    def organisation_label(self, obj):
        return obj.organisation_label


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "topic", "partner", "theme", "event_kind", "frequency", "is_confirmed"]
    list_filter = ["is_confirmed", "topic", "frequency", "language"]
    search_fields = ["email"]
    readonly_fields = ["created_at", "last_digest_at"]
