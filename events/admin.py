import zoneinfo

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from content.admin import (
    HistoryTranslatedAdmin,
    MissingLanguagesMixin,
    MissingTranslationFilter,
    TranslatedAdmin,
    VersionedAdminMixin,
    VersionedInlineMixin,
)
from content.languages import columns
from partners.models import Organisation

from .admin_actions import export_events_csv, export_events_xlsx
from .models import (
    Attendance,
    Event,
    EventChange,
    EventPhoto,
    ImportWorkshop,
    LocalEvent,
    Material,
    OutsideEvent,
    Participation,
    PartnerMeeting,
    Semester,
    StudyVisit,
    ThematicEvent,
    Workshop,
)


def _known_zone(name):
    """name if it is an IANA zone this system knows, else None."""
    try:
        return name if name and zoneinfo.ZoneInfo(name) else None
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None


class EventTimeZoneMixin:
    """Add and change views whose date-time fields are entered and shown in the event's zone.

    Django converts naive form input with the current time zone and displays values in it, so the
    whole view, rendering included, runs with the event's zone activated: a coordinator anywhere
    types 10:30 for a workshop at 10:30 in Stockholm.
    """

    def event_zone(self, request, obj):
        raise NotImplementedError

    @property
    def media(self):
        # Without Django's browser-offset note, with hints that follow the zone field.
        return super().media + forms.Media(js=["admin-extra/event-zone.js"])

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        with timezone.override(self.event_zone(request, obj)):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()
        return response


class EventPartTimeZoneMixin(EventTimeZoneMixin):
    """For a part of an event (a workshop, a change): the zone of the event it belongs to."""

    def event_zone(self, request, obj):
        event_id = request.POST.get("event", "") if request.method == "POST" else ""
        event = Event.objects.filter(pk=event_id).first() if event_id.isdigit() else None
        event = event or (obj.event if obj else None)
        return event.tzname if event else settings.PORTAL_DEFAULT_TIMEZONE


class LocalTimeHelpMixin:
    """Tells, on the start and end fields, in which zone their times are entered."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("start", "end", "recorded_at") and field is not None:
            # The zone in its own element, which admin-extra/event-zone.js updates as the
            # event's zone field changes (the admin renders help texts unescaped).
            field.help_text = format_html(
                escape(_("Local time in %(zone)s")).replace("%(zone)s", "{}"),
                format_html(
                    '<span data-event-zone="">{}</span>', timezone.get_current_timezone_name()
                ),
            )
        return field


class SubmittedEventFormSet(forms.BaseInlineFormSet):
    """Rows are validated against the event as submitted (its new dates), not as stored."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.instance.pk is not None:
            form.instance.event = self.instance
        return form


class ParticipationInline(VersionedInlineMixin, admin.TabularInline):
    model = Participation
    fields = ["organisation", "role"]
    autocomplete_fields = ["organisation"]
    extra = 0


class WorkshopInline(VersionedInlineMixin, LocalTimeHelpMixin, TranslationStackedInline):
    model = Workshop
    formset = SubmittedEventFormSet
    fields = ["order", "title", "description", "start", "end", "experts"]
    autocomplete_fields = ["experts"]
    extra = 0
    show_change_link = True


class EventChangeInline(VersionedInlineMixin, LocalTimeHelpMixin, TranslationStackedInline):
    model = EventChange
    fields = [
        "recorded_at",
        ("previous_start_date", "previous_end_date", "previous_date_precision"),
        ("previous_city", "previous_venue", "previous_format"),
        "reason",
    ]
    extra = 0
    classes = ["collapse"]


class EventPhotoInline(VersionedInlineMixin, admin.TabularInline):
    """The event's photos: shown publicly only once approved and cleared for publication."""

    model = EventPhoto
    fields = ["preview", "image", "caption", "is_cleared", "is_approved"]
    readonly_fields = ["preview"]
    extra = 0

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return photo_preview(obj)


def photo_preview(photo):
    """A small rendition of the photo, linking to the stored original."""
    if not photo.image:
        return ""
    return format_html(
        '<a href="{}"><img src="{}" alt="{}" width="160"></a>',
        photo.image.url,
        photo.image.url_320,
        photo.caption,
    )


class AttendanceInline(VersionedInlineMixin, admin.TabularInline):
    model = Attendance
    fields = ["organisation", "category", "participants"]
    autocomplete_fields = ["organisation"]
    extra = 0


def event_fieldsets(kind=None):
    """Fieldsets of an event form; kind None is the generic form, where the kind is editable."""
    without_number = {Event.Kind.OUTSIDE}
    content = {
        Event.Kind.IMPORT_WORKSHOP: ["host", "transfer", "practices", "themes"],
        Event.Kind.PARTNER_MEETING: ["host", "themes"],
        Event.Kind.OUTSIDE: ["host", "themes"],
    }.get(kind, ["host", "themes", "practices"])
    heading = ["kind", "number"] if kind is None else ["number"]
    if kind in without_number:
        heading = []
    return [
        (None, {"fields": [*heading, "title", "summary", "body", "status", "is_published"]}),
        (_("Lead image"), {"fields": ["image", "image_alt"]}),
        (
            _("Dates and times"),
            {"fields": ["start_date", "end_date", "start_time", "end_time", "timezone"]},
        ),
        (
            _("Format and place"),
            {"fields": ["format", "venue", "city", "country", "online_platform", "online_url"]},
        ),
        (_("Organisations and content"), {"fields": content if kind else [*content, "transfer"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug", "created", "updated"]}),
    ]


@admin.register(Event)
class EventAdmin(EventTimeZoneMixin, MissingLanguagesMixin, HistoryTranslatedAdmin):
    """All events in one list; the only page where an event's kind can be changed."""

    list_display = [
        "title",
        "kind_number",
        "start_date",
        "host",
        "status",
        "is_published",
        "missing_languages",
    ]
    list_filter = [
        "kind",
        "status",
        "format",
        "is_published",
        "themes",
        MissingTranslationFilter,
    ]
    list_select_related = ["host"]
    search_fields = [*columns("title", "city"), "slug"]
    autocomplete_fields = ["host", "transfer", "themes", "practices"]
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ["created", "updated"]
    date_hierarchy = "start_date"
    inlines = [
        ParticipationInline,
        WorkshopInline,
        EventChangeInline,
        AttendanceInline,
        EventPhotoInline,
    ]
    actions = ["publish", "unpublish", export_events_csv, export_events_xlsx]
    fieldsets = event_fieldsets()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        times = obj.clock_times_in_body()
        if times:
            # A warning, not an error: the coordinator may mean it, and the save is kept.
            messages.warning(
                request,
                _(
                    "The body contains clock times (%(times)s). Times written in the text ignore "
                    "the reader's “show times in” choice: put the timetable in workshops."
                )
                % {"times": ", ".join(times)},
            )

    def event_zone(self, request, obj):
        if request.method == "POST":
            zone = _known_zone(request.POST.get("timezone"))
            host_id = request.POST.get("host")
            if not zone and host_id and host_id.isdigit():
                host = Organisation.objects.filter(pk=host_id).first()
                zone = host.tzname if host else None
            if zone:
                return zone
        return obj.tzname if obj else settings.PORTAL_DEFAULT_TIMEZONE

    @admin.display(description=_("kind"), ordering="kind")
    def kind_number(self, obj):
        return obj.kind_label_numbered

    @admin.action(description=_("Publish the selected events"))
    def publish(self, request, queryset):
        count = queryset.publish()
        self.message_user(
            request,
            ngettext("%d event published.", "%d events published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected events"))
    def unpublish(self, request, queryset):
        count = queryset.unpublish()
        self.message_user(
            request,
            ngettext("%d event unpublished.", "%d events unpublished.", count) % count,
            messages.SUCCESS,
        )


class KindEventForm(forms.ModelForm):
    """The form of a kind proxy: a new event already has the proxy's kind."""

    def __init__(self, *args, instance=None, **kwargs):
        instance = instance or self._meta.model(kind=self._meta.model.KIND)
        super().__init__(*args, instance=instance, **kwargs)


class KindEventAdmin(EventAdmin):
    """The admin page of one kind of event: that kind's events and fields, the kind fixed."""

    form = KindEventForm
    list_filter = [f for f in EventAdmin.list_filter if f != "kind"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The kind is in the form (fixed and hidden) so that the unique number per kind is
        # validated as a form error rather than failing in the database.
        fields = kwargs.get("fields") or flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = [*fields, "kind"] if "kind" not in fields else fields
        form = super().get_form(request, obj, change=change, **kwargs)
        if "kind" in form.base_fields:
            form.base_fields["kind"].disabled = True
            form.base_fields["kind"].widget = forms.HiddenInput()
        return form


@admin.register(ThematicEvent)
class ThematicEventAdmin(KindEventAdmin):
    fieldsets = event_fieldsets(Event.Kind.THEMATIC)


@admin.register(StudyVisit)
class StudyVisitAdmin(KindEventAdmin):
    fieldsets = event_fieldsets(Event.Kind.STUDY_VISIT)


@admin.register(ImportWorkshop)
class ImportWorkshopAdmin(KindEventAdmin):
    fieldsets = event_fieldsets(Event.Kind.IMPORT_WORKSHOP)


@admin.register(LocalEvent)
class LocalEventAdmin(KindEventAdmin):
    fieldsets = event_fieldsets(Event.Kind.LOCAL)


@admin.register(PartnerMeeting)
class PartnerMeetingAdmin(KindEventAdmin):
    fieldsets = event_fieldsets(Event.Kind.PARTNER_MEETING)


@admin.register(OutsideEvent)
class OutsideEventAdmin(KindEventAdmin):
    fieldsets = event_fieldsets(Event.Kind.OUTSIDE)


@admin.register(Semester)
class SemesterAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "number", "start", "end"]
    search_fields = ["number"]
    date_hierarchy = "start"
    fields = ["number", "start", "end"]


class MaterialInline(VersionedInlineMixin, TranslationTabularInline):
    model = Material
    fields = ["title", "file", "url", "language"]
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(EventPartTimeZoneMixin, LocalTimeHelpMixin, HistoryTranslatedAdmin):
    list_display = ["title", "event", "order", "local_time"]
    list_filter = ["event__kind"]
    list_select_related = ["event__host"]
    search_fields = [*columns("title"), *columns("event__title")]
    autocomplete_fields = ["event", "experts"]
    inlines = [MaterialInline]
    fieldsets = [
        (None, {"fields": ["event", "order", "title", "description"]}),
        (_("Time"), {"fields": ["start", "end"]}),
        (_("Experts"), {"fields": ["experts"]}),
    ]

    @admin.display(description=_("time (event's zone)"), ordering="start")
    def local_time(self, obj):
        start = timezone.localtime(obj.start, obj.event.tzinfo)
        end = timezone.localtime(obj.end, obj.event.tzinfo)
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} {start:%Z}"


@admin.register(EventChange)
class EventChangeAdmin(EventPartTimeZoneMixin, LocalTimeHelpMixin, TranslatedAdmin):
    list_display = ["__str__", "recorded_at", "previous_start_date", "previous_city"]
    list_select_related = ["event"]
    search_fields = [*columns("reason"), *columns("event__title")]
    autocomplete_fields = ["event"]
    date_hierarchy = "recorded_at"
    fieldsets = [
        (None, {"fields": ["event", "reason"]}),
        (
            _("Previous values"),
            {
                "fields": [
                    ("previous_start_date", "previous_end_date", "previous_date_precision"),
                    "previous_city",
                    "previous_venue",
                    "previous_format",
                ]
            },
        ),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["recorded_at"]}),
    ]


@admin.register(Attendance)
class AttendanceAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["event", "organisation", "category", "participants"]
    list_filter = ["event__kind"]
    list_select_related = ["event", "organisation"]
    search_fields = [*columns("event__title"), *columns("organisation__name"), "category"]
    autocomplete_fields = ["event", "organisation"]


@admin.register(Participation)
class ParticipationAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["event", "organisation", "role"]
    list_filter = ["role", "event__kind"]
    list_select_related = ["event", "organisation"]
    search_fields = [*columns("event__title"), *columns("organisation__name")]
    autocomplete_fields = ["event", "organisation"]
