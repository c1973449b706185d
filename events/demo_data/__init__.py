"""The BETTER demo content, as plain data, for `manage.py load_demo`.

Source: the five news items in `shared/seeds/` (Swedish, Estonian, Greek). Their text is
reproduced as written, typing slips included; only the web pages' leftovers (navigation, "follow
us" lines without their links, markdown markers) are left out. English versions are translations.

Translated fields are dicts of language code to text; a language left out stays empty and falls
back to English. Organisations, people, themes and practices are referred to by slug or name;
events by (kind, number) when numbered, else by slug.
"""

import datetime as dt

from .organisations import ORGANISATIONS, PEOPLE
from .outside_events import NEXT_GENERATION_OF_PUBLIC_SERVICES, OFFENTLIGA_RUMMET_2018
from .practices import PRACTICES, THEMES
from .study_visits import SEMESTER_5_SUMMARY, STUDY_VISITS
from .thematic_event import THEMATIC_EVENT_3

# The learning phase, August 2019 to July 2022. The Estonian item of late 2021 has the fifth
# semester close the preparation period, with the last (sixth) one soon to come. The seeds give no
# semester dates: these six-month periods are an assumption, and they put the Genoa visit (17 July
# 2021) in semester 4 although the item groups it with the September and October visits in "the
# past half-year" (docs/demo-data.md).
SEMESTERS = [
    {"number": 1, "start": dt.date(2019, 8, 1), "end": dt.date(2020, 1, 31)},
    {"number": 2, "start": dt.date(2020, 2, 1), "end": dt.date(2020, 7, 31)},
    {"number": 3, "start": dt.date(2020, 8, 1), "end": dt.date(2021, 1, 31)},
    {"number": 4, "start": dt.date(2021, 2, 1), "end": dt.date(2021, 7, 31)},
    # Seed 002 (late 2021) tells the semester's story: its general paragraphs are this summary.
    {
        "number": 5,
        "start": dt.date(2021, 8, 1),
        "end": dt.date(2022, 1, 31),
        "summary": SEMESTER_5_SUMMARY,
    },
    {"number": 6, "start": dt.date(2022, 2, 1), "end": dt.date(2022, 7, 31)},
]

EVENTS = [
    THEMATIC_EVENT_3,
    *STUDY_VISITS,
    OFFENTLIGA_RUMMET_2018,
    NEXT_GENERATION_OF_PUBLIC_SERVICES,
]

__all__ = ["EVENTS", "ORGANISATIONS", "PEOPLE", "PRACTICES", "SEMESTERS", "THEMES"]
