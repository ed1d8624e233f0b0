import pytest
from django.db import IntegrityError
from django.utils import translation

from accounts.models import User, normalise_join_code
from tests.factories import TrainingGroupFactory, UserFactory


def test_user_model_has_no_email_phone_or_name_fields():
    names = {field.name for field in User._meta.get_fields()}

    assert not names & {"email", "phone", "first_name", "last_name", "date_of_birth"}


def test_nicknames_are_unique_regardless_of_case_in_the_database(db):
    UserFactory(nickname="Zirka")

    with pytest.raises(IntegrityError):
        UserFactory(nickname="zirka")


def test_join_code_is_stored_without_case_spaces_or_dashes(organisation):
    group = TrainingGroupFactory(organisation=organisation, join_code="ab cd-12")

    assert group.join_code == "ABCD12"
    assert normalise_join_code(" lviv-2026 ") == "LVIV2026"


def test_new_groups_get_an_unambiguous_random_code(organisation):
    from accounts.models import TrainingGroup

    codes = {
        TrainingGroup.objects.create(organisation=organisation, name=str(n)).join_code for n in range(20)
    }

    assert len(codes) == 20
    assert all(len(code) == 9 and not set(code) & set("01OIL") for code in codes)


def test_organisation_name_is_translated(organisation):
    organisation.set_current_language("uk")
    organisation.name = "Гуманітарна дія"
    organisation.set_current_language("ru")
    organisation.name = "Гуманитарное действие"
    organisation.save()

    with translation.override("ru"):
        assert str(type(organisation).objects.get(pk=organisation.pk)) == "Гуманитарное действие"
    with translation.override("uk"):
        assert str(type(organisation).objects.get(pk=organisation.pk)) == "Гуманітарна дія"
