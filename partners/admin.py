from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin

from better_portal.uploads import UploadValidationMixin

from .models import Organisation, Person

# The translation tabs of modeltranslation need jQuery UI's tabs widget; it is served from our
# own static files (no CDN, see DESIGN.md) rather than modeltranslation's default CDN address.
TRANSLATION_TABS_MEDIA = forms.Media(
    js=[
        "admin/js/jquery.init.js",
        "modeltranslation/js/force_jquery.js",
        "admin-extra/vendor/jquery-ui-tabs.js",
        "modeltranslation/js/tabbed_translation_fields.js",
    ],
    css={"all": ["modeltranslation/css/tabbed_translation_fields.css"]},
)

# Languages a coordinator checks for missing translations: every content language but English.
OTHER_LANGUAGES = [
    lang for lang in mt_settings.AVAILABLE_LANGUAGES if lang != mt_settings.DEFAULT_LANGUAGE
]


def localized(*names):
    """Every language's field for each translated field name: ("title_en", "title_it", ...)."""
    return tuple(
        build_localized_fieldname(name, lang)
        for name in names
        for lang in mt_settings.AVAILABLE_LANGUAGES
    )


def _is_empty(value):
    return value is None or value == ""


def missing_languages(obj, required="title", optional="summary"):
    """Languages in which obj lacks the required field, or the optional one English has."""
    english = getattr(obj, build_localized_fieldname(optional, mt_settings.DEFAULT_LANGUAGE))
    return [
        lang
        for lang in OTHER_LANGUAGES
        if _is_empty(getattr(obj, build_localized_fieldname(required, lang)))
        or (
            not _is_empty(english)
            and _is_empty(getattr(obj, build_localized_fieldname(optional, lang)))
        )
    ]


def missing_languages_q(lang, required="title", optional="summary"):
    """The database form of missing_languages(): objects lacking a translation in lang."""

    def empty(name):
        field = build_localized_fieldname(name, lang)
        return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})

    english = build_localized_fieldname(optional, mt_settings.DEFAULT_LANGUAGE)
    english_empty = Q(**{f"{english}__isnull": True}) | Q(**{english: ""})
    return empty(required) | (empty(optional) & ~english_empty)


class MissingTranslationFilter(admin.SimpleListFilter):
    """List filter: objects whose title or summary is not translated into a chosen language."""

    title = _("missing translation in")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        languages = dict(settings.LANGUAGES)
        return [(lang, languages.get(lang, lang)) for lang in OTHER_LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in OTHER_LANGUAGES:
            return queryset.filter(missing_languages_q(self.value()))
        return queryset


class MissingLanguagesMixin:
    """A “missing languages” column for admins of models with a translated title and summary."""

    @admin.display(description=_("missing languages"))
    def missing_languages(self, obj):
        return ", ".join(missing_languages(obj)) or "✓"


class TranslatedAdmin(UploadValidationMixin, TabbedTranslationAdmin):
    """A ModelAdmin with a tab per language for translated fields, its scripts served locally,
    and its uploads checked (better_portal/uploads.py)."""

    # Not modeltranslation's Media, which loads jQuery UI from a CDN; subclasses inherit this.
    Media = None

    @property
    def media(self):
        return admin.ModelAdmin.media.fget(self) + TRANSLATION_TABS_MEDIA


class HistoryTranslatedAdmin(SimpleHistoryAdmin, TranslatedAdmin):
    """A translated admin with the history of every version, who and when, and revert."""


class PersonInline(TranslationTabularInline):
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
    search_fields = [*localized("name"), "short_name", "city", "nuts_code"]
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
    search_fields = ["name", "email", *localized("role"), *localized("organisation__name")]
    autocomplete_fields = ["organisation", "user"]
    fieldsets = [
        (None, {"fields": ["name", "honorific", "organisation", "role", "bio"]}),
        (_("Contact"), {"fields": ["email", "is_public"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["user"]}),
    ]

    @admin.display(description=_("organisation"), ordering="organisation__partner_number")
    def organisation_label(self, obj):
        return obj.organisation.label if obj.organisation_id else ""
