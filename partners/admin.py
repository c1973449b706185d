from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from content.admin import HistoryTranslatedAdmin, VersionedInlineMixin
from content.languages import columns

from .models import Organisation, Person


class PersonInline(VersionedInlineMixin, TranslationTabularInline):
    model = Person
    fields = ["name", "honorific", "role", "email", "is_public"]
    extra = 0
    show_change_link = True


@admin.register(Organisation)
class OrganisationAdmin(HistoryTranslatedAdmin):
    list_display = [
        "name",
        "partner_code",
        "short_name",
        "city",
        "country",
        "organisation_type",
        "partner_role",
    ]
    list_filter = ["partner_role", "organisation_type", "country"]
    search_fields = [*columns("name", "short_name", "city"), "nuts_code"]
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PersonInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "organisation_type", "description"]}),
        (_("Consortium"), {"fields": ["partner_number", "partner_role"]}),
        (_("Place"), {"fields": ["country", "city", "nuts_code", "timezone"]}),
        (_("On the web"), {"fields": ["website", "logo"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug"]}),
    ]

    @admin.display(description=_("partner"), ordering="partner_number")
    def partner_code(self, obj):
        return obj.partner_code


@admin.register(Person)
class PersonAdmin(HistoryTranslatedAdmin):
    list_display = ["name", "honorific", "organisation_label", "role", "is_public"]
    list_filter = ["is_public", "organisation__partner_role"]
    list_select_related = ["organisation"]
    search_fields = ["name", "email", *columns("role"), *columns("organisation__name")]
    autocomplete_fields = ["organisation", "user"]
    fieldsets = [
        (None, {"fields": ["name", "honorific", "organisation", "role", "bio"]}),
        (_("Contact"), {"fields": ["email", "language", "is_public"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["user"]}),
    ]

    @admin.display(description=_("organisation"), ordering="organisation__partner_number")
    def organisation_label(self, obj):
        return obj.organisation.label if obj.organisation_id else ""
