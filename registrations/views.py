"""The public pages: the registration form, the confirm link, and the signed manage page."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from content.clients import client_ip
from events.models import Event

from . import links, services
from .forms import RegistrationForm
from .models import Registration, RegistrationSettings


class EventMixin:
    def event(self, slug):
        event = get_object_or_404(Event.objects.published().select_related("host"), slug=slug)
        self.settings_row = RegistrationSettings.objects.filter(event=event).first()
        return event


class RegisterView(EventMixin, View):
    template_name = "registrations/register.html"

    def get(self, request, slug):
        event = self.event(slug)
        form = RegistrationForm(event=event) if self.is_open() else None
        return self.render(event, form)

    def post(self, request, slug):
        event = self.event(slug)
        if not self.is_open():
            return self.render(event, None, status=409)
        form = RegistrationForm(request.POST, event=event)
        if not form.is_valid():
            return self.render(event, form, status=400)
        try:
            services.check_rate(form.cleaned_data["email"], client_ip(request))
        except services.RateLimited:
            form.add_error(
                None,
                _("Too many registrations from this address or network. Please try again later."),
            )
            return self.render(event, form, status=429)
        registration = form.save(commit=False)
        registration.language = get_language()
        services.start(registration, form.cleaned_data.get("workshops", ()))
        return render(
            request, "registrations/check_mail.html", {"event": event, "email": registration.email}
        )

    def is_open(self):
        return self.settings_row is not None and self.settings_row.is_open()

    def render(self, event, form, status=200):
        context = {"event": event, "form": form, "settings": self.settings_row}
        return render(self.request, self.template_name, context, status=status)


def _registration(slug, token, salt, max_age=None):
    """The registration a signed link names, or raise BadLink / Http404."""
    key = links.key_from(token, salt, max_age=max_age)
    registration = Registration.objects.select_related("event").filter(key=key, event__slug=slug)
    registration = registration.first()
    if registration is None:
        raise Http404
    return registration


def bad_link(request, error):
    message = (
        _("This link has expired. Please register again.")
        if error.expired
        else _("This link is not valid. Please use the link from your e-mail as it is.")
    )
    return notice(request, message, status=400)


def notice(request, message, status=200):
    return render(request, "registrations/notice.html", {"message": message}, status=status)


class ConfirmView(View):
    """GET shows a button, POST confirms: a mail scanner following the link confirms nothing."""

    def dispatch(self, request, slug, token):
        try:
            self.registration = _registration(
                slug, token, links.CONFIRM_SALT, max_age=_confirm_max_age()
            )
        except links.BadLink as error:
            return bad_link(request, error)
        return super().dispatch(request, slug, token)

    def get(self, request, slug, token):
        return render(
            request,
            "registrations/confirm.html",
            {"registration": self.registration, "event": self.registration.event},
        )

    def post(self, request, slug, token):
        registration = services.confirm(self.registration)
        return redirect(
            "registrations:manage",
            slug=registration.event.slug,
            token=links.manage_token(registration),
        )


def _confirm_max_age():
    return settings.PORTAL_REGISTRATION_CONFIRM_MAX_AGE


class ManageView(View):
    template_name = "registrations/manage.html"

    def dispatch(self, request, slug, token):
        try:
            self.registration = _registration(slug, token, links.MANAGE_SALT)
        except links.BadLink as error:
            return bad_link(request, error)
        return super().dispatch(request, slug, token)

    def get(self, request, slug, token):
        registration = self.registration
        context = {
            "registration": registration,
            "event": registration.event,
            "workshops": registration.workshops.all(),
        }
        return render(request, self.template_name, context)

    def post(self, request, slug, token):
        action = request.POST.get("action")
        if action == "cancel":
            services.cancel(self.registration)
            messages.success(request, _("Your registration is cancelled."))
            return redirect(request.path)
        if action == "delete":
            services.delete(self.registration)
            return notice(request, _("Your registration and your data are deleted."))
        return notice(request, _("Unknown action."), status=400)
