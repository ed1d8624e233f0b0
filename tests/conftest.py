import pytest

from accounts.models import COORDINATORS_GROUP, TRAINERS_GROUP

from .builders import build_course, build_quiz
from .factories import OrganisationFactory, TraineeFactory, TrainingGroupFactory, UserFactory

MIGRATED_ROWS = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The test database, plus a copy of its migrated rows (Wagtail's root page, locales,
    roles) taken before any test can flush them: the browser tests restore from it."""
    from django.db import connection

    with django_db_blocker.unblock():
        request.config.stash[MIGRATED_ROWS] = connection.creation.serialize_db_to_string()


@pytest.fixture
def organisation(db):
    return OrganisationFactory(slug="salus", names={"uk": "Салюс", "ru": "Салюс"})


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(slug="other", names={"uk": "Інша", "ru": "Другая"})


@pytest.fixture
def group(organisation):
    return TrainingGroupFactory(organisation=organisation, name="Львів-1", join_code="LVIV2026")


@pytest.fixture
def trainee(group):
    return TraineeFactory(nickname="sonia", training_group=group)


@pytest.fixture
def trainer(organisation):
    return UserFactory(nickname="trainer", organisation=organisation, role=TRAINERS_GROUP)


@pytest.fixture
def coordinator(organisation):
    return UserFactory(nickname="coordinator", organisation=organisation, role=COORDINATORS_GROUP)


@pytest.fixture
def admin_user(db):
    return UserFactory(nickname="root", is_superuser=True, is_staff=True)


@pytest.fixture
def home_pages(db):
    """The demo home pages in uk and ru (linked translations)."""
    from elearn.demo import pages as demo

    home = demo.load()
    return {page.locale.language_code: page for page in home.get_translations(inclusive=True)}


@pytest.fixture
def course(home_pages):
    """A course of three modules in uk, translated into ru with wagtail-localize."""
    return build_course(home_pages)


@pytest.fixture
def final_course(course):
    """The test course with a final test (pass mark 75%) in both languages."""
    page, modules = course
    final = build_quiz(kind="final", pass_mark=75)
    for translation in page.get_translations(inclusive=True):
        translation.final_test = final
        translation.save_revision().publish()
    page.refresh_from_db()
    return page, modules, final
