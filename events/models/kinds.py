"""One proxy model per kind of event, so that each kind has its own admin page and fields."""

from django.utils.translation import gettext_lazy as _

from .events import Event

KIND_ORDERING = ["-start_date", "-start_time", "-pk"]


class KindManager(type(Event.objects)):
    """The manager of a per-kind proxy: only that kind's events (of the active project)."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def get_queryset(self):
        return super().get_queryset().filter(kind=self.kind)

    def deconstruct(self):
        return (False, "events.models.KindManager", None, (self.kind,), {})


class KindProxy:
    """Saves an event of the proxy's KIND, whatever the form said."""

    KIND: str

    def save(self, *args, **kwargs):
        self.kind = self.KIND
        return super().save(*args, **kwargs)


class ThematicEvent(KindProxy, Event):
    KIND = Event.Kind.THEMATIC
    objects = KindManager(KIND)

    class Meta:
        proxy = True
        verbose_name = _("thematic event")
        verbose_name_plural = _("thematic events")
        ordering = KIND_ORDERING


class StudyVisit(KindProxy, Event):
    KIND = Event.Kind.STUDY_VISIT
    objects = KindManager(KIND)

    class Meta:
        proxy = True
        verbose_name = _("study visit")
        verbose_name_plural = _("study visits")
        ordering = KIND_ORDERING


class ImportWorkshop(KindProxy, Event):
    KIND = Event.Kind.IMPORT_WORKSHOP
    objects = KindManager(KIND)

    class Meta:
        proxy = True
        verbose_name = _("import workshop")
        verbose_name_plural = _("import workshops")
        ordering = KIND_ORDERING


class LocalEvent(KindProxy, Event):
    KIND = Event.Kind.LOCAL
    objects = KindManager(KIND)

    class Meta:
        proxy = True
        verbose_name = _("local or stakeholder event")
        verbose_name_plural = _("local and stakeholder events")
        ordering = KIND_ORDERING


class PartnerMeeting(KindProxy, Event):
    KIND = Event.Kind.PARTNER_MEETING
    objects = KindManager(KIND)

    class Meta:
        proxy = True
        verbose_name = _("partner meeting")
        verbose_name_plural = _("partner meetings")
        ordering = KIND_ORDERING


class OutsideEvent(KindProxy, Event):
    KIND = Event.Kind.OUTSIDE
    objects = KindManager(KIND)

    class Meta:
        proxy = True
        verbose_name = _("outside event")
        verbose_name_plural = _("outside events")
        ordering = KIND_ORDERING


KIND_PROXIES = [ThematicEvent, StudyVisit, ImportWorkshop, LocalEvent, PartnerMeeting, OutsideEvent]
