import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from practices.models import GoodPractice, Transfer
from tests.factories import GoodPracticeFactory, PartnerFactory, TransferFactory

pytestmark = pytest.mark.django_db


def test_practice_end_before_start_is_refused_with_message():
    practice = GoodPracticeFactory.build(
        owner=PartnerFactory(), start_date=dt.date(2021, 5, 1), end_date=dt.date(2021, 4, 1)
    )

    with pytest.raises(ValidationError) as excinfo:
        practice.full_clean()

    assert excinfo.value.messages == ["The end date cannot be before the start date."]


def test_practice_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        GoodPracticeFactory(start_date=dt.date(2021, 5, 1), end_date=dt.date(2021, 4, 1))

    assert GoodPractice.objects.count() == 0


def test_practice_ongoing_with_end_is_refused():
    practice = GoodPracticeFactory.build(
        owner=PartnerFactory(), is_ongoing=True, end_date=dt.date(2021, 4, 1)
    )

    with pytest.raises(ValidationError) as excinfo:
        practice.full_clean()

    assert excinfo.value.message_dict == {"end_date": ["An ongoing practice has no end date."]}


def test_practice_english_title_is_required():
    practice = GoodPracticeFactory.build(owner=PartnerFactory(), title_en="", title_et="Segnalaci")

    with pytest.raises(ValidationError) as excinfo:
        practice.full_clean()

    assert excinfo.value.message_dict["title_en"] == ["This field cannot be blank."]


def test_transfer_duplicate_is_refused():
    transfer = TransferFactory()
    duplicate = Transfer(practice=transfer.practice, importer=transfer.importer)

    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()

    assert excinfo.value.messages == ["This partner already imports this practice."]


def test_transfer_by_owner_is_refused():
    practice = GoodPracticeFactory()
    transfer = Transfer(practice=practice, importer=practice.owner)

    with pytest.raises(ValidationError) as excinfo:
        transfer.full_clean()

    assert excinfo.value.message_dict == {
        "importer": ["The owner of a practice cannot import it from itself."]
    }


def test_transfer_stage_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        TransferFactory(started_on=dt.date(2021, 9, 1), stage_reached_on=dt.date(2021, 8, 1))

    assert Transfer.objects.count() == 0
