"""Attendance at the door: coordinators and the host partner's staff see who registered, check
people in on a phone (plain forms), add walk-ins, print the sign-in sheet and export the list."""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from content.tables import table_response
from events.models import Event
from registrations import services
from registrations.attendance import attendance_list, attendance_table, event_language
from registrations.forms import offer_organisations
from registrations.models import Registration

from .views import WorkspaceMixin


def attendance_events(access):
    """The events whose attendance the user keeps: all for coordinators, else those their
    partner hosts."""
    if access.is_coordinator:
        return Event.objects.all()
    return Event.objects.filter(host=access.organisation)


class WalkInForm(forms.ModelForm):
    checked_in = forms.BooleanField(label=_("Here now"), required=False, initial=True)

    class Meta:
        model = Registration
        fields = [
            "name",
            "email",
            "organisation",
            "organisation_name",
            "category",
            "photo_consent",
        ]

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.instance.privacy_consent = True
        self.fields["email"].required = False
        offer_organisations(self.fields["organisation"])


class EventAttendanceMixin(WorkspaceMixin):
    def get_event(self):
        return get_object_or_404(
            attendance_events(self.access).select_related("host"), pk=self.kwargs["pk"]
        )

    def get_workshop(self, event):
        workshop_id = self.request.GET.get("workshop", "")
        if not workshop_id:
            return None
        if not workshop_id.isdigit():
            raise Http404
        return get_object_or_404(event.workshops, pk=workshop_id)


class AttendanceView(EventAttendanceMixin, TemplateView):
    template_name = "workspace/attendance.html"

    def get_context_data(self, **kwargs):
        event = self.get_event()
        workshop = self.get_workshop(event)
        people = list(attendance_list(event, workshop))
        return super().get_context_data(
            event=event,
            workshop=workshop,
            workshops=event.workshops.all(),
            people=people,
            came=sum(person.checked_in for person in people),
            waiting=Registration.objects.filter(event=event).waiting().count(),
            **kwargs,
        )


class CheckInView(EventAttendanceMixin, View):
    def post(self, request, pk, registration_pk):
        event = self.get_event()
        registration = get_object_or_404(
            Registration.objects.filter(event=event).holding_places(), pk=registration_pk
        )
        services.set_checked_in(registration, request.POST.get("checked_in") == "1")
        workshop = request.POST.get("workshop", "")
        query = f"?workshop={workshop}" if workshop.isdigit() else ""
        url = reverse("workspace:attendance", kwargs={"pk": event.pk})
        return redirect(f"{url}{query}#person-{registration.pk}")


class WalkInView(EventAttendanceMixin, TemplateView):
    template_name = "workspace/walk_in.html"

    def get_context_data(self, **kwargs):
        event = self.get_event()
        kwargs.setdefault("form", WalkInForm(event=event))
        return super().get_context_data(event=event, **kwargs)

    def post(self, request, pk):
        event = self.get_event()
        form = WalkInForm(request.POST, event=event)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        registration = form.save(commit=False)
        registration.language = translation.get_language()
        services.add_by_staff(registration, checked_in=form.cleaned_data["checked_in"])
        return redirect("workspace:attendance", pk=event.pk)


class SignInSheetView(EventAttendanceMixin, TemplateView):
    """Print-ready, in the event's language whatever the workspace's."""

    template_name = "workspace/sign_in_sheet.html"

    def get(self, request, *args, **kwargs):
        event = self.get_event()
        workshop = self.get_workshop(event)
        language = event_language(event)
        with translation.override(language):
            context = self.get_context_data(
                event=event,
                workshop=workshop,
                people=attendance_list(event, workshop),
                sheet_language=language,
            )
            response = self.render_to_response(context)
            response.render()
        return response


class AttendanceExportView(EventAttendanceMixin, View):
    def get(self, request, pk, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404
        event = self.get_event()
        return table_response(attendance_table(event, self.get_workshop(event)), fmt)
