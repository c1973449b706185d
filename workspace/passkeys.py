"""Passkeys (WebAuthn, django-otp-webauthn) as a second factor beside the authenticator app.

A passkey is a django-otp device like the app, so a user who has one must pass it (or the
app, or a recovery code) to log in. The ceremonies use the library's helper (options, checks
of the challenge, origin, RP ID and signature); the views are ours, so that every one of them
acts only on the logged-in user's own credentials and a passkey is never a login without the
password (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is off).

The login: the page's script sends the user name and password to LoginBeginView, which checks
them as the login form does (a wrong one counts for axes) and answers with the options for
that user's passkeys; the browser's signed answer goes back in the login form's hidden
`passkey` field, and the form verifies it (TwoFactorFormMixin)."""

import json
import logging

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp_webauthn.exceptions import OTPWebAuthnApiError
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.utils import rewrite_exceptions
from webauthn.helpers.exceptions import WebAuthnException

logger = logging.getLogger(__name__)

LOGIN_STATE = "portal_passkey_login"
REGISTER_STATE = "portal_passkey_register"
NEW_CODES = "portal_new_recovery_codes"
NAME_MAX_LENGTH = 64  # django_otp's Device.name
# What a malformed answer from a browser (or a forger) may raise in parsing and verifying.
CEREMONY_ERRORS = (
    OTPWebAuthnApiError,
    WebAuthnException,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
)


def user_passkeys(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True)


def helper(request):
    return WebAuthnCredential.get_webauthn_helper(request=request)


def verify_login(request, user, payload):
    """The user's passkey that signed the challenge given to this session, or None. The
    challenge is used once, whatever the outcome."""
    pending = request.session.pop(LOGIN_STATE, None)
    if not pending or pending.get("user") != user.pk or not payload:
        return None
    try:
        data = json.loads(payload)
        with rewrite_exceptions(logger=logger):
            device = helper(request).authenticate_complete(
                user=user, state=pending["state"], data=data
            )
    except CEREMONY_ERRORS:
        logger.info("passkey login of user %s refused", user.pk, exc_info=True)
        return None
    return device if device.confirmed else None


def json_error(message, status=400):
    return JsonResponse({"detail": str(message)}, status=status)


@method_decorator(never_cache, name="dispatch")
class LoginBeginView(View):
    """The options to sign for the user whose name and password were sent (the login form's
    fields). The password is checked as by the login (AuthenticationForm: axes counts a
    wrong one), so no one learns anything of an account without its password."""

    form_class = AuthenticationForm

    def post(self, request):
        form = self.form_class(request, data=request.POST)
        if not form.is_valid():
            errors = form.non_field_errors() or [
                error for field_errors in form.errors.values() for error in field_errors
            ]
            return json_error(errors[0])
        user = form.get_user()
        if not user_passkeys(user).exists():
            return json_error(_("No passkey is registered for this account. Enter a code instead."))
        options, state = helper(request).authenticate_begin(
            user=user, require_user_verification=False
        )
        request.session[LOGIN_STATE] = {"user": user.pk, "state": state}
        return JsonResponse(options)


class AdminLoginBeginView(LoginBeginView):
    form_class = AdminAuthenticationForm


class OwnPasskeysMixin:
    """Logged in, and verified by the second factor if the user has one: a session that got
    in by password alone may not add a factor to an account that already has one."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return json_error(_("Log in first."), status=403)
        if user_has_device(user) and not user.is_verified():
            return json_error(_("Log in with your second factor first."), status=403)
        return super().dispatch(request, *args, **kwargs)


@method_decorator(never_cache, name="dispatch")
class RegisterBeginView(OwnPasskeysMixin, View):
    def post(self, request):
        options, state = helper(request).register_begin(user=request.user)
        request.session[REGISTER_STATE] = state
        return JsonResponse(options)


@method_decorator(never_cache, name="dispatch")
class RegisterCompleteView(OwnPasskeysMixin, View):
    """Body: {"name": "...", "credential": <the browser's answer as JSON>}. The first second
    factor of an account comes with recovery codes, shown once on the passkeys page."""

    def post(self, request):
        from . import twofactor

        state = request.session.pop(REGISTER_STATE, None)
        if not state:
            return json_error(_("Start again: the request for a passkey has expired."))
        try:
            body = json.loads(request.body)
            if not isinstance(body, dict):
                raise ValueError("not an object")
            name = str(body.get("name") or "").strip()[:NAME_MAX_LENGTH] or _("Passkey")
            with rewrite_exceptions(logger=logger):
                device = helper(request).register_complete(
                    user=request.user, state=state, data=body["credential"]
                )
        except CEREMONY_ERRORS:
            logger.info("passkey registration of user %s refused", request.user.pk, exc_info=True)
            return json_error(_("The passkey could not be registered. Try again."))
        device.name = name
        device.save(update_fields=["name"])
        if not request.user.is_verified():
            otp_login(request, device)
        if not twofactor.recovery_device(request.user):
            request.session[NEW_CODES] = twofactor.new_recovery_codes(request.user)
        return JsonResponse({"id": device.pk})
