"""Figures for the coordinators' semester reports, and the export of the event list.

Counting rules (shown on the report page, and tested):
- A record belongs to the semester whose dates contain its date: an event its start date, an
  attendance or participation its event's start date, a transfer the day its stage was reached
  (or else the day it started), a good practice the first held event that examined it (or else
  the day it was entered). A record with no such semester, or no date, is in "outside any semester".
- "Held" means published and not cancelled. Cancelled published events and unpublished events are
  counted apart, in their own columns and nowhere else.
- Project events are every kind but outside events; participants and organisations involved are
  those of held project events.
- "Whole project" covers every record, inside a semester or not; it counts each organisation or
  good practice once.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from content.tables import Table, table_response, yes_no
from partners.models import Organisation
from practices.models import GoodPractice, Transfer

from .models import Attendance, Event, Participation, Semester

OUTSIDE = "outside"
WHOLE = "whole"

# The interregional kinds, with the headers of their columns.
INTERREGIONAL_KINDS = {
    Event.Kind.THEMATIC: _("Thematic events held"),
    Event.Kind.STUDY_VISIT: _("Study visits held"),
    Event.Kind.IMPORT_WORKSHOP: _("Import workshops held"),
    Event.Kind.PARTNER_MEETING: _("Partner meetings held"),
}
PROJECT_KINDS = [*INTERREGIONAL_KINDS, Event.Kind.LOCAL]
IDENTIFIED = [GoodPractice.Status.APPROVED, GoodPractice.Status.PUBLISHED]


def held_project_events():
    return Event.objects.held().filter(kind__in=PROJECT_KINDS)


@dataclass
class Period:
    key: object  # a semester's pk, OUTSIDE or WHOLE
    label: str
    short_label: str


class Periods:
    """The semesters in date order, and which one contains a given day."""

    def __init__(self, semesters=None):
        self.semesters = list(
            Semester.objects.order_by("start") if semesters is None else semesters
        )

    def key_of(self, day):
        """The pk of the semester containing `day`, or OUTSIDE (also for no day at all)."""
        for semester in self.semesters:
            if day is not None and semester.start <= day <= semester.end:
                return semester.pk
        return OUTSIDE

    @property
    def placed(self):
        """The semesters, then "outside any semester": every record falls in exactly one."""
        periods = [
            Period(s.pk, str(s), gettext("S%(number)s") % {"number": s.number})
            for s in self.semesters
        ]
        outside = gettext("Outside any semester")
        return [*periods, Period(OUTSIDE, outside, gettext("Outside"))]

    @property
    def all(self):
        return [*self.placed, Period(WHOLE, gettext("Whole project"), gettext("Whole project"))]


def events_by_kind(periods):
    """Per period: held events of each kind, cancelled and unpublished events apart."""
    counts = defaultdict(Counter)
    for kind, published, status, start in Event.objects.values_list(
        "kind", "is_published", "status", "start_date"
    ):
        if not published:
            column = "unpublished"
        elif status == Event.Status.CANCELLED:
            column = "cancelled"
        else:
            column = kind
        for key in (periods.key_of(start), WHOLE):
            counts[key][column] += 1
    table = Table(
        name="events-by-kind",
        title=_("Events by kind"),
        columns=[
            _("Period"),
            *INTERREGIONAL_KINDS.values(),
            _("Interregional events held"),
            _("Local or stakeholder events held"),
            _("Project events held"),
            _("Outside events held"),
            _("Cancelled events"),
            _("Unpublished events"),
        ],
    )
    for period in periods.all:
        count = counts[period.key]
        interregional = sum(count[kind] for kind in INTERREGIONAL_KINDS)
        local = count[Event.Kind.LOCAL]
        table.rows.append(
            [
                period.label,
                *(count[kind] for kind in INTERREGIONAL_KINDS),
                interregional,
                local,
                interregional + local,
                count[Event.Kind.OUTSIDE],
                count["cancelled"],
                count["unpublished"],
            ]
        )
    return table


def _names(organisations):
    ordered = sorted(organisations, key=_organisation_order)
    return ", ".join(organisation.label for organisation in ordered)


def _organisation_order(organisation):
    return (
        organisation.partner_number is None,
        organisation.partner_number or 0,
        organisation.name,
    )


def study_visits(periods):
    """Each held study visit in date order, with its host, participants and practices examined."""
    visits = (
        Event.objects.held()
        .filter(kind=Event.Kind.STUDY_VISIT)
        .with_report()
        .order_by("start_date", "pk")
    )
    labels = {period.key: period.label for period in periods.placed}
    table = Table(
        name="study-visits",
        title=_("Good practices examined per study visit"),
        columns=[
            _("Period"),
            _("Date"),
            _("Study visit"),
            _("Host"),
            _("Participating organisations"),
            _("Good practices examined"),
            _("Good practices"),
        ],
    )
    for visit in visits:
        guests = {
            p.organisation
            for p in visit.participations.all()
            if p.role != p.Role.HOST and p.organisation_id != visit.host_id
        }
        practices = sorted(visit.practices.all(), key=lambda practice: practice.title)
        table.rows.append(
            [
                labels[periods.key_of(visit.start_date)],
                visit.start_date,
                visit.title,
                visit.host.label if visit.host else "",
                _names(guests),
                len(practices),
                "; ".join(practice.title for practice in practices),
            ]
        )
    return table


def _participants(periods):
    """{organisation pk: Counter(period key: participants)} at held project events."""
    counts = defaultdict(Counter)
    rows = Attendance.objects.filter(event__in=held_project_events()).values_list(
        "organisation", "event__start_date", "participants"
    )
    for organisation, start, participants in rows:
        counts[organisation][periods.key_of(start)] += participants
        counts[organisation][WHOLE] += participants
    return counts


def _by_period(name, title, first_column, periods):
    """An empty table with one column per period, after a first column naming the row."""
    return Table(name, title, [first_column, *(period.label for period in periods.all)])


def participants_by_organisation(periods):
    """Participants at held project events, per attending organisation and period, with a total."""
    counts = _participants(periods)
    table = _by_period(
        "participants-by-organisation",
        _("Participants by organisation"),
        _("Organisation"),
        periods,
    )
    organisations = sorted(Organisation.objects.filter(pk__in=counts), key=_organisation_order)
    for organisation in organisations:
        table.rows.append(
            [organisation.label, *(counts[organisation.pk][p.key] for p in periods.all)]
        )
    total = sum(counts.values(), Counter())
    table.rows.append([gettext("Total"), *(total[p.key] for p in periods.all)])
    return table


def participants_by_partner(periods):
    """Participants per consortium partner and period; outside organisations in one row."""
    counts = _participants(periods)
    table = _by_period(
        "participants-by-partner", _("Participants by partner"), _("Partner"), periods
    )
    others = Counter()
    partners = list(Organisation.objects.consortium())
    partner_pks = {partner.pk for partner in partners}
    for pk, count in counts.items():
        if pk not in partner_pks:
            others.update(count)
    for partner in partners:
        table.rows.append([partner.label, *(counts[partner.pk][p.key] for p in periods.all)])
    table.rows.append([gettext("Other organisations"), *(others[p.key] for p in periods.all)])
    total = sum(counts.values(), Counter())
    table.rows.append([gettext("Total"), *(total[p.key] for p in periods.all)])
    return table


def organisations_involved(periods):
    """Distinct organisations that hosted, took part in or attended held project events."""
    events = held_project_events()
    involved = defaultdict(set)
    sources = [
        events.exclude(host=None).values_list("host", "start_date"),
        Participation.objects.filter(event__in=events).values_list(
            "organisation", "event__start_date"
        ),
        Attendance.objects.filter(event__in=events).values_list(
            "organisation", "event__start_date"
        ),
    ]
    for source in sources:
        for organisation, start in source:
            involved[periods.key_of(start)].add(organisation)
            involved[WHOLE].add(organisation)
    partner_pks = set(Organisation.objects.consortium().values_list("pk", flat=True))
    table = Table(
        name="organisations-involved",
        title=_("Organisations involved"),
        columns=[_("Period"), _("Partners"), _("Other organisations"), _("All organisations")],
    )
    for period in periods.all:
        organisations = involved[period.key]
        partners = len(organisations & partner_pks)
        table.rows.append(
            [period.label, partners, len(organisations) - partners, len(organisations)]
        )
    return table


def good_practices(periods):
    """Per period: practices examined at held events, practices identified and published."""
    examined = defaultdict(set)
    first_examined = {}
    examinations = Event.practices.through.objects.filter(event__in=Event.objects.held())
    for practice, start in examinations.values_list("goodpractice", "event__start_date"):
        examined[periods.key_of(start)].add(practice)
        examined[WHOLE].add(practice)
        if practice not in first_examined or start < first_examined[practice]:
            first_examined[practice] = start
    identified, published = Counter(), Counter()
    for pk, status, created in GoodPractice.objects.values_list("pk", "status", "created"):
        key = periods.key_of(first_examined.get(pk) or created.date())
        for counter, statuses in ((identified, IDENTIFIED), (published, [IDENTIFIED[1]])):
            if status in statuses:
                counter[key] += 1
                counter[WHOLE] += 1
    table = Table(
        name="good-practices-by-semester",
        title=_("Good practices"),
        columns=[
            _("Period"),
            _("Good practices examined"),
            _("Good practices identified (approved or published)"),
            _("Good practices published"),
        ],
    )
    for period in periods.all:
        key = period.key
        table.rows.append([period.label, len(examined[key]), identified[key], published[key]])
    return table


def transfers_by_stage(periods):
    """Per period: transfers by the stage they have reached, placed by the day they reached it."""
    counts = defaultdict(Counter)
    for stage, reached, started in Transfer.objects.values_list(
        "stage", "stage_reached_on", "started_on"
    ):
        for key in (periods.key_of(reached or started), WHOLE):
            counts[key][stage] += 1
    stages = list(Transfer.Stage)
    table = Table(
        name="transfers-by-stage",
        title=_("Transfers of good practices by stage"),
        columns=[_("Period"), *(stage.label for stage in stages), _("All transfers")],
    )
    for period in periods.all:
        count = counts[period.key]
        table.rows.append([period.label, *(count[stage] for stage in stages), count.total()])
    return table


TABLES = {
    "events-by-kind": events_by_kind,
    "study-visits": study_visits,
    "participants-by-organisation": participants_by_organisation,
    "participants-by-partner": participants_by_partner,
    "organisations-involved": organisations_involved,
    "good-practices-by-semester": good_practices,
    "transfers-by-stage": transfers_by_stage,
}


def report_tables(periods=None):
    """Every report table, in page order."""
    periods = periods or Periods()
    return [build(periods) for build in TABLES.values()]


def semester_totals(periods):
    """Per placed period: (period, held project events, participants at them)."""
    events, participants = Counter(), Counter()
    for start in held_project_events().values_list("start_date", flat=True):
        events[periods.key_of(start)] += 1
    rows = Attendance.objects.filter(event__in=held_project_events()).values_list(
        "event__start_date", "participants"
    )
    for start, count in rows:
        participants[periods.key_of(start)] += count
    return [(p, events[p.key], participants[p.key]) for p in periods.placed]


def events_table(queryset):
    """The events of `queryset`, one row each, in the queryset's order."""
    periods = Periods()
    labels = {period.key: period.label for period in periods.placed}
    events = queryset.with_report()
    table = Table(
        name="events",
        title=_("Events"),
        columns=[
            _("Kind"),
            _("Number"),
            _("Title"),
            _("Start date"),
            _("End date"),
            _("Semester"),
            _("Host"),
            _("Participating organisations"),
            _("Format"),
            _("City"),
            _("Country"),
            _("Status"),
            _("Published"),
            _("Good practices examined"),
            _("Participants"),
        ],
    )
    for event in events:
        table.rows.append(
            [
                event.get_kind_display(),
                event.number,
                event.title,
                event.start_date,
                event.end_date,
                labels[periods.key_of(event.start_date)],
                event.host.label if event.host else "",
                _names({p.organisation for p in event.participations.all()}),
                event.get_format_display(),
                event.city,
                event.country.name,
                event.get_status_display(),
                yes_no(event.is_published),
                len(event.practices.all()),
                sum(attendance.participants for attendance in event.attendances.all()),
            ]
        )
    return table


def export_events(queryset, fmt):
    """The events of `queryset` as a CSV or XLSX download named events.<fmt>."""
    return table_response(events_table(queryset), fmt)
