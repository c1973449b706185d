"""The review queue: what partner staff submit, approved (published) or returned with a comment."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp_webauthn.admin import WebAuthnCredentialAdmin
from django_otp_webauthn.models import WebAuthnCredential

from content import languages
from content.admin import VersionedAdminMixin
from content.models import EditConflict
from events.admin import photo_preview

from . import services, twofactor
from .forms import ReviewDecision, ReviewForm
from .models import SubmittedEvent, SubmittedPractice


class ReviewAdmin(VersionedAdminMixin, admin.ModelAdmin):
    """A queue of submitted items: approve (publishes) or return with a comment."""

    form = ReviewForm
    actions = ["approve_selected", "return_selected"]
    list_display_links = ["title"]
    search_fields = ["title_en", "owner__name_en"]
    workspace_url_name = None
    # The translated fields among `fields`: shown in every language the partner filled in.
    translated_fields = ()

    def get_fields(self, request, obj=None):
        return [
            column
            for name in self.fields
            for column in (
                self._columns_entered(obj, name) if name in self.translated_fields else [name]
            )
        ]

    def _columns_entered(self, obj, name):
        """The English column, then every other language's that holds text."""
        default = languages.column(name, languages.default())
        others = [languages.column(name, code) for code in languages.others()]
        return [default] + [c for c in others if obj is not None and getattr(obj, c)]

    def get_readonly_fields(self, request, obj=None):
        return [f for f in self.get_fields(request, obj) if f not in ("review_comment", "decision")]

    def get_queryset(self, request):
        return super().get_queryset(request).submitted().select_related("owner", "submitted_by")

    def has_module_permission(self, request):
        return request.user.has_perm("workspace.review_submissions")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("workspace.review_submissions")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("workspace.review_submissions")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def link_for(self, request, item):
        return request.build_absolute_uri(reverse(self.workspace_url_name, args=[item.pk]))

    def save_model(self, request, obj, form, change):
        decision = form.cleaned_data.get("decision")
        obj.version = form.cleaned_data["seen_version"]
        obj._review_decision = decision
        if decision == ReviewDecision.APPROVE:
            services.approve(obj, request.user, self.link_for(request, obj))
        elif decision == ReviewDecision.RETURN:
            comment = obj.review_comment
            services.return_for_changes(obj, request.user, comment, self.link_for(request, obj))
        else:
            super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        """After a decision, say what it did (not Django's generic "changed successfully")
        and go back to the queue, which the item has left."""
        decision = getattr(obj, "_review_decision", None)
        if decision == ReviewDecision.APPROVE:
            message = _("“%(item)s” is approved and published: it is on the public site now.")
        elif decision == ReviewDecision.RETURN:
            message = _("“%(item)s” is returned to its partner with your comment.")
        else:
            return super().response_change(request, obj)
        self.message_user(request, message % {"item": obj}, messages.SUCCESS)
        return HttpResponseRedirect(
            reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_changelist")
        )

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        """An item that has left the queue (another coordinator decided meanwhile, a stale
        link) is named with its state, and the queue shown again: not "perhaps deleted"."""
        digits = str(object_id).isdigit()
        item = self.model._default_manager.filter(pk=object_id).first() if digits else None
        if item is None:
            return super()._get_obj_does_not_exist_redirect(request, opts, object_id)
        self.message_user(
            request,
            _("“%(item)s” is no longer waiting for review: it is now “%(status)s”.")
            % {"item": item, "status": item.get_review_status_label()},
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))

    def render_change_form(self, request, context, *args, **kwargs):
        context.update(show_save_and_continue=False, show_save_and_add_another=False)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.action(description=_("Approve and publish the selected items"))
    def approve_selected(self, request, queryset):
        approved = 0
        for item in queryset:
            try:
                services.approve(item, request.user, self.link_for(request, item))
            except EditConflict:
                self._changed_meanwhile(request, item)
                continue
            approved += 1
        if approved:
            self.message_user(
                request,
                ngettext(
                    "Approved and published %(count)d item.",
                    "Approved and published %(count)d items.",
                    approved,
                )
                % {"count": approved},
                messages.SUCCESS,
            )

    def _changed_meanwhile(self, request, item):
        self.message_user(
            request,
            _("“%(item)s” was changed by someone else meanwhile: open it to see its state.")
            % {"item": item},
            messages.WARNING,
        )

    @admin.action(description=_("Return the selected items with their comment"))
    def return_selected(self, request, queryset):
        returned = 0
        for item in queryset:
            if not item.review_comment.strip():
                self.message_user(
                    request,
                    _("“%(item)s” has no comment: write it on its page first.") % {"item": item},
                    messages.WARNING,
                )
                continue
            link = self.link_for(request, item)
            try:
                services.return_for_changes(item, request.user, item.review_comment, link)
            except EditConflict:
                self._changed_meanwhile(request, item)
                continue
            returned += 1
        if returned:
            self.message_user(
                request,
                ngettext("Returned %(count)d item.", "Returned %(count)d items.", returned)
                % {"count": returned},
                messages.SUCCESS,
            )


@admin.register(SubmittedEvent)
class SubmittedEventAdmin(ReviewAdmin):
    workspace_url_name = "workspace:event-detail"
    list_display = ["title", "owner", "host", "start_date", "submitted_by", "submitted_at"]
    translated_fields = ("title", "summary", "body")
    fields = [
        "title",
        "summary",
        "body",
        "host",
        "owner",
        "start_date",
        "end_date",
        "start_time",
        "end_time",
        "time_zone",
        "participants",
        "practices_examined",
        "attendance",
        "photo_files",
        "submitted_by",
        "submitted_at",
        "review_comment",
        "decision",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("host")

    @admin.display(description=_("participating partners"))
    def participants(self, obj):
        return ", ".join(
            p.organisation.label for p in obj.participations.select_related("organisation")
        )

    @admin.display(description=_("good practices examined"))
    def practices_examined(self, obj):
        return "; ".join(p.title for p in obj.practices.all())

    @admin.display(description=_("attendance"))
    def attendance(self, obj):
        rows = obj.attendances.select_related("organisation")
        return "; ".join(f"{a.organisation.label}: {a.participants}" for a in rows)

    @admin.display(description=_("time zone"))
    def time_zone(self, obj):
        return obj.tzname

    @admin.display(
        description=_("photos"),
    )
    def photo_files(self, obj):
        """Each photo and whether it is cleared: approving the visit approves its photos, and
        only cleared ones are shown (a photo is cleared or withdrawn on the event's page)."""
        return format_html_join(
            " ",
            "<figure>{}<figcaption>{}</figcaption></figure>",
            ((photo_preview(p), clearance(p)) for p in obj.photos.all()),
        )


def clearance(photo):
    if photo.is_cleared:
        return _("Cleared for publication")
    return _("Not cleared for publication: not shown on the public site")


@admin.register(SubmittedPractice)
class SubmittedPracticeAdmin(ReviewAdmin):
    workspace_url_name = "workspace:practice-detail"
    list_display = ["title", "owner", "submitted_by", "submitted_at"]
    translated_fields = (
        "title",
        "summary",
        "description",
        "resources_needed",
        "evidence_of_success",
        "difficulties_encountered",
        "potential_for_learning",
        "location",
    )
    fields = [
        "title",
        "summary",
        "description",
        "resources_needed",
        "evidence_of_success",
        "difficulties_encountered",
        "potential_for_learning",
        "further_information",
        "owner",
        "location",
        "start_date",
        "end_date",
        "is_ongoing",
        "contact",
        "submitted_by",
        "submitted_at",
        "review_comment",
        "decision",
    ]


# The admin's login asks for the second factor too (workspace/twofactor.py).
admin.site.login_form = twofactor.TwoFactorAdminAuthenticationForm
admin.site.login_template = "admin/two_factor_login.html"

# Passkeys beside the TOTP and static devices of django-otp's admin: superusers see and remove
# them (a lost phone); the library's admin adds none and shows no key where
# OTP_ADMIN_HIDE_SENSITIVE_DATA is on.
admin.site.register(WebAuthnCredential, WebAuthnCredentialAdmin)
