"""Subscribing by e-mail (double opt-in) and the one-click unsubscribe (RFC 8058)."""

from django import forms
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from . import links, services, subscriptions
from .forms import HONEYPOT
from .models import Subscription
from .views import bad_link, client_ip, notice


class SubscriptionForm(forms.ModelForm):
    website = forms.CharField(label=gettext_lazy("Leave this field empty"), required=False)

    class Meta:
        model = Subscription
        fields = ["email", "topic", "partner", "theme", "event_kind", "frequency"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = self.fields["partner"].queryset.consortium()
        self.fields["partner"].label_from_instance = lambda o: o.label

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(_("Your subscription could not be accepted."))
        return cleaned


class SubscribeView(View):
    template_name = "registrations/subscribe.html"

    def get(self, request):
        return render(request, self.template_name, {"form": SubscriptionForm()})

    def post(self, request):
        form = SubscriptionForm(request.POST)
        if form.is_valid():
            try:
                services.check_rate(form.cleaned_data["email"], client_ip(request))
            except services.RateLimited:
                form.add_error(
                    None,
                    _("Too many requests from this address or network. Please try again later."),
                )
            else:
                subscription = form.save(commit=False)
                subscription.language = get_language()
                subscriptions.start(subscription)
                return notice(
                    request, _("We sent you a link. Open it to confirm your subscription.")
                )
        return render(request, self.template_name, {"form": form}, status=400)


class SignedSubscriptionView(View):
    salt = None

    def dispatch(self, request, token):
        try:
            key = links.key_from(token, self.salt)
        except links.BadLink as error:
            return bad_link(request, error)
        self.subscription = Subscription.objects.filter(key=key).first()
        if self.subscription is None:
            return notice(request, _("This subscription no longer exists."), status=404)
        return super().dispatch(request, token)

    def get(self, request, token):
        return render(
            request, "registrations/subscription_action.html", {"action": self.action_label}
        )


class ConfirmSubscriptionView(SignedSubscriptionView):
    salt = subscriptions.SUBSCRIPTION_SALT
    action_label = gettext_lazy("Confirm my subscription")

    def post(self, request, token):
        subscriptions.confirm(self.subscription)
        return notice(request, _("Your subscription is confirmed."))


@method_decorator(csrf_exempt, name="dispatch")  # RFC 8058: mail clients POST without a form
class UnsubscribeView(SignedSubscriptionView):
    salt = subscriptions.UNSUBSCRIBE_SALT
    action_label = gettext_lazy("Unsubscribe")

    def post(self, request, token):
        subscriptions.unsubscribe(self.subscription)
        return notice(request, _("You are unsubscribed. You will get no more e-mails."))
