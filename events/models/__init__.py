"""The events app's models, one module per noun."""

from .changes import EventChange
from .events import Event, EventQuerySet, change_count
from .kinds import (
    KIND_PROXIES,
    ImportWorkshop,
    KindManager,
    LocalEvent,
    OutsideEvent,
    PartnerMeeting,
    StudyVisit,
    ThematicEvent,
)
from .participation import Attendance, Participation
from .photos import EventPhoto
from .semesters import Semester
from .workshops import Material, Workshop

__all__ = [
    "KIND_PROXIES",
    "Attendance",
    "Event",
    "EventChange",
    "EventPhoto",
    "EventQuerySet",
    "ImportWorkshop",
    "KindManager",
    "LocalEvent",
    "Material",
    "OutsideEvent",
    "PartnerMeeting",
    "Participation",
    "Semester",
    "StudyVisit",
    "ThematicEvent",
    "Workshop",
    "change_count",
]
