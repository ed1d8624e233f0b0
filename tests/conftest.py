import pytest

from accounts.models import COORDINATORS_GROUP, TRAINERS_GROUP

from . import shared_layers
from .builders import build_course, build_quiz
from .demo_snapshot import DemoSnapshot
from .factories import OrganisationFactory, TraineeFactory, TrainingGroupFactory, UserFactory
from .two_factor import staff_pass_the_second_step  # noqa: F401  (autouse: force_login passes the second step)

MIGRATED_ROWS = pytest.StashKey[str]()


LAYERS = pytest.StashKey[tuple[shared_layers.SharedLayers, object]]()  # and pytest-django's DB blocker
DEMO_SNAPSHOT = pytest.StashKey[DemoSnapshot]()


def pytest_itemcollected(item):
    if "demo" in item.fixturenames:
        item.add_marker(pytest.mark.slow)  # before `-m "not slow"` (`make test-fast`) selects


@pytest.hookimpl(trylast=True)  # after pytest-randomly's shuffle and pytest-django's grouping
def pytest_collection_modifyitems(items):
    shared_layers.cluster(items)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Once this test's fixtures are gone, roll back the layers the next test does not want:
    before it sets anything up (see tests/shared_layers.py)."""
    result = yield
    if LAYERS in item.config.stash:
        layers, db_blocker = item.config.stash[LAYERS]
        with db_blocker.unblock():
            layers.cut(shared_layers.layers_for(nextitem) if nextitem else [])
    return result


def pytest_terminal_summary(terminalreporter, config):
    """The order's seed, at the end where a failure is read; how often the shared data was
    built (about once each is the point)."""
    if config.pluginmanager.hasplugin("randomly"):
        seed = config.getoption("randomly_seed")
        terminalreporter.write_line(f"random order, seed {seed}: `make test SEED={seed}` repeats it")
    if LAYERS in config.stash:
        builds = ", ".join(f"{name} {count}×" for name, count in config.stash[LAYERS][0].builds.items())
        restores = config.stash[DEMO_SNAPSHOT].restores
        terminalreporter.write_line(f"shared test data built: {builds or 'none'}; demo restored {restores}×")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The test database, plus a copy of its migrated rows (Wagtail's root page, locales,
    roles) taken before any test can flush them: the browser tests restore from it."""
    from django.db import connection

    with django_db_blocker.unblock():
        request.config.stash[MIGRATED_ROWS] = connection.creation.serialize_db_to_string()


@pytest.fixture(scope="session", autouse=True)
def _postgresql_flushes_with_delete():
    """Tests with transactions of their own empty every table afterwards. PostgreSQL's
    TRUNCATE takes about 6 s for this schema (new files for every table and index), DELETE
    some 50 ms for a test's few rows; the foreign keys are checked at the flush's commit."""
    from django.db import connection
    from django.db.backends.postgresql.operations import DatabaseOperations

    if connection.vendor != "postgresql":
        yield
        return
    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences:
            return truncate(self, style, tables, reset_sequences=True, allow_cascade=allow_cascade)
        delete = style.SQL_KEYWORD("DELETE FROM")
        return [f"{delete} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", sql_flush)
        yield


@pytest.fixture(autouse=True)
def _nothing_left_behind():
    """What a test leaves in the process does not reach the next one, whatever the order:
    the active language, and the cache (parler's translations, Wagtail's site paths), which
    would outlive the rows it describes once they are rolled back."""
    yield
    from django.core.cache import caches
    from django.utils import translation

    translation.deactivate()
    for each in caches.all():  # and the rendered pages of common/page_cache.py
        each.clear()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, request):
    snapshot = request.config.stash[DEMO_SNAPSHOT] = DemoSnapshot(request.config.stash[MIGRATED_ROWS])
    return snapshot


def _home_pages_layer(layers):
    from elearn.demo import pages

    return pages.load()


def _course_layer(layers):
    return build_course(_home_pages_by_language(layers["home_pages"]))


def _preview_pages_layer(layers):
    from tests.courses.test_previews import build_preview_pages

    return build_preview_pages(layers["course"], _home_pages_by_language(layers["home_pages"]))


@pytest.fixture(scope="session")
def layers(django_db_setup, django_db_blocker, demo_snapshot, request):
    """The demo, the home pages, a translated course and the preview tests' drafts, built once
    and shared by the tests that run in transactions: see tests/shared_layers.py."""
    stack = shared_layers.SharedLayers(
        {
            "demo": lambda layers: demo_snapshot.load(),
            "home_pages": _home_pages_layer,
            "course": _course_layer,
            "preview_pages": _preview_pages_layer,
        }
    )
    request.config.stash[LAYERS] = stack, django_db_blocker
    yield stack
    with django_db_blocker.unblock():
        stack.clear()


@pytest.fixture
def _layers_for_this_test(request, layers, django_db_blocker):
    with django_db_blocker.unblock():
        layers.prepare(shared_layers.layers_for(request.node))


@pytest.fixture
def _django_db_helper(_layers_for_this_test, _django_db_helper):
    """pytest-django's per-test transaction (behind `db` and the django_db mark), opened on
    top of the shared layers this test needs."""
    return _django_db_helper


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
def outside_trainer(other_organisation):
    """Staff of the other organisation: what they must not see is the test."""
    return UserFactory(nickname="outside-trainer", organisation=other_organisation, role=TRAINERS_GROUP)


@pytest.fixture
def outside_coordinator(other_organisation):
    return UserFactory(nickname="outside-coord", organisation=other_organisation, role=COORDINATORS_GROUP)


@pytest.fixture
def admin_user(db):
    return UserFactory(nickname="root", is_superuser=True, is_staff=True)


def _home_pages_by_language(home):
    return {page.locale.language_code: page for page in home.get_translations(inclusive=True)}


@pytest.fixture
def demo(db, layers, demo_snapshot):
    """The demo (`load_demo`): a shared layer for tests in a transaction, else restored."""
    if "demo" not in layers:
        demo_snapshot.load()


@pytest.fixture
def home_pages(db, layers):
    """The demo home pages in uk and ru (linked translations)."""
    from elearn.models import HomePage

    if "home_pages" not in layers:
        return _home_pages_by_language(_home_pages_layer(layers))
    return _home_pages_by_language(HomePage.objects.get(pk=layers["home_pages"].pk))


@pytest.fixture
def course(home_pages, layers):
    """A course of three modules in uk, translated into ru with wagtail-localize. Fresh
    instances for every test, of pages built once where the test runs in a transaction."""
    from courses.models import CoursePage, ModulePage

    if "course" not in layers:
        return build_course(home_pages)
    page, modules = layers["course"]
    return CoursePage.objects.get(pk=page.pk), [ModulePage.objects.get(pk=module.pk) for module in modules]


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
