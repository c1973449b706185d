import pytest
from django.core.management import call_command

from content.site import default_project
from events.management.commands.generate_data import Generator
from events.models import Event, Workshop
from partners.models import Organisation, ProjectPartner
from practices.models import GoodPractice

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "it", "et", "hu", "sv", "el"]


@pytest.fixture
def generated():
    call_command("generate_data", events=200, seed=1, stdout=None)


def test_generate_data_200_events_proportional_counts(generated):
    assert Event.objects.count() == 200
    assert Workshop.objects.count() == 600  # 60,000 per 20,000 events
    assert GoodPractice.objects.count() == 50  # 5,000 per 20,000 events
    # 300 per 20,000 would be 3: the floor is the 10 partners and 2 outside organisations.
    assert Organisation.objects.count() == 12


def test_generate_data_text_in_all_six_languages_with_gaps(generated):
    for language in LANGUAGES:
        assert Event.objects.exclude(**{f"title_{language}": None}).exists(), language
        assert GoodPractice.objects.exclude(**{f"summary_{language}": None}).exists(), language
    assert Event.objects.filter(title_en=None).count() == 0
    assert Event.objects.filter(title_et=None).exists()


def test_generate_data_a_share_unpublished(generated):
    hidden_events = Event.objects.filter(is_published=False).count()
    hidden_practices = GoodPractice.objects.exclude(status="published").count()

    assert 5 <= hidden_events <= 50
    assert 1 <= hidden_practices <= 15


def test_generate_data_refuses_to_add_a_second_set(generated):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("generate_data", events=200)


def test_generator_same_seed_same_text():
    assert Generator(200, 1).texts("title", 6) == Generator(200, 1).texts("title", 6)
    assert Generator(200, 1).texts("title", 6) != Generator(200, 2).texts("title", 6)


def test_generate_data_beside_the_demo_data_numbers_after_it():
    call_command("load_demo", verbosity=0)
    better = ProjectPartner.objects.filter(project=default_project())
    demo_partners = list(better.values_list("number", flat=True))

    call_command("generate_data", events=50, seed=1, stdout=None)

    numbers = list(better.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
    assert numbers[: len(demo_partners)] == demo_partners
    assert list(Organisation.objects.lead().values_list("slug", flat=True)) == ["genoa"]
    assert Event.objects.get(slug="thematic-event-3").number == 3


def test_generate_data_fills_several_projects_that_share_organisations():
    from content.scoping import every_project
    from content.site import Project

    call_command("generate_data", events=20, seed=1, projects=3, stdout=None)

    with every_project():
        per_project = {
            project.slug: (project.events.count(), project.goodpractices.count())
            for project in Project.objects.order_by("pk")
        }
    first = Project.objects.order_by("pk").first().slug
    assert per_project == {first: (20, 5), "gen-project-1": (20, 5), "gen-project-2": (20, 5)}
    assert Organisation.objects.count() == 12
    with every_project():
        partners = {
            (
                tuple(p.projectpartners.values_list("number", flat=True)),
                p.projectpartners.filter(role="lead").count(),
            )
            for p in Project.objects.all()
        }
    assert partners == {(tuple(range(1, 11)), 1)}  # each project numbers its partners
