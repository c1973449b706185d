from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from content.languages import codes, column
from content.languages import default as default_language
from content.scoping import activate
from content.site import LegalPage, Project, default_project
from events import demo_data
from events.demo_data import open_towns
from events.demo_data import site as demo_site
from events.models import Event, EventChange, Participation, Semester, Workshop
from partners.models import Organisation, Person
from practices.models import GoodPractice, Theme


def translated(values):
    """Spread {"title": {"en": ..., "sv": ...}} over title_en ... title_el, unlisted ones None.

    Every language is set explicitly, so the active language never matters and a text removed
    from the data is removed from the database.
    """
    fields = {}
    for name, value in values.items():
        if isinstance(value, dict):
            fields.update({column(name, lang): value.get(lang) for lang in codes()})
        else:
            fields[name] = value
    return fields


def upsert(model, lookup, values):
    """The row matching lookup, created or updated to hold values, and validated.

    Like update_or_create, but an unchanged row is not saved again, so a second run leaves every
    value as it was, `updated` timestamps included.
    """
    values = translated(without(values, *lookup))
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
    elif all(getattr(obj, name) == value for name, value in values.items()):
        return obj
    else:
        for name, value in values.items():
            setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


def without(record, *keys):
    return {key: value for key, value in record.items() if key not in keys}


class Command(BaseCommand):
    help = (
        "Load the BETTER demo content from the seed news items. Running it again changes nothing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # BETTER is the instance's first project: the one a fresh instance made for itself.
        project = upsert(Project, {"pk": default_project().pk}, demo_site.IDENTITY)
        with activate(project):
            self.load_project()
        # OPEN TOWNS, the demo's second project, made up: it shares Tartu with BETTER.
        second = upsert(Project, {"slug": open_towns.IDENTITY["slug"]}, open_towns.IDENTITY)
        with activate(second):
            self.load_second_project()
        if apps.is_installed("workspace"):
            # One demo staff login per partner (the workspace's own command, idempotent too).
            call_command("load_demo_staff", stdout=self.stdout)

    def load_project(self):
        for page in demo_site.LEGAL_PAGES:
            upsert(LegalPage, {"kind": page["kind"]}, page)
        orgs = {o["slug"]: self.load_organisation(o) for o in demo_data.ORGANISATIONS}
        people = {
            p["name"]: upsert(
                Person, {"name": p["name"]}, p | {"organisation": orgs[p["organisation"]]}
            )
            for p in demo_data.PEOPLE
        }
        themes = {t["slug"]: upsert(Theme, {"slug": t["slug"]}, t) for t in demo_data.THEMES}
        practices = {p["slug"]: self.load_practice(p, orgs, themes) for p in demo_data.PRACTICES}
        for semester in demo_data.SEMESTERS:
            upsert(Semester, {"number": semester["number"]}, semester)
        for record in demo_data.EVENTS:
            self.load_event(record, orgs, people, themes, practices)
        self.report()

    def load_second_project(self):
        for page in open_towns.LEGAL_PAGES:
            upsert(LegalPage, {"kind": page["kind"]}, page)
        orgs = {o["slug"]: self.load_organisation(o) for o in open_towns.ORGANISATIONS}
        orgs["tartu"] = Organisation.objects.get(slug="tartu")
        themes = {t.slug: t for t in Theme.objects.all()}
        practices = {p["slug"]: self.load_practice(p, orgs, themes) for p in open_towns.PRACTICES}
        for semester in open_towns.SEMESTERS:
            upsert(Semester, {"number": semester["number"]}, semester)
        for record in open_towns.EVENTS:
            self.load_event(record, orgs, {}, themes, practices)

    def load_organisation(self, record):
        # A name written alike in every language is given once, as the default language's.
        for name in ("short_name", "city"):
            if isinstance(record.get(name), str):
                record = record | {name: {default_language(): record[name]}}
        if record.get("partner_number"):
            return upsert(Organisation, {"partner_number": record["partner_number"]}, record)
        return upsert(Organisation, {"slug": record["slug"]}, record)

    def load_practice(self, record, orgs, themes):
        values = without(record, "themes") | {"owner": orgs[record["owner"]]}
        practice = upsert(GoodPractice, {"slug": record["slug"]}, values)
        practice.themes.set([themes[slug] for slug in record["themes"]])
        return practice

    def load_event(self, record, orgs, people, themes, practices):
        values = without(record, "participations", "practices", "themes", "workshops", "changes")
        values["host"] = orgs[record["host"]]
        if record.get("number") is not None:
            lookup = {"kind": record["kind"], "number": record["number"]}
        else:
            lookup = {"slug": record["slug"]}
        event = upsert(Event, lookup, values)
        kept = [
            upsert(Participation, {"event": event, "organisation": orgs[slug], "role": role}, {}).pk
            for slug, role in record["participations"]
        ]
        event.participations.exclude(pk__in=kept).delete()
        event.themes.set([themes[slug] for slug in record.get("themes", [])])
        event.practices.set([practices[slug] for slug in record.get("practices", [])])
        for workshop in record.get("workshops", []):
            values = without(workshop, "experts")
            session = upsert(Workshop, {"event": event, "order": workshop["order"]}, values)
            session.experts.set([people[name] for name in workshop["experts"]])
        for change in record.get("changes", []):
            lookup = {"event": event, "previous_start_date": change["previous_start_date"]}
            upsert(EventChange, lookup, change)

    def report(self):
        """What this command loaded (the demo's records), not the whole database's rows."""
        events = demo_data.EVENTS
        loaded = [
            (Organisation, len(demo_data.ORGANISATIONS)),
            (Person, len(demo_data.PEOPLE)),
            (Theme, len(demo_data.THEMES)),
            (GoodPractice, len(demo_data.PRACTICES)),
            (Semester, len(demo_data.SEMESTERS)),
            (Event, len(events)),
            (Workshop, sum(len(e.get("workshops", [])) for e in events)),
            (EventChange, sum(len(e.get("changes", [])) for e in events)),
        ]
        self.stdout.write(
            self.style.SUCCESS(
                "Demo content loaded: "
                + ", ".join(f"{n} {m._meta.verbose_name_plural}" for m, n in loaded)
                + "."
            )
        )
