"""The attendance list of an event: who is expected and who came, per event and per workshop,
for the door (check-in), the printed sign-in sheet and the CSV/XLSX export."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from content.tables import Table, yes_no

from .models import Registration

# The language of a sign-in sheet: the host's country's, when the portal has it.
COUNTRY_LANGUAGES = {"IT": "it", "EE": "et", "HU": "hu", "SE": "sv", "GR": "el", "CY": "el"}


def event_language(event):
    """The language people at the event read: the host country's, else the main language."""
    country = str(event.host.country) if event.host_id and event.host.country else ""
    language = COUNTRY_LANGUAGES.get(country, settings.LANGUAGE_CODE)
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def attendance_list(event, workshop=None):
    """Confirmed people (walk-ins included) of the event, or of one of its workshops, by name."""
    registrations = (
        Registration.objects.filter(event=event)
        .holding_places()
        .select_related("organisation")
        .order_by("name", "pk")
    )
    if workshop is not None:
        registrations = registrations.filter(workshops=workshop)
    return registrations


def attendance_table(event, workshop=None):
    table = Table(
        name=f"attendance-{event.slug}" + (f"-workshop-{workshop.pk}" if workshop else ""),
        title=str(workshop or event),
        columns=[
            _("Name"),
            _("Organisation"),
            _("Category"),
            _("Came"),
            _("Walk-in"),
            _("Agrees to be photographed"),
            _("Accessibility or dietary needs"),
        ],
    )
    for registration in attendance_list(event, workshop):
        table.rows.append(
            [
                registration.name,
                registration.organisation_label,
                registration.get_category_display(),
                yes_no(registration.checked_in),
                yes_no(registration.is_walk_in),
                yes_no(registration.photo_consent),
                registration.needs,
            ]
        )
    return table
