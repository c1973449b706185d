import pytest
from django.urls import reverse
from django.utils.html import escape

from practices.models import GoodPractice, Transfer
from tests.factories import GoodPracticeFactory, PartnerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:practices_goodpractice_changelist"


def test_practice_publish_action_publishes_selected(coordinator_client):
    drafts = GoodPracticeFactory.create_batch(2, status=GoodPractice.Status.SUBMITTED)
    other = GoodPracticeFactory(status=GoodPractice.Status.DRAFT)

    response = coordinator_client.post(
        reverse(CHANGELIST),
        {"action": "publish", "_selected_action": [p.pk for p in drafts]},
        follow=True,
    )

    assert "2 good practices published." in response.text
    assert list(GoodPractice.objects.published().order_by("pk")) == drafts
    other.refresh_from_db()
    assert other.status == GoodPractice.Status.DRAFT


def test_practice_unpublish_action_returns_to_draft(coordinator_client):
    practice = GoodPracticeFactory(status=GoodPractice.Status.PUBLISHED)

    response = coordinator_client.post(
        reverse(CHANGELIST),
        {"action": "unpublish", "_selected_action": [practice.pk]},
        follow=True,
    )

    assert "1 good practice returned to draft." in response.text
    practice.refresh_from_db()
    assert practice.status == GoodPractice.Status.DRAFT


def test_practice_changelist_lists_missing_languages(coordinator_client):
    GoodPracticeFactory(
        title_en="Digital mailbox",
        title_sv="Digital brevlåda",
        summary_sv="En sammanfattning.",
        title_el="Ψηφιακό γραμματοκιβώτιο",
    )

    response = coordinator_client.get(reverse(CHANGELIST))

    # Greek has a title but lacks the summary English has.
    assert '<td class="field-missing_languages">it, et, hu, el</td>' in response.text


def test_practice_changelist_filters_missing_translation(coordinator_client):
    GoodPracticeFactory(title_en="Untranslated")
    GoodPracticeFactory(title_en="In Hungarian", title_hu="Magyarul", summary_hu="Összefoglaló.")

    response = coordinator_client.get(reverse(CHANGELIST), {"missing_translation": "hu"})

    assert [p.title for p in response.context["cl"].result_list] == ["Untranslated"]
    assert "In Hungarian" not in response.text


def test_practice_ongoing_with_end_date_is_a_form_error(coordinator_client):
    practice = GoodPracticeFactory(title_en="Digital mailbox")
    data = {
        "title_en": practice.title_en,
        "summary_en": practice.summary_en,
        "slug": practice.slug,
        "status": practice.status,
        "owner": practice.owner_id,
        "is_ongoing": "on",
        "start_date": "2019-01-01",
        "end_date": "2020-01-01",
        "seen_version": practice.version,
        "transfers-TOTAL_FORMS": 0,
        "transfers-INITIAL_FORMS": 0,
    }

    response = coordinator_client.post(
        reverse("admin:practices_goodpractice_change", args=[practice.pk]), data
    )

    assert response.status_code == 200
    assert "An ongoing practice has no end date." in response.text
    practice.refresh_from_db()
    assert practice.end_date is None


def test_transfer_from_owner_to_itself_is_a_form_error(coordinator_client):
    owner = PartnerFactory()
    practice = GoodPracticeFactory(owner=owner)
    data = {"practice": practice.pk, "importer": owner.pk, "stage": Transfer.Stage.INTEREST}

    response = coordinator_client.post(reverse("admin:practices_transfer_add"), data)

    assert escape("The owner of a practice cannot import it from itself.") in response.text
    assert Transfer.objects.count() == 0
