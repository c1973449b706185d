"""The base classes of every content admin: language tabs, missing translations, history,
and the version check that refuses a stale save; and the outgoing mail, with its errors."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import languages
from .forms import VersionedModelForm
from .mail import send_again
from .models import EditConflict, Mail, Versioned
from .site import LegalPage, Project, coordinates, current_project, runs_programme

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


def _is_empty(value):
    return value is None or value == ""


def missing_languages(obj, required="title", optional="summary"):
    """Languages in which obj lacks the required field, or the optional one English has."""
    english = getattr(obj, languages.column(optional, languages.default()))
    return [
        lang
        for lang in languages.others()
        if _is_empty(getattr(obj, languages.column(required, lang)))
        or (not _is_empty(english) and _is_empty(getattr(obj, languages.column(optional, lang))))
    ]


def missing_languages_q(lang, required="title", optional="summary"):
    """The database form of missing_languages(): objects lacking a translation in lang."""

    def empty(name):
        field = languages.column(name, lang)
        return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})

    english = languages.column(optional, languages.default())
    english_empty = Q(**{f"{english}__isnull": True}) | Q(**{english: ""})
    return empty(required) | (empty(optional) & ~english_empty)


class MissingTranslationFilter(admin.SimpleListFilter):
    """List filter: objects whose title or summary is not translated into a chosen language."""

    title = _("missing translation in")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        names = dict(settings.LANGUAGES)
        return [(lang, names[lang]) for lang in languages.others()]

    def queryset(self, request, queryset):
        if self.value() in languages.others():
            return queryset.filter(missing_languages_q(self.value()))
        return queryset


class MissingLanguagesMixin:
    """A “missing languages” column for admins of models with a translated title and summary."""

    @admin.display(description=_("missing languages"))
    def missing_languages(self, obj):
        return ", ".join(missing_languages(obj)) or "✓"


class VersionedAdminMixin:
    """For models with a `version` field: the change form carries the version it showed, and a
    save over someone else's newer save is refused with the editor's input kept."""

    def _is_versioned(self):
        return issubclass(self.model, Versioned)

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.pop("form", self.form)
        if self._is_versioned() and not issubclass(base, VersionedModelForm):
            base = type(f"Versioned{base.__name__}", (VersionedModelForm, base), {})
        return super().get_form(request, obj, change=change, form=base, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if not self._is_versioned() or "seen_version" in flatten_fieldsets(fieldsets):
            return fieldsets
        name, options = fieldsets[0]
        fields = [*options["fields"], "seen_version"]
        return [(name, {**options, "fields": fields}), *fieldsets[1:]]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Someone saved between this form's check and its save (the save was rolled back):
            # checked again, the form now tells the editor so and keeps their input.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change and self._is_versioned():
            # Refuses (and rolls back) the rare save racing another after the form's check.
            obj.claim_version(form.cleaned_data["seen_version"])
        super().save_model(request, obj, form, change)


class VersionedInlineMixin(VersionedAdminMixin):
    """For inline rows of versioned models: each row carries the version it showed, and a row
    someone else saved meanwhile is refused with the editor's input kept."""

    def get_formset(self, request, obj=None, **kwargs):
        base = kwargs.pop("form", self.form)
        if not issubclass(base, VersionedModelForm):
            base = type(f"Versioned{base.__name__}", (VersionedModelForm, base), {})
        return super().get_formset(request, obj, form=base, **kwargs)


class TranslatedAdmin(VersionedAdminMixin, TabbedTranslationAdmin):
    """A ModelAdmin with a tab per language for translated fields, its scripts served locally,
    and a stale save refused for versioned models."""

    # Not modeltranslation's Media, which loads jQuery UI from a CDN; subclasses inherit this.
    Media = None

    @property
    def media(self):
        return admin.ModelAdmin.media.fget(self) + TRANSLATION_TABS_MEDIA


class HistoryTranslatedAdmin(SimpleHistoryAdmin, TranslatedAdmin):
    """A translated admin with the history of every version, who and when, and revert."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        except EditConflict:  # as in changeform_view: the form checked again says so
            return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Mail)
class MailAdmin(admin.ModelAdmin):
    """What the portal mailed to whom, and why a mail could not be sent: read-only, with
    “send again” for unsent mails (the list action, and a button on each mail's page)."""

    list_display = ["created_at", "to", "subject", "status", "attempts", "error_summary"]
    list_filter = ["status", "template", "language"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    actions = ["send_again_selected"]
    fields = [
        "status",
        "to",
        "reply_to",
        "language",
        "subject",
        "body",
        "attempts",
        "error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "template",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("last error"))
    def error_summary(self, obj):
        return truncatechars(obj.error, 80)

    @admin.action(description=_("Send the selected e-mails again"), permissions=["change"])
    def send_again_selected(self, request, queryset):
        self._send_again(request, queryset)

    def save_model(self, request, obj, form, change):
        pass  # every field is read-only: a change form's POST only sends again

    def response_change(self, request, obj):
        if "_send_again" in request.POST:
            self._send_again(request, Mail.objects.filter(pk=obj.pk))
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def _send_again(self, request, mails):
        count = send_again(mails)
        if count:
            message = ngettext(
                "%(count)d e-mail will be sent again.",
                "%(count)d e-mails will be sent again.",
                count,
            ) % {"count": count}
            self.message_user(request, message, messages.SUCCESS)
        else:
            self.message_user(request, _("These e-mails were sent already."), messages.WARNING)


_admin_permission = admin.site.has_permission


def _runs_the_project(request):
    """The admin is open to the coordinators of the project being served (and superusers)."""
    return _admin_permission(request) and coordinates(request.user)


admin.site.has_permission = _runs_the_project


class ProjectForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=Project._meta.get_field("languages").verbose_name,
        help_text=Project._meta.get_field("languages").help_text,
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


@admin.register(Project)
class ProjectAdmin(HistoryTranslatedAdmin):
    """A coordinator edits the project being served (the list page opens it); the programme
    level (superusers, and logins with the permission to run the programme) lists, adds and
    edits every project."""

    list_display = ["acronym", "slug", "domain"]
    form = ProjectForm

    fieldsets = [
        (None, {"fields": ["acronym", "name", "tagline", "description", "languages"]}),
        (_("Programme"), {"fields": ["programme_name", "programme_logo"]}),
        (_("Logo"), {"fields": ["project_logo"]}),
        (_("Contact details"), {"fields": ["contact_address", "contact_email", "social_links"]}),
        (_("Coordinators"), {"fields": ["coordinators"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug", "domain"]}),
    ]
    filter_horizontal = ["coordinators"]

    def get_readonly_fields(self, request, obj=None):
        # Who runs a project, and where it is served, is the programme level's to decide.
        return [] if runs_programme(request.user) else ["coordinators", "slug", "domain"]

    def has_add_permission(self, request):
        return runs_programme(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or runs_programme(request.user) or obj == current_project())

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        projects = super().get_queryset(request)
        if runs_programme(request.user):
            return projects
        return projects.filter(pk=current_project().pk)

    def changelist_view(self, request, extra_context=None):
        if runs_programme(request.user):
            return super().changelist_view(request, extra_context)
        return HttpResponseRedirect(
            reverse("admin:content_project_change", args=[current_project().pk])
        )


@admin.register(LegalPage)
class LegalPageAdmin(HistoryTranslatedAdmin):
    list_display = ["title", "kind", "last_reviewed", "updated"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "body"]}),
        (_("Accessibility"), {"fields": ["last_reviewed"]}),
    ]
