"""A large, reproducible data set for measuring the portal: `manage.py generate_data`.

The default size is the benchmark's: 300 organisations, 20,000 events with 60,000 workshops and
5,000 good practices. `--events N` scales every count proportionally. The same seed gives the
same rows. Rows are written with bulk_create in batches, so 20,000 events take minutes at most.
"""

import datetime as dt
import random
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from content import languages
from content.page_cache import bump_content_version
from content.scoping import activate
from content.site import Project, current_project_id, default_project
from events.models import Event, EventChange, Participation, Workshop
from partners.models import Organisation, Person
from practices.models import GoodPractice, Theme, Transfer

BATCH = 2000
VOCABULARY = 5000
FULL_EVENTS = 20_000

# Per 20,000 events.
ORGANISATIONS = 300
PRACTICES = 5_000
PEOPLE = 900
WORKSHOPS_PER_EVENT = 3
PARTNERS = 10
# How often a non-English text is present, and which share of items is unpublished.
TRANSLATED_SHARE = 0.6
UNPUBLISHED_SHARE = 0.1

WORDS = {
    "en": "digital public service citizen data platform city open mobility health school "
    "energy tourism permit portal payment identity security resilience workshop visit learning "
    "innovation participation accessibility cloud registry archive transport welfare map".split(),
    "it": "digitale pubblico servizio cittadino dati piattaforma città aperto mobilità salute "
    "scuola energia turismo permesso portale pagamento identità sicurezza resilienza laboratorio "
    "visita apprendimento innovazione partecipazione archivio trasporto mappa".split(),
    "et": "digitaalne avalik teenus kodanik andmed platvorm linn avatud liikuvus tervis kool "
    "energia turism luba portaal makse identiteet turvalisus vastupidavus seminar õppevisiit "
    "õppimine innovatsioon kaasamine ligipääsetavus pilv register arhiiv transport kaart".split(),
    "hu": "digitális közszolgáltatás állampolgár adat platform város nyílt mobilitás egészség "
    "iskola energia turizmus engedély portál fizetés személyazonosság biztonság ellenállóképesség "
    "műhely látogatás tanulás innováció részvétel felhő nyilvántartás térkép".split(),
    "sv": "digital offentlig tjänst medborgare data plattform stad öppen mobilitet hälsa skola "
    "energi turism tillstånd portal betalning identitet säkerhet motståndskraft workshop "
    "studiebesök lärande innovation delaktighet tillgänglighet moln register arkiv karta".split(),
    "el": "ψηφιακή δημόσια υπηρεσία πολίτης δεδομένα πλατφόρμα πόλη ανοικτή κινητικότητα υγεία "
    "σχολείο ενέργεια τουρισμός άδεια πύλη πληρωμή ταυτότητα ασφάλεια ανθεκτικότητα εργαστήριο "
    "επίσκεψη μάθηση καινοτομία συμμετοχή προσβασιμότητα νέφος μητρώο αρχείο χάρτης".split(),
}
CITIES = [
    ("Genoa", "IT", "Europe/Rome"),
    ("Birmingham", "GB", "Europe/London"),
    ("Gävle", "SE", "Europe/Stockholm"),
    ("Tartu", "EE", "Europe/Tallinn"),
    ("Nyíregyháza", "HU", "Europe/Budapest"),
    ("Thessaloniki", "GR", "Europe/Athens"),
    ("Lisbon", "PT", "Europe/Lisbon"),
    ("Kraków", "PL", "Europe/Warsaw"),
]
THEMES = [
    "Digital services for citizens",
    "Security and resilience",
    "Open data",
    "Digital skills",
    "Smart mobility",
    "E-health",
    "E-participation",
    "Interoperability",
    "Accessibility",
    "Green digital transition",
    "Procurement",
    "Artificial intelligence",
]


class Generator:
    """Builds rows from one seeded random source; every method is deterministic given the seed."""

    def __init__(self, events, seed):
        self.rng = random.Random(seed)
        self.events = events
        scale = events / FULL_EVENTS
        self.n_organisations = max(PARTNERS + 2, round(ORGANISATIONS * scale))
        self.n_practices = max(1, round(PRACTICES * scale))
        self.n_people = max(5, round(PEOPLE * scale))
        self._vocabularies = {}

    def words(self, language, count):
        vocabulary, weights = self.vocabulary(language)
        return " ".join(self.rng.choices(vocabulary, cum_weights=weights, k=count))

    def vocabulary(self, language):
        """A Zipf-distributed vocabulary: made-up words, with the real words of WORDS spread over
        ranks 20 to 1,500, so that a real word is in a few per cent of the texts, as in prose."""
        if language not in self._vocabularies:
            rng = random.Random(f"{language}-vocabulary")
            # A language without its own words borrows the default language's.
            words = WORDS.get(language) or WORDS[languages.default()]
            letters = sorted({c for word in words for c in word})
            made_up = [
                "".join(rng.choice(letters) for _ in range(rng.randint(4, 9)))
                for _ in range(VOCABULARY)
            ]
            for rank, word in enumerate(words):
                made_up[20 + rank * 1480 // len(words)] = word
            cumulative, total = [], 0.0
            for rank in range(1, VOCABULARY + 1):
                total += 1 / rank
                cumulative.append(total)
            self._vocabularies[language] = (made_up, cumulative)
        return self._vocabularies[language]

    def texts(self, field, count, required=True):
        """{field_en: ..., field_it: ...}: English always, other languages with gaps."""
        values = {}
        for language in languages.codes():
            if language == languages.default() or self.rng.random() < TRANSLATED_SHARE:
                values[languages.column(field, language)] = self.words(language, count).capitalize()
            else:
                values[languages.column(field, language)] = None
        english = languages.column(field, languages.default())
        if required and not values[english]:
            values[english] = self.words(languages.default(), count)
        return values

    def organisations(self, first_number=1, with_lead=True):
        """The organisations, the first PARTNERS of them consortium partners numbered from
        first_number (after any partners already there), the first the lead if with_lead."""
        rows = []
        for i in range(self.n_organisations):
            city, country, zone = self.rng.choice(CITIES)
            partner = i < PARTNERS
            role = ""
            if partner:
                lead = with_lead and i == 0
                role = Organisation.Role.LEAD if lead else Organisation.Role.PARTNER
            rows.append(
                Organisation(
                    slug=f"gen-organisation-{i}",
                    short_name=city if partner else "",
                    city=city,
                    country=country,
                    timezone=zone,
                    partner_number=first_number + i if partner else None,
                    partner_role=role,
                    organisation_type=self.rng.choice(Organisation.Type.values),
                    **self.texts("name", 3),
                    **self.texts("description", 25),
                )
            )
        return rows

    def people(self, organisations):
        return [
            Person(
                name=f"Person {i}",
                organisation=self.rng.choice(organisations),
                is_public=self.rng.random() > UNPUBLISHED_SHARE,
                **self.texts("role", 2, required=False),
            )
            for i in range(self.n_people)
        ]

    def practices(self, organisations, people):
        statuses = GoodPractice.Status
        rows = []
        for i in range(self.n_practices):
            published = self.rng.random() > UNPUBLISHED_SHARE
            start = dt.date(2010 + self.rng.randrange(14), self.rng.randrange(1, 13), 1)
            rows.append(
                GoodPractice(
                    slug=f"gen-practice-{i}",
                    owner=self.rng.choice(organisations),
                    contact=self.rng.choice(people),
                    start_date=start,
                    is_ongoing=self.rng.random() < 0.5,
                    status=(
                        statuses.PUBLISHED
                        if published
                        else self.rng.choice([statuses.DRAFT, statuses.SUBMITTED])
                    ),
                    **self.texts("title", 4),
                    **self.texts("summary", 30),
                    **self.texts("description", 80),
                    **self.texts("location", 1, required=False),
                )
            )
        return rows

    def event(self, i, organisations, numbers):
        kind = self.rng.choice(Event.Kind.values)
        numbers[kind] = numbers.get(kind, 0) + 1
        start = dt.date(2015, 1, 1) + dt.timedelta(days=self.rng.randrange(16 * 365))
        host = self.rng.choice(organisations)
        timed = self.rng.random() < 0.7
        return Event(
            kind=kind,
            number=numbers[kind],
            slug=f"gen-event-{i}",
            host=host,
            start_date=start,
            end_date=start + dt.timedelta(days=self.rng.choice([0, 0, 1, 2])),
            start_time=dt.time(9, 30) if timed else None,
            end_time=dt.time(17, 0) if timed else None,
            timezone=host.timezone,
            format=self.rng.choice(Event.Format.values),
            status=self.rng.choices(Event.Status.values, weights=[2, 10, 1, 1, 1])[0],
            is_published=self.rng.random() > UNPUBLISHED_SHARE,
            online_platform="Webex",
            **self.texts("title", 5),
            **self.texts("summary", 25),
            **self.texts("body", 120),
            **self.texts("venue", 2, required=False),
            **self.texts("city", 1, required=False),
        )

    def workshops(self, event):
        day = dt.datetime.combine(event.start_date, dt.time(8, 0), tzinfo=dt.UTC)
        return [
            Workshop(
                event=event,
                order=order,
                start=day + dt.timedelta(hours=2 * order),
                end=day + dt.timedelta(hours=2 * order + 1, minutes=30),
                **self.texts("title", 4),
                **self.texts("description", 20),
            )
            for order in range(1, WORKSHOPS_PER_EVENT + 1)
        ]


def of_project(rows):
    """The rows, of the project being served (bulk_create saves no row one by one)."""
    project_id = current_project_id()
    return [setattr(row, "project_id", project_id) or row for row in rows]


class Command(BaseCommand):
    help = "Generate a large, reproducible data set (seeded) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=FULL_EVENTS)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--projects",
            type=int,
            default=1,
            help="Projects to fill: the instance's first one and N-1 generated ones, each with "
            "--events events and their practices; organisations, people and themes are shared.",
        )
        parser.add_argument(
            "--scale",
            action="store_true",
            help="Accepted for clarity: every count always scales with --events.",
        )

    def handle(self, *args, events, seed, projects, **options):
        if events < 1:
            raise CommandError("--events must be at least 1.")
        if projects < 1:
            raise CommandError("--projects must be at least 1.")
        if Event.objects.filter(slug__startswith="gen-").exists():
            raise CommandError("Generated data is already present: use a fresh database.")
        started = timezone.now()
        gen = Generator(events, seed)
        with transaction.atomic():
            counts = self.generate(gen, projects)
        bump_content_version()
        seconds = (timezone.now() - started).total_seconds()
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(f"Generated {summary} in {seconds:.0f} s.")

    def generate(self, gen, projects):
        themes = Theme.objects.bulk_create(
            [
                Theme(slug=f"gen-theme-{i}", name_en=name, name_it=f"{name} (it)")
                for i, name in enumerate(THEMES)
            ]
        )
        # Beside content already there (the demo data): partner numbers after the existing ones,
        # no second lead partner, and event numbers after each kind's highest.
        existing = Organisation.objects.consortium()
        first_number = (existing.aggregate(n=Max("partner_number"))["n"] or 0) + 1
        with_lead = not Organisation.objects.lead().exists()
        organisations = Organisation.objects.bulk_create(
            gen.organisations(first_number, with_lead), batch_size=BATCH
        )
        people = Person.objects.bulk_create(gen.people(organisations), batch_size=BATCH)
        counts = Counter(organisations=len(organisations))
        for project in [default_project(), *self.new_projects(projects - 1)]:
            with activate(project):
                counts.update(self.project_content(gen, organisations, themes, people))
        counts["projects"] = projects
        return counts

    def new_projects(self, n):
        return [
            Project.objects.create(
                acronym=f"GEN{i}", slug=f"gen-project-{i}", domain=f"gen-project-{i}.example"
            )
            for i in range(1, n + 1)
        ]

    def project_content(self, gen, organisations, themes, people):
        """The practices, transfers and events of the project being served."""
        practices = GoodPractice.objects.bulk_create(
            of_project(gen.practices(organisations, people)), batch_size=BATCH // 4
        )
        self.link(
            GoodPractice.themes.through,
            [
                {"goodpractice_id": p.pk, "theme_id": t.pk}
                for p in practices
                for t in gen.rng.sample(themes, 2)
            ],
        )
        transfers = self.transfers(gen, practices, organisations)
        counts = {"practices": len(practices)}
        counts.update(self.events(gen, organisations, themes, practices, people))
        counts["transfers"] = len(transfers)
        return counts

    def transfers(self, gen, practices, organisations):
        partners = organisations[:PARTNERS]
        rows = []
        for practice in gen.rng.sample(practices, max(1, len(practices) // 10)):
            importer = gen.rng.choice(partners)
            if importer.pk != practice.owner_id:
                rows.append(
                    Transfer(practice=practice, importer=importer, stage=Transfer.Stage.STUDIED)
                )
        return Transfer.objects.bulk_create(rows, batch_size=BATCH)

    def events(self, gen, organisations, themes, practices, people):
        highest = Event.objects.order_by().values("kind").annotate(n=Max("number"))
        highest = highest.values_list("kind", "n")
        numbers = {kind: n for kind, n in highest if n is not None}
        n_events = n_workshops = 0
        for first in range(0, gen.events, BATCH):
            batch = [
                gen.event(i, organisations, numbers)
                for i in range(first, min(first + BATCH, gen.events))
            ]
            batch = Event.objects.bulk_create(of_project(batch), batch_size=BATCH // 4)
            workshops = Workshop.objects.bulk_create(
                [w for event in batch for w in gen.workshops(event)], batch_size=BATCH // 4
            )
            self.relate(gen, batch, workshops, organisations, themes, practices, people)
            n_events += len(batch)
            n_workshops += len(workshops)
        return {"events": n_events, "workshops": n_workshops}

    def relate(self, gen, events, workshops, organisations, themes, practices, people):
        """Participations, themes, practices examined, changes and experts of a batch."""
        participations, event_themes, event_practices, changes = [], [], [], []
        for event in events:
            for org in gen.rng.sample(organisations, 3):
                if org.pk != event.host_id:
                    participations.append(Participation(event=event, organisation=org))
            for theme in gen.rng.sample(themes, gen.rng.randint(1, 2)):
                event_themes.append({"event_id": event.pk, "theme_id": theme.pk})
            for practice in gen.rng.sample(practices, min(len(practices), gen.rng.randint(0, 2))):
                event_practices.append({"event_id": event.pk, "goodpractice_id": practice.pk})
            if gen.rng.random() < 0.05:
                changes.append(
                    EventChange(
                        event=event,
                        previous_start_date=event.start_date - dt.timedelta(days=60),
                        previous_city_en=event.city_en,
                        **gen.texts("reason", 8),
                    )
                )
        Participation.objects.bulk_create(participations, batch_size=BATCH)
        EventChange.objects.bulk_create(changes, batch_size=BATCH)
        self.link(Event.themes.through, event_themes)
        self.link(Event.practices.through, event_practices)
        self.link(
            Workshop.experts.through,
            [{"workshop_id": w.pk, "person_id": gen.rng.choice(people).pk} for w in workshops],
        )

    def link(self, through, rows):
        through.objects.bulk_create([through(**row) for row in rows], batch_size=BATCH)
