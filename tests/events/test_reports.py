"""The coordinators' report: figures computed by hand on the BETTER situation of 2019–2022."""

import csv
import datetime as dt
import io
import re
from html.parser import HTMLParser

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.admin_actions import export_events_csv, export_events_xlsx
from events.models import Event, Participation
from events.reports import Periods, events_table
from partners.models import Organisation
from practices.admin_actions import export_practices_csv, export_practices_xlsx
from practices.models import GoodPractice, Transfer
from tests.factories import (
    AttendanceFactory,
    EventFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    PartnerFactory,
    SemesterFactory,
    TransferFactory,
    coordinating,
)

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/"
PUBLISHED, APPROVED, DRAFT = (
    GoodPractice.Status.PUBLISHED,
    GoodPractice.Status.APPROVED,
    GoodPractice.Status.DRAFT,
)
SEMESTERS = [
    (1, dt.date(2019, 8, 1), dt.date(2020, 1, 31)),
    (2, dt.date(2020, 2, 1), dt.date(2020, 7, 31)),
    (3, dt.date(2020, 8, 1), dt.date(2021, 1, 31)),
    (4, dt.date(2021, 2, 1), dt.date(2021, 7, 31)),
    (5, dt.date(2021, 8, 1), dt.date(2022, 1, 31)),
    (6, dt.date(2022, 2, 1), dt.date(2022, 7, 31)),
]
PERIODS = [f"Semester {n}" for n in range(1, 7)] + ["Outside any semester", "Whole project"]
VISIT_1_PRACTICES = [
    ("Digital citizen folder", PUBLISHED),
    ("Segnalaci", PUBLISHED),
    ("Job policy platform", APPROVED),
    ("Technological innovation of the local police control centre", PUBLISHED),
    ("Digital model of rain and hydrometric level data", DRAFT),
]
VISIT_2_PRACTICES = [
    ("LEGO Education Innovation Studio", PUBLISHED),
    ("Digital Tree: a habitat of innovation", PUBLISHED),
]
VISIT_3_PRACTICES = [("Service design and e-service development in Gävle", PUBLISHED)]


def _partner(number, short_name, city, zone, role=Organisation.Role.PARTNER):
    return PartnerFactory(
        name_en=f"Municipality of {short_name}",
        short_name=short_name,
        city=city,
        timezone=zone,
        partner_number=number,
        partner_role=role,
    )


def _study_visit(number, day, host, guests, practices):
    visit = EventFactory(
        kind=Event.Kind.STUDY_VISIT,
        number=number,
        title_en=f"Study visit in {host.short_name}",
        host=host,
        start_date=day,
        end_date=day,
        timezone="",
    )
    Participation.objects.create(event=visit, organisation=host, role=Participation.Role.HOST)
    for guest in guests:
        Participation.objects.create(event=visit, organisation=guest)
    visit.practices.set(
        GoodPracticeFactory(title_en=title, owner=host, status=status)
        for title, status in practices
    )
    return visit


@pytest.fixture
def better():
    """Semesters 1–6, the five partners, the three study visits of 2021 and a few other events."""
    for number, start, end in SEMESTERS:
        SemesterFactory(number=number, start=start, end=end)
    genoa = _partner(1, "Genoa", "Genoa", "Europe/Rome", Organisation.Role.LEAD)
    birmingham = _partner(2, "Birmingham", "Birmingham", "Europe/London")
    gavle = _partner(3, "Gävle", "Gävle", "Europe/Stockholm")
    tartu = _partner(4, "Tartu", "Tartu", "Europe/Tallinn")
    nyiregyhaza = _partner(5, "Nyíregyháza", "Nyíregyháza", "Europe/Budapest")
    science_park = OrganisationFactory(name_en="Tartu Science Park", short_name="Science Park")
    hub = OrganisationFactory(name_en="Digital Innovation Hub of Thessaly", short_name="DIH")

    visit_1 = _study_visit(
        1,
        dt.date(2021, 7, 17),
        genoa,
        [birmingham, gavle, nyiregyhaza],
        VISIT_1_PRACTICES,
    )
    visit_2 = _study_visit(
        2, dt.date(2021, 9, 13), nyiregyhaza, [genoa, birmingham, gavle], VISIT_2_PRACTICES
    )
    visit_3 = _study_visit(
        3, dt.date(2021, 10, 27), gavle, [tartu, birmingham, genoa], VISIT_3_PRACTICES
    )
    for event, counts in [
        (visit_1, {genoa: 10, birmingham: 4, gavle: 3, nyiregyhaza: 2}),
        (visit_2, {genoa: 3, birmingham: 2, gavle: 2, nyiregyhaza: 8}),
        (visit_3, {tartu: 3, birmingham: 2, genoa: 2, gavle: 6}),
    ]:
        for organisation, participants in counts.items():
            AttendanceFactory(event=event, organisation=organisation, participants=participants)

    local = EventFactory(
        kind=Event.Kind.LOCAL,
        host=tartu,
        start_date=dt.date(2020, 10, 5),
        end_date=dt.date(2020, 10, 5),
    )
    AttendanceFactory(event=local, organisation=tartu, participants=20)
    AttendanceFactory(event=local, organisation=science_park, participants=15)

    outside = EventFactory(
        kind=Event.Kind.OUTSIDE,
        host=hub,
        start_date=dt.date(2020, 6, 16),
        end_date=dt.date(2020, 6, 16),
    )
    AttendanceFactory(event=outside, organisation=gavle, participants=4)

    cancelled = EventFactory(
        kind=Event.Kind.PARTNER_MEETING,
        host=tartu,
        status=Event.Status.CANCELLED,
        start_date=dt.date(2021, 3, 1),
        end_date=dt.date(2021, 3, 2),
    )
    AttendanceFactory(event=cancelled, organisation=tartu, participants=7)

    unpublished = EventFactory(
        kind=Event.Kind.THEMATIC,
        host=hub,
        is_published=False,
        start_date=dt.date(2021, 11, 10),
        end_date=dt.date(2021, 11, 10),
    )
    AttendanceFactory(event=unpublished, organisation=gavle, participants=9)
    unpublished.practices.add(
        GoodPractice.objects.get(title_en="Digital Tree: a habitat of innovation")
    )

    after_the_last_semester = EventFactory(
        kind=Event.Kind.THEMATIC,
        host=birmingham,
        start_date=dt.date(2022, 9, 20),
        end_date=dt.date(2022, 9, 21),
    )
    AttendanceFactory(event=after_the_last_semester, organisation=birmingham, participants=12)
    after_the_last_semester.practices.add(GoodPractice.objects.get(title_en="Segnalaci"))

    GoodPracticeFactory(title_en="Tartu open data portal", owner=tartu, status=PUBLISHED)

    practice = GoodPractice.objects.get
    TransferFactory(
        practice=practice(title_en="Segnalaci"),
        importer=tartu,
        stage=Transfer.Stage.STUDIED,
        started_on=dt.date(2021, 7, 17),
        stage_reached_on=dt.date(2021, 8, 20),
    )
    TransferFactory(
        practice=practice(title_en="LEGO Education Innovation Studio"),
        importer=gavle,
        stage=Transfer.Stage.IMPORT_WORKSHOP,
        started_on=dt.date(2021, 10, 1),
        stage_reached_on=dt.date(2022, 3, 1),
    )
    TransferFactory(
        practice=practice(title_en="Digital citizen folder"),
        importer=birmingham,
        stage=Transfer.Stage.INTEREST,
        started_on=dt.date(2021, 7, 17),
    )
    TransferFactory(
        practice=practice(title_en="Digital Tree: a habitat of innovation"),
        importer=genoa,
        stage=Transfer.Stage.ACTION_PLAN,
    )


# Expected figures, counted by hand from the fixture above. Visit 1 (17 July 2021) falls in
# semester 4; visits 2 (13 September) and 3 (27 October 2021) in semester 5.
EXPECTED_EVENTS_BY_KIND = [
    # thematic, visits, import ws., meetings, interregional, local, project, outside, cancelled,
    # unpublished
    ["Semester 1", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ["Semester 2", 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
    ["Semester 3", 0, 0, 0, 0, 0, 1, 1, 0, 0, 0],
    ["Semester 4", 0, 1, 0, 0, 1, 0, 1, 0, 1, 0],
    ["Semester 5", 0, 2, 0, 0, 2, 0, 2, 0, 0, 1],
    ["Semester 6", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ["Outside any semester", 1, 0, 0, 0, 1, 0, 1, 0, 0, 0],
    ["Whole project", 1, 3, 0, 0, 4, 1, 5, 1, 1, 1],
]
EXPECTED_STUDY_VISITS = [
    [
        "Semester 4",
        dt.date(2021, 7, 17),
        "Study visit in Genoa",
        "P1 Genoa",
        "P2 Birmingham, P3 Gävle, P5 Nyíregyháza",
        5,
        "; ".join(sorted(title for title, _status in VISIT_1_PRACTICES)),
    ],
    [
        "Semester 5",
        dt.date(2021, 9, 13),
        "Study visit in Nyíregyháza",
        "P5 Nyíregyháza",
        "P1 Genoa, P2 Birmingham, P3 Gävle",
        2,
        "Digital Tree: a habitat of innovation; LEGO Education Innovation Studio",
    ],
    [
        "Semester 5",
        dt.date(2021, 10, 27),
        "Study visit in Gävle",
        "P3 Gävle",
        "P1 Genoa, P2 Birmingham, P4 Tartu",
        1,
        "Service design and e-service development in Gävle",
    ],
]
# Columns: semesters 1–6, outside any semester, whole project. Only held project events count:
# not the cancelled meeting (Tartu 7), the unpublished event (Gävle 9), the outside event (Gävle 4).
EXPECTED_PARTICIPANTS_BY_ORGANISATION = [
    ["P1 Genoa", 0, 0, 0, 10, 5, 0, 0, 15],
    ["P2 Birmingham", 0, 0, 0, 4, 4, 0, 12, 20],
    ["P3 Gävle", 0, 0, 0, 3, 8, 0, 0, 11],
    ["P4 Tartu", 0, 0, 20, 0, 3, 0, 0, 23],
    ["P5 Nyíregyháza", 0, 0, 0, 2, 8, 0, 0, 10],
    ["Science Park", 0, 0, 15, 0, 0, 0, 0, 15],
    ["Total", 0, 0, 35, 19, 28, 0, 12, 94],
]
EXPECTED_PARTICIPANTS_BY_PARTNER = [
    *EXPECTED_PARTICIPANTS_BY_ORGANISATION[:5],
    ["Other organisations", 0, 0, 15, 0, 0, 0, 0, 15],
    EXPECTED_PARTICIPANTS_BY_ORGANISATION[-1],
]
# Partners, other organisations, all: the whole project counts each organisation once (5 + 1),
# not the sum of the semesters (2 + 4 + 5 + 1).
EXPECTED_ORGANISATIONS = [
    ["Semester 1", 0, 0, 0],
    ["Semester 2", 0, 0, 0],
    ["Semester 3", 1, 1, 2],
    ["Semester 4", 4, 0, 4],
    ["Semester 5", 5, 0, 5],
    ["Semester 6", 0, 0, 0],
    ["Outside any semester", 1, 0, 1],
    ["Whole project", 5, 1, 6],
]
# Examined, identified (approved or published), published. Segnalaci, examined in semester 4 and
# again after semester 6, is identified in semester 4 and counted once for the whole project. The
# Tartu portal, examined nowhere, is placed by the day it was entered: today, outside any semester.
EXPECTED_PRACTICES = [
    ["Semester 1", 0, 0, 0],
    ["Semester 2", 0, 0, 0],
    ["Semester 3", 0, 0, 0],
    ["Semester 4", 5, 4, 3],
    ["Semester 5", 3, 3, 3],
    ["Semester 6", 0, 0, 0],
    ["Outside any semester", 1, 1, 1],
    ["Whole project", 8, 8, 7],
]
# Interest, studied, import workshop held, in the action plan, implemented, all.
EXPECTED_TRANSFERS = [
    ["Semester 1", 0, 0, 0, 0, 0, 0],
    ["Semester 2", 0, 0, 0, 0, 0, 0],
    ["Semester 3", 0, 0, 0, 0, 0, 0],
    ["Semester 4", 1, 0, 0, 0, 0, 1],
    ["Semester 5", 0, 1, 0, 0, 0, 1],
    ["Semester 6", 0, 0, 1, 0, 0, 1],
    ["Outside any semester", 0, 0, 0, 1, 0, 1],
    ["Whole project", 1, 1, 1, 1, 0, 4],
]


def _tables(response):
    return {table.name: table for table in response.context["tables"]}


def test_report_events_by_kind_count_held_cancelled_and_unpublished_apart(
    better, coordinator_client
):
    table = _tables(coordinator_client.get(REPORT_URL))["events-by-kind"]

    assert table.header == [
        "Period",
        "Thematic events held",
        "Study visits held",
        "Import workshops held",
        "Partner meetings held",
        "Interregional events held",
        "Local or stakeholder events held",
        "Project events held",
        "Outside events held",
        "Cancelled events",
        "Unpublished events",
    ]
    assert table.rows == EXPECTED_EVENTS_BY_KIND


def test_report_study_visits_placed_in_semesters_by_date(better, coordinator_client):
    table = _tables(coordinator_client.get(REPORT_URL))["study-visits"]

    assert table.rows == EXPECTED_STUDY_VISITS


def test_report_participants_by_organisation_sum_held_project_events(better, coordinator_client):
    table = _tables(coordinator_client.get(REPORT_URL))["participants-by-organisation"]

    assert table.header == ["Organisation", *PERIODS]
    assert table.rows == EXPECTED_PARTICIPANTS_BY_ORGANISATION


def test_report_participants_by_partner_group_outside_organisations(better, coordinator_client):
    table = _tables(coordinator_client.get(REPORT_URL))["participants-by-partner"]

    assert table.rows == EXPECTED_PARTICIPANTS_BY_PARTNER


def test_report_organisations_whole_project_counts_each_once(better, coordinator_client):
    table = _tables(coordinator_client.get(REPORT_URL))["organisations-involved"]

    assert table.rows == EXPECTED_ORGANISATIONS


def test_report_good_practices_whole_project_counts_each_once(better, coordinator_client):
    table = _tables(coordinator_client.get(REPORT_URL))["good-practices-by-semester"]

    assert table.rows == EXPECTED_PRACTICES


def test_report_transfers_placed_by_stage_date_or_start(better, coordinator_client):
    table = _tables(coordinator_client.get(REPORT_URL))["transfers-by-stage"]

    assert table.header == [
        "Period",
        "Interest expressed",
        "Studied",
        "Import workshop held",
        "In the action plan",
        "Implemented",
        "All transfers",
    ]
    assert table.rows == EXPECTED_TRANSFERS


class _TableParser(HTMLParser):
    """The text of each cell of each <table id=...> of a page."""

    def __init__(self):
        super().__init__()
        self.tables, self.current, self.cell = {}, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.current = self.tables.setdefault(dict(attrs).get("id"), [])
        elif tag == "tr" and self.current is not None:
            self.current.append([])
        elif tag in ("td", "th") and self.current is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.current[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def _page_tables(response):
    parser = _TableParser()
    parser.feed(response.content.decode())
    return parser.tables


def test_report_page_shows_the_figures(better, coordinator_client):
    tables = _page_tables(coordinator_client.get(REPORT_URL))

    assert tables["events-by-kind"][1:] == [
        [str(cell) for cell in row] for row in EXPECTED_EVENTS_BY_KIND
    ]
    assert [row[:6] for row in tables["study-visits"][1:]] == [
        ["Semester 4", "17 July 2021", "Study visit in Genoa", "P1 Genoa"]
        + ["P2 Birmingham, P3 Gävle, P5 Nyíregyháza", "5"],
        ["Semester 5", "13 September 2021", "Study visit in Nyíregyháza", "P5 Nyíregyháza"]
        + ["P1 Genoa, P2 Birmingham, P3 Gävle", "2"],
        ["Semester 5", "27 October 2021", "Study visit in Gävle", "P3 Gävle"]
        + ["P1 Genoa, P2 Birmingham, P4 Tartu", "1"],
    ]


def test_report_page_states_how_events_are_counted(better, coordinator_client):
    content = coordinator_client.get(REPORT_URL).content.decode()

    assert (
        "“Held” counts published events that are not cancelled, whatever their other status. "
        "Cancelled published events and unpublished events are counted apart, in their own "
        "columns, and in no other column." in content
    )


def test_report_event_in_no_semester_is_reported_apart(coordinator_client):
    SemesterFactory(number=1, start=dt.date(2019, 8, 1), end=dt.date(2020, 1, 31))
    EventFactory(
        kind=Event.Kind.THEMATIC, start_date=dt.date(2019, 5, 2), end_date=dt.date(2019, 5, 3)
    )

    table = _tables(coordinator_client.get(REPORT_URL))["events-by-kind"]

    assert table.rows == [
        ["Semester 1", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ["Outside any semester", 1, 0, 0, 0, 1, 0, 1, 0, 0, 0],
        ["Whole project", 1, 0, 0, 0, 1, 0, 1, 0, 0, 0],
    ]


def test_report_semester_boundaries_are_inclusive():
    semesters = [SemesterFactory(number=n, start=start, end=end) for n, start, end in SEMESTERS]
    periods = Periods()

    assert [periods.key_of(day) for day in (dt.date(2021, 7, 31), dt.date(2021, 8, 1))] == [
        semesters[3].pk,
        semesters[4].pk,
    ]


def _svg_texts(content, chart_id):
    svg = re.search(rf'<svg[^>]*aria-labelledby="{chart_id}-title[^>]*>(.*?)</svg>', content, re.S)
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg.group(1))


def test_report_chart_shows_events_and_participants_per_semester(better, coordinator_client):
    content = coordinator_client.get(REPORT_URL).content.decode()

    labels = ["S1", "S2", "S3", "S4", "S5", "S6", "Outside"]
    events = ["0", "0", "1", "1", "2", "0", "1"]
    participants = ["0", "0", "35", "19", "28", "0", "12"]
    assert _svg_texts(content, "chart-events") == _interleave(events, labels)
    assert _svg_texts(content, "chart-participants") == _interleave(participants, labels)
    assert re.findall(r'<(title|desc) id="chart-events-[a-z]+">([^<]*)<', content) == [
        ("title", "Project events held per semester"),
        ("desc", "S1: 0; S2: 0; S3: 1; S4: 1; S5: 2; S6: 0; Outside: 1"),
    ]


def _interleave(values, labels):
    """Each bar's value, then its label: the order of the <text>s in the chart."""
    return [text for pair in zip(values, labels, strict=True) for text in pair]


def test_report_page_has_no_inline_style_or_script(better, coordinator_client):
    content = coordinator_client.get(REPORT_URL).content.decode()
    main = content[content.index('<div id="content-main" class="report">') :]

    assert re.findall(r"\sstyle=|<style|<script", main) == []


def test_report_chart_numbers_are_not_localised(better, coordinator_client):
    content = coordinator_client.get(REPORT_URL, HTTP_ACCEPT_LANGUAGE="it").content.decode()
    rects = re.findall(r'<rect x="([^"]*)"', content)

    assert all(re.fullmatch(r"\d+(\.\d+)?", x) for x in rects) and len(rects) == 14


def _csv_rows(response):
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def _as_csv(rows):
    return [["" if cell is None else str(cell) for cell in row] for row in rows]


def _as_xlsx(rows):
    return [
        [dt.datetime.combine(c, dt.time()) if isinstance(c, dt.date) else c for c in row]
        for row in rows
    ]


STUDY_VISIT_HEADER = [
    "Period",
    "Date",
    "Study visit",
    "Host",
    "Participating organisations",
    "Good practices examined",
    "Good practices",
]


def test_report_study_visits_csv_equals_figures(better, coordinator_client):
    response = coordinator_client.get(REPORT_URL + "study-visits.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="study-visits.csv"'
    assert _csv_rows(response) == [STUDY_VISIT_HEADER, *_as_csv(EXPECTED_STUDY_VISITS)]


def test_report_study_visits_xlsx_equals_figures(better, coordinator_client):
    response = coordinator_client.get(REPORT_URL + "study-visits.xlsx")

    assert response["Content-Disposition"] == 'attachment; filename="study-visits.xlsx"'
    assert _xlsx_rows(response) == [STUDY_VISIT_HEADER, *_as_xlsx(EXPECTED_STUDY_VISITS)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("events-by-kind", EXPECTED_EVENTS_BY_KIND),
        ("participants-by-organisation", EXPECTED_PARTICIPANTS_BY_ORGANISATION),
        ("participants-by-partner", EXPECTED_PARTICIPANTS_BY_PARTNER),
        ("organisations-involved", EXPECTED_ORGANISATIONS),
        ("good-practices-by-semester", EXPECTED_PRACTICES),
        ("transfers-by-stage", EXPECTED_TRANSFERS),
    ],
)
def test_report_table_exports_equal_figures(better, coordinator_client, name, expected):
    csv_rows = _csv_rows(coordinator_client.get(f"{REPORT_URL}{name}.csv"))
    xlsx_rows = _xlsx_rows(coordinator_client.get(f"{REPORT_URL}{name}.xlsx"))

    assert csv_rows[1:] == _as_csv(expected)
    assert xlsx_rows[1:] == expected
    assert xlsx_rows[0] == csv_rows[0]


def test_report_export_headers_in_the_admin_language(better, coordinator_client):
    response = coordinator_client.get(
        REPORT_URL + "good-practices-by-semester.xlsx", HTTP_ACCEPT_LANGUAGE="it"
    )

    assert _xlsx_rows(response)[:2] == [
        [
            "Periodo",
            "Buone pratiche esaminate",
            "Buone pratiche individuate (approvate o pubblicate)",
            "Buone pratiche pubblicate",
        ],
        ["Semestre 1", 0, 0, 0],
    ]


def test_report_export_unknown_table_is_not_found(coordinator_client):
    response = coordinator_client.get(REPORT_URL + "salaries.csv")

    assert response.status_code == 404


def test_report_anonymous_is_sent_to_admin_login(client):
    response = client.get(REPORT_URL)

    assert (response.status_code, response["Location"]) == (
        302,
        "/admin/login/?next=/admin/reports/",
    )


def test_report_non_staff_is_sent_to_admin_login(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x-long-pass"))

    response = client.get(REPORT_URL + "events-by-kind.csv")

    assert (response.status_code, response["Location"]) == (
        302,
        "/admin/login/?next=/admin/reports/events-by-kind.csv",
    )


def test_report_staff_without_permission_is_refused(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_user("staff", password="x-long-pass", is_staff=True)
    )

    assert client.get(REPORT_URL).status_code == 403
    assert client.get(REPORT_URL + "study-visits.xlsx").status_code == 403


def test_report_staff_with_view_permission_sees_the_report(better, client, django_user_model):
    user = django_user_model.objects.create_user("staff", password="x-long-pass", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_event"))
    client.force_login(coordinating(user))

    response = client.get(REPORT_URL)

    assert _tables(response)["study-visits"].rows == EXPECTED_STUDY_VISITS


def test_report_admin_index_links_to_the_report(coordinator_client):
    content = coordinator_client.get(reverse("admin:index")).content.decode()

    assert re.findall(r'<a href="([^"]*)">Project report', content) == [REPORT_URL]


def _report_queries(client):
    with CaptureQueriesContext(connection) as queries:
        client.get(REPORT_URL)
    return len(queries)


def _complete_visit():
    visit = EventFactory(kind=Event.Kind.STUDY_VISIT, start_date=dt.date(2019, 9, 1))
    visit.practices.add(GoodPracticeFactory())
    AttendanceFactory(event=visit)
    Participation.objects.create(event=visit, organisation=OrganisationFactory())
    TransferFactory(practice=visit.practices.get())


def test_report_query_count_does_not_grow_with_data(coordinator_client):
    SemesterFactory(number=1, start=dt.date(2019, 8, 1), end=dt.date(2020, 1, 31))
    _complete_visit()
    few = _report_queries(coordinator_client)
    for n in range(2, 7):
        SemesterFactory(number=n, start=dt.date(2019 + n, 8, 1), end=dt.date(2020 + n, 1, 31))
        _complete_visit()

    assert _report_queries(coordinator_client) == few


EVENT_EXPORT_HEADER = [
    "Kind",
    "Number",
    "Title",
    "Start date",
    "End date",
    "Semester",
    "Host",
    "Participating organisations",
    "Format",
    "City",
    "Country",
    "Status",
    "Published",
    "Good practices examined",
    "Participants",
]


def _visits():
    return Event.objects.filter(kind=Event.Kind.STUDY_VISIT).order_by("start_date")


def test_export_events_csv_lists_the_study_visits(better, rf):
    response = export_events_csv(None, rf.get("/"), _visits())

    assert response["Content-Disposition"] == 'attachment; filename="events.csv"'
    assert _csv_rows(response) == [
        EVENT_EXPORT_HEADER,
        ["Study visit", "1", "Study visit in Genoa", "2021-07-17", "2021-07-17", "Semester 4"]
        + ["P1 Genoa", "P1 Genoa, P2 Birmingham, P3 Gävle, P5 Nyíregyháza", "In person"]
        + ["", "", "Confirmed", "Yes", "5", "19"],
        ["Study visit", "2", "Study visit in Nyíregyháza", "2021-09-13", "2021-09-13"]
        + ["Semester 5", "P5 Nyíregyháza", "P1 Genoa, P2 Birmingham, P3 Gävle, P5 Nyíregyháza"]
        + ["In person", "", "", "Confirmed", "Yes", "2", "15"],
        ["Study visit", "3", "Study visit in Gävle", "2021-10-27", "2021-10-27", "Semester 5"]
        + ["P3 Gävle", "P1 Genoa, P2 Birmingham, P3 Gävle, P4 Tartu", "In person"]
        + ["", "", "Confirmed", "Yes", "1", "13"],
    ]


def test_export_events_xlsx_equals_the_csv(better, rf):
    csv_rows = _csv_rows(export_events_csv(None, rf.get("/"), _visits()))
    response = export_events_xlsx(None, rf.get("/"), _visits())

    assert response["Content-Disposition"] == 'attachment; filename="events.xlsx"'
    xlsx_rows = _xlsx_rows(response)
    assert [[_xlsx_text(cell) for cell in row] for row in xlsx_rows] == csv_rows


def _xlsx_text(cell):
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    return "" if cell is None else str(cell)


def test_export_events_places_event_outside_any_semester(better):
    event = Event.objects.get(start_date=dt.date(2022, 9, 20))

    table = events_table(Event.objects.filter(pk=event.pk))

    assert table.rows[0][5] == "Outside any semester"


def test_export_practices_csv_and_xlsx_list_the_practices(better, rf):
    practices = GoodPractice.objects.filter(owner__short_name="Nyíregyháza").order_by("title_en")

    csv_response = export_practices_csv(None, rf.get("/"), practices)
    xlsx_response = export_practices_xlsx(None, rf.get("/"), practices)

    expected = [
        ["Title", "Owner organisation", "Status", "Themes", "Location", "Start", "End"]
        + ["Ongoing", "Contact person", "Importing partners", "Further information"],
        ["Digital Tree: a habitat of innovation", "P5 Nyíregyháza", "Published", "", "", "", ""]
        + ["No", "", "P1 Genoa", ""],
        ["LEGO Education Innovation Studio", "P5 Nyíregyháza", "Published", "", "", "", ""]
        + ["No", "", "P3 Gävle", ""],
    ]
    assert csv_response["Content-Disposition"] == 'attachment; filename="good-practices.csv"'
    assert _csv_rows(csv_response) == expected
    assert [[_xlsx_text(c) for c in row] for row in _xlsx_rows(xlsx_response)] == expected


def test_export_text_that_looks_like_a_formula_stays_text(rf):
    GoodPracticeFactory(title_en='=HYPERLINK("http://evil.example","click")')

    csv_rows = _csv_rows(export_practices_csv(None, rf.get("/"), GoodPractice.objects.all()))
    xlsx = openpyxl.load_workbook(
        io.BytesIO(export_practices_xlsx(None, rf.get("/"), GoodPractice.objects.all()).content)
    )

    assert csv_rows[1][0] == '\'=HYPERLINK("http://evil.example","click")'
    assert (xlsx.active["A2"].data_type, xlsx.active["A2"].value) == (
        "s",
        '=HYPERLINK("http://evil.example","click")',
    )


def test_report_study_visits_on_the_demo_data(coordinator_client):
    call_command("load_demo", verbosity=0)

    tables = _tables(coordinator_client.get(REPORT_URL))

    # Seed 002: the three study visits of 2021, placed by their dates alone.
    assert tables["study-visits"].rows == [
        [
            "Semester 4",
            dt.date(2021, 7, 17),
            "Study visit to Genoa",
            "P1 Genoa",
            "P2 Birmingham, P3 Gävle, P5 Nyíregyháza",
            5,
            "Digital citizen folder; Digital model of rain and hydrometric level data; "
            "Job policy platform; Segnalaci; "
            "Technological innovation of the local police control centre",
        ],
        [
            "Semester 5",
            dt.date(2021, 9, 13),
            "Study visit to Nyíregyháza",
            "P5 Nyíregyháza",
            "P1 Genoa, P2 Birmingham, P3 Gävle",
            2,
            "Digital Tree – habitat of innovation; LEGO Education Innovation Studio",
        ],
        [
            "Semester 5",
            dt.date(2021, 10, 27),
            "Study visit to Gävle",
            "P3 Gävle",
            "P1 Genoa, P2 Birmingham, P4 Tartu",
            1,
            "Service design and e-service development in Gävle municipality",
        ],
    ]
    study_visits_column = [row[2] for row in tables["events-by-kind"].rows]
    assert study_visits_column == [0, 0, 0, 1, 2, 0, 0, 3]


def _figures(content):
    """Each chart's figure: its first element's tag, its caption, and its no-data note."""
    return [
        (
            re.search(r"<(\w+)", figure)[1],
            re.search(r"<figcaption[^>]*>([^<]*)</figcaption>", figure)[1],
            re.findall(r'<p class="report-chart-empty">([^<]*)</p>', figure),
        )
        for figure in re.findall(r'<figure class="report-chart"[^>]*>(.*?)</figure>', content, re.S)
    ]


def test_report_chart_titles_stand_above_their_charts(better, coordinator_client):
    content = coordinator_client.get(REPORT_URL).content.decode()

    assert _figures(content) == [
        ("figcaption", "Project events held per semester", []),
        ("figcaption", "Participants in project events per semester", []),
    ]


def test_report_chart_without_data_says_so(db, coordinator_client):
    SemesterFactory(number=1, start=dt.date(2019, 8, 1), end=dt.date(2020, 1, 31))

    content = coordinator_client.get(REPORT_URL).content.decode()

    assert _figures(content) == [
        ("figcaption", "Project events held per semester", ["No data yet."]),
        ("figcaption", "Participants in project events per semester", ["No data yet."]),
    ]
    assert re.findall(r'<svg[^>]*role="img"', content) == []
