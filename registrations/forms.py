from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation

from . import links
from .models import Registration

HONEYPOT = "website"


def offer_organisations(field):
    """A registration's organisation field: partners first (by number), then the others, each
    under its label."""
    field.queryset = Organisation.objects.in_partner_order()
    field.label_from_instance = lambda organisation: organisation.label


class RegistrationForm(forms.ModelForm):
    """The public form, with the abuse checks that need no third party: a honeypot field that
    people do not see, and a signed timestamp refused when too fresh or too old."""

    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my data is used for this event."),
        required=True,
        error_messages={"required": _("Registration needs your agreement to the privacy notice.")},
    )
    photo_consent = forms.BooleanField(
        label=_("I agree to be photographed at the event."), required=False
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput({"tabindex": -1, "autocomplete": "off"}),
    )
    stamp = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Registration
        fields = [
            "name",
            "email",
            "organisation",
            "organisation_name",
            "category",
            "workshops",
            "needs",
            "privacy_consent",
            "photo_consent",
        ]
        widgets = {
            "workshops": forms.CheckboxSelectMultiple,
            "needs": forms.Textarea({"rows": 3}),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        offer_organisations(self.fields["organisation"])
        workshops = event.workshops.all()
        if workshops:
            self.fields["workshops"].queryset = workshops
        else:
            del self.fields["workshops"]
        # A fresh stamp on every page shown, the one of a refused form included.
        self.data = self.data.copy() if self.is_bound else self.data
        if self.is_bound:
            self.sent_stamp = self.data.get("stamp", "")
            self.data["stamp"] = links.form_stamp()
        else:
            self.initial["stamp"] = links.form_stamp()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _("Your registration could not be accepted."), code="honeypot"
            )
        try:
            age = links.form_age(self.sent_stamp)
        except links.BadLink as error:
            if error.expired:
                raise forms.ValidationError(
                    _(
                        "The form was open for too long. "
                        "Please check your details and send it again."
                    ),
                    code="form_too_old",
                ) from error
            raise forms.ValidationError(
                _("The form could not be checked. Please send it again."), code="form_tampered"
            ) from error
        if age < settings.PORTAL_REGISTRATION_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "That was faster than a person can fill in the form. "
                    "Please check your details and send it again."
                ),
                code="form_too_fast",
            )
        return cleaned
