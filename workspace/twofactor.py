"""Two-factor login (django-otp): a TOTP app and passkeys (workspace/passkeys.py), with
recovery codes. Coordinators must use a second factor where settings.PORTAL_TWO_FACTOR_REQUIRED
(production, DJANGO_DEBUG=0); partner staff may. Both logins, the admin's and the workspace's,
use the forms here."""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import passkeys

RECOVERY_CODE_COUNT = 10


def must_use_two_factor(user):
    """Coordinators (who review submissions; superusers too) must, where it is enforced."""
    return settings.PORTAL_TWO_FACTOR_REQUIRED and user.has_perm("workspace.review_submissions")


class TwoFactorFormMixin:
    """The password, then the code of the user's device, if the user has one. A wrong or
    missing code counts as a failed login for axes (and for the device's own throttle)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["otp_token"] = forms.CharField(
            label=_("Authentication code"),
            required=False,
            max_length=16,
            help_text=_(
                "The six digits of your authenticator app, or one of your recovery codes. "
                "Leave empty if you have not set up two-factor login."
            ),
            widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        )
        # The browser's signed answer to a passkey challenge (static/js/passkeys.js).
        self.fields["passkey"] = forms.CharField(
            required=False, max_length=20000, widget=forms.HiddenInput
        )

    def clean(self):
        cleaned_data = super().clean()
        user = self.user_cache
        if user is not None and user_has_device(user):
            answer = cleaned_data.get("passkey", "")
            token = "".join(cleaned_data.get("otp_token", "").split())
            if answer:
                device = passkeys.verify_login(self.request, user, answer)
            else:
                device = match_token(user, token) if token else None
            if device is None:
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": user.get_username()},
                    request=self.request,
                )
                if answer:
                    message = _(
                        "Your passkey could not be verified. Try again, or enter the code of "
                        "your authenticator app or a recovery code."
                    )
                elif passkeys.user_passkeys(user).exists():
                    message = _(
                        "Use your passkey, or enter the current code of your authenticator "
                        "app or a recovery code."
                    )
                else:
                    message = _(
                        "Enter the current code of your authenticator app or a recovery code."
                    )
                raise ValidationError(message, code="invalid_otp")
            # django_otp marks the session verified when login() sees this attribute.
            user.otp_device = device
        return cleaned_data


class TwoFactorAuthenticationForm(TwoFactorFormMixin, AuthenticationForm):
    pass


class TwoFactorAdminAuthenticationForm(TwoFactorFormMixin, AdminAuthenticationForm):
    pass


class ConfirmDeviceForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from the app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split())
        if not self.device.verify_token(token):
            raise ValidationError(
                _("This code is not valid. Enter the code the app shows now."), code="invalid"
            )
        return token


def pending_device(user):
    """The unconfirmed TOTP device of a setup in progress, made on first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def secret_text(device):
    """The secret as the base32 text an app accepts, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device):
    """The otpauth:// address as an SVG QR code, made here (no script, no inline style)."""
    svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code"))
    return mark_safe(svg)  # noqa: S308 - generated by segno from our own address


@transaction.atomic
def confirm(device):
    """The device becomes the user's only app, with fresh recovery codes, returned once."""
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    return new_recovery_codes(user)


def recovery_device(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user):
    """An app or a passkey, not recovery codes alone."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or passkeys.user_passkeys(user).exists()
    )


@transaction.atomic
def new_recovery_codes(user):
    """Fresh recovery codes, returned once; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


def reset(user):
    """Remove every device of the user (lost phone): the next login is by password alone."""
    count = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        count += 1
    return count


EXEMPT = {
    ("workspace", "two-factor"),
    ("workspace", "recovery-codes"),
    ("workspace", "passkeys"),
    ("workspace", "passkey-delete"),
    ("workspace", "passkey-register-begin"),
    ("workspace", "passkey-register-complete"),
    ("workspace", "passkey-login-begin"),
    ("workspace", "passkey-admin-login-begin"),
    ("workspace", "login"),
    ("workspace", "logout"),
    ("admin", "login"),
    ("admin", "logout"),
    ("admin", "jsi18n"),
}


class TwoFactorMiddleware:
    """A coordinator logged in by password alone, where two factors are required, is sent
    from the admin and the workspace to the setup page (after OTPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PORTAL_TWO_FACTOR_REQUIRED and self._must_set_up(request):
            url = reverse("workspace:two-factor")
            return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_set_up(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        namespace = match.namespaces[0] if match.namespaces else ""
        if namespace not in ("admin", "workspace") or (namespace, match.url_name) in EXEMPT:
            return False
        return must_use_two_factor(user)
