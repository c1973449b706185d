from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from content.admin import HistoryTranslatedAdmin, VersionedInlineMixin
from content.languages import columns

from .models import CurrentProject, Organisation, PartnerNumber, PartnerRole, Person, ProjectPartner


class PartnerRoleFilter(admin.SimpleListFilter):
    """The role in the project being served of the organisation at `organisation_path`."""

    title = _("partner role")
    parameter_name = "partner_role"
    organisation_path = ""

    def lookups(self, request, model_admin):
        return PartnerRole.choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        path = f"{self.organisation_path}memberships"
        return queryset.filter(
            **{f"{path}__project": CurrentProject(), f"{path}__role": self.value()}
        )


class PersonPartnerRoleFilter(PartnerRoleFilter):
    parameter_name = "organisation__partner_role"
    organisation_path = "organisation__"


class ProjectPartnerInline(VersionedInlineMixin, admin.TabularInline):
    """The organisation's number and role in the project being served: the scoped default
    manager shows that project's row only."""

    model = ProjectPartner
    fields = ["number", "role"]
    extra = 0
    max_num = 1
    verbose_name = _("partner in this project")
    verbose_name_plural = _("partner in this project")


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
    list_filter = [PartnerRoleFilter, "organisation_type", "country"]
    ordering = [PartnerNumber(), "name"]
    search_fields = [*columns("name", "short_name", "city"), "nuts_code"]
    prepopulated_fields = {"slug": ("name",)}
    inlines = [ProjectPartnerInline, PersonInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "organisation_type", "description"]}),
        (_("Place"), {"fields": ["country", "city", "nuts_code", "timezone"]}),
        (_("On the web"), {"fields": ["website", "logo"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug"]}),
    ]

    @admin.display(description=_("partner"), ordering=PartnerNumber())
    def partner_code(self, obj):
        return obj.partner_code

    @admin.display(description=_("partner role"))
    def partner_role(self, obj):
        return obj.get_partner_role_display() or None  # the empty value's dash


@admin.register(Person)
class PersonAdmin(HistoryTranslatedAdmin):
    list_display = ["name", "honorific", "organisation_label", "role", "is_public"]
    list_filter = ["is_public", PersonPartnerRoleFilter]
    list_select_related = ["organisation"]
    search_fields = ["name", "email", *columns("role"), *columns("organisation__name")]
    autocomplete_fields = ["organisation", "user"]
    fieldsets = [
        (None, {"fields": ["name", "honorific", "organisation", "role", "bio"]}),
        (_("Contact"), {"fields": ["email", "language", "is_public"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["user"]}),
    ]

    @admin.display(description=_("organisation"), ordering=PartnerNumber("organisation"))
    def organisation_label(self, obj):
        return obj.organisation.label if obj.organisation_id else ""
