from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DeleteView, DetailView, TemplateView, UpdateView, View
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from content.models import EditConflict
from events.models import Participation

from . import passkeys, services, twofactor
from .access import Access
from .forms import (
    AttendanceFormSet,
    PhotoCaptionForm,
    practice_form_class,
    study_visit_form_class,
)


class LoginView(auth_views.LoginView):
    template_name = "workspace/login.html"
    authentication_form = twofactor.TwoFactorAuthenticationForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("workspace:dashboard")


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("workspace:login")


class SecondFactorMixin(LoginRequiredMixin):
    """The user's own second factors: logged in, and verified by one of them if the user has
    any (a session in by password alone may not add, remove or renew a factor)."""

    login_url = reverse_lazy("workspace:login")

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_verified() and user_has_device(user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TwoFactorSetupView(SecondFactorMixin, TemplateView):
    """Set up (or replace) the authenticator app: the secret as text and as a QR code, then
    a code from the app confirms it; the recovery codes are shown once, on that answer."""

    template_name = "workspace/two_factor_setup.html"

    def get_context_data(self, form=None, **kwargs):
        device = twofactor.pending_device(self.request.user)
        return super().get_context_data(
            form=form or twofactor.ConfirmDeviceForm(device=device),
            secret=twofactor.secret_text(device),
            qr_svg=twofactor.qr_svg(device),
            required=twofactor.must_use_two_factor(self.request.user),
            has_device=TOTPDevice.objects.filter(user=self.request.user, confirmed=True).exists(),
            next=self._next_url(),
            **kwargs,
        )

    def _next_url(self):
        url = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(
            url, {self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return url
        return reverse("workspace:dashboard")

    def post(self, request, *args, **kwargs):
        device = twofactor.pending_device(request.user)
        form = twofactor.ConfirmDeviceForm(request.POST, device=device)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        codes = twofactor.confirm(device)
        otp_login(request, device)
        return self.response_class(
            request=request,
            template="workspace/two_factor_codes.html",
            context={"codes": codes, "next": self._next_url()},
            using=self.template_engine,
        )


@method_decorator(never_cache, name="dispatch")
class PasskeysView(SecondFactorMixin, TemplateView):
    """The user's passkeys (add one, remove one) and recovery codes (make new ones). Codes
    made with the first passkey are shown here once."""

    template_name = "workspace/passkeys.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        recovery = twofactor.recovery_device(user)
        return super().get_context_data(
            passkeys=passkeys.user_passkeys(user).order_by("created_at", "pk"),
            has_second_factor=twofactor.has_second_factor(user),
            recovery_codes_left=recovery.token_set.count() if recovery else 0,
            new_codes=self.request.session.pop(passkeys.NEW_CODES, None),
            **kwargs,
        )


class PasskeyDeleteView(SecondFactorMixin, View):
    def post(self, request, pk):
        device = get_object_or_404(passkeys.user_passkeys(request.user), pk=pk)
        device.delete()
        messages.success(request, _("The passkey “%(name)s” was removed.") % {"name": device.name})
        return redirect("workspace:passkeys")


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(SecondFactorMixin, View):
    """New recovery codes, shown once; the old ones stop working."""

    def post(self, request):
        if not twofactor.has_second_factor(request.user):
            messages.error(request, _("Set up an authenticator app or a passkey first."))
            return redirect("workspace:passkeys")
        codes = twofactor.new_recovery_codes(request.user)
        return TemplateResponse(
            request,
            "workspace/two_factor_codes.html",
            {"codes": codes, "next": reverse("workspace:passkeys"), "renewed": True},
        )


class WorkspaceMixin(LoginRequiredMixin):
    """Only partner staff and coordinators; the scope of everything below is self.access."""

    login_url = reverse_lazy("workspace:login")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.access = Access.for_user(request.user)
            if not self.access.may_use_workspace:
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(access=self.access, **kwargs)


class DashboardView(WorkspaceMixin, TemplateView):
    template_name = "workspace/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            events=self.access.events().select_related("host", "owner"),
            practices=self.access.practices().select_related("owner"),
            **kwargs,
        )


class EventDetailView(WorkspaceMixin, DetailView):
    template_name = "workspace/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        participants = Participation.objects.select_related("organisation")
        return (
            self.access.events()
            .select_related("host", "owner")
            .prefetch_related(
                Prefetch("participations", queryset=participants),
                # Never another partner's draft, even one linked to a visit this user may see.
                Prefetch("practices", queryset=self.access.practice_choices()),
                "attendances__organisation",
                "photos",
            )
        )

    def get_context_data(self, **kwargs):
        event = self.object
        return super().get_context_data(
            may_edit=self.access.editable_events().filter(pk=event.pk).exists(),
            history=event.history.select_related("history_user")[:20],
            **kwargs,
        )


class EventFormView(WorkspaceMixin, TemplateView):
    """Log a new study visit, or edit one: one form, the attendance rows and photos."""

    template_name = "workspace/event_form.html"

    def get_object(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.access.editable_events(), pk=self.kwargs["pk"])

    def get_forms(self, data=None, files=None):
        event = self.get_object()
        form_class = study_visit_form_class(get_language(), self.access)
        form = form_class(data, files, instance=event, access=self.access)
        formset = AttendanceFormSet(
            data, instance=form.instance, form_kwargs={"access": self.access}
        )
        return form, formset

    def get(self, request, *args, **kwargs):
        form, formset = self.get_forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form, formset = self.get_forms(request.POST, request.FILES)
        if form.is_valid() and formset.is_valid():
            try:
                event = services.save_study_visit(
                    form,
                    formset,
                    form.cleaned_data["participants"],
                    form.cleaned_data["photos"],
                    request.user,
                )
            except EditConflict:
                form.add_error(None, _("Someone else saved this item at the same moment."))
            else:
                messages.success(request, _("Saved as a draft."))
                return redirect("workspace:event-detail", pk=event.pk)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


class PhotoMixin(WorkspaceMixin):
    """One photo of a visit the user may change; any other photo, by any URL, is a 404."""

    context_object_name = "photo"

    def get_object(self, queryset=None):
        photos = self.access.editable_photos().select_related("event")
        return get_object_or_404(photos, pk=self.kwargs["photo_pk"], event=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("workspace:event-detail", kwargs={"pk": self.object.event_id})


class PhotoCaptionView(PhotoMixin, UpdateView):
    template_name = "workspace/photo_form.html"
    form_class = PhotoCaptionForm

    def form_valid(self, form):
        try:
            services.caption_photo(form, self.request.user)
        except EditConflict:
            form.add_error(None, _("Someone else saved this item at the same moment."))
            return self.form_invalid(form)
        messages.success(self.request, _("The caption is saved."))
        return redirect(self.get_success_url())


class PhotoDeleteView(PhotoMixin, DeleteView):
    """A confirmation page (GET); the deletion itself is a POST."""

    template_name = "workspace/photo_confirm_delete.html"

    def form_valid(self, form):
        services.delete_photo(self.object, self.request.user)
        messages.success(self.request, _("The photo is deleted."))
        return redirect(self.get_success_url())


class PracticeDetailView(WorkspaceMixin, DetailView):
    template_name = "workspace/practice_detail.html"
    context_object_name = "practice"

    def get_queryset(self):
        return self.access.practices().select_related("owner", "contact")

    def get_context_data(self, **kwargs):
        practice = self.object
        return super().get_context_data(
            may_edit=self.access.editable_practices().filter(pk=practice.pk).exists(),
            history=practice.history.select_related("history_user")[:20],
            **kwargs,
        )


class PracticeFormView(WorkspaceMixin, TemplateView):
    template_name = "workspace/practice_form.html"

    def get_form(self, data=None, files=None):
        practice = None
        if "pk" in self.kwargs:
            practice = get_object_or_404(self.access.editable_practices(), pk=self.kwargs["pk"])
        form_class = practice_form_class(get_language(), self.access)
        return form_class(data, files, instance=practice, access=self.access)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                practice = services.save_practice(form, request.user)
            except EditConflict:
                form.add_error(None, _("Someone else saved this item at the same moment."))
            else:
                messages.success(request, _("Saved as a draft."))
                return redirect("workspace:practice-detail", pk=practice.pk)
        return self.render_to_response(self.get_context_data(form=form))


class SubmitView(WorkspaceMixin, View):
    """Submit a draft or returned item for review (POST only)."""

    http_method_names = ["post"]
    kind = None  # "event" or "practice"

    def post(self, request, pk):
        # Any item the user may see, not only the editable ones: the second of two submits (a
        # double click, two tabs) lands on the item's page with a message, not on a 404.
        if self.kind == "event":
            visible, editable = self.access.events(), self.access.editable_events()
        else:
            visible, editable = self.access.practices(), self.access.editable_practices()
        item = get_object_or_404(visible, pk=pk)
        detail_url = reverse(f"workspace:{self.kind}-detail", kwargs={"pk": pk})
        if not editable.filter(pk=pk).exists():
            messages.error(request, self.not_submitted_message(item))
            return redirect(detail_url)
        queue_url = reverse(f"admin:workspace_submitted{self.kind}_change", args=[item.pk])
        try:
            services.submit(item, request.user, request.build_absolute_uri(queue_url))
        except EditConflict:
            item.refresh_from_db()
            messages.error(request, self.not_submitted_message(item))
        else:
            messages.success(
                request, _("Submitted for review. The coordinators will answer by e-mail.")
            )
        return redirect(detail_url)

    @staticmethod
    def not_submitted_message(item):
        if item.is_awaiting_review:
            return _("This item is already submitted for review, so it can no longer be changed.")
        return _("Someone else changed this item; look at it again.")
