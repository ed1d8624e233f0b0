"""Speed budgets that must not regress: constant query counts and page weight."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.services import module_finish_by_button, module_open
from tests.builders import build_course
from tests.factories import TraineeFactory
from tests.pages import page_weight, trainee_pages

PAGE_BUDGET_BYTES = 30 * 1024


def compressed_weight(client, url):
    return page_weight(client, url)[1]


def count_queries(client, url):
    client.get(url)  # first visits write progress rows; compare steady-state visits
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(home_pages, trainee, modules):
    """Another course with `modules` modules, other trainees' progress, and the trainee's."""
    course, pages = build_course(home_pages, modules=modules, slug=f"big{modules}")
    for _ in range(10):
        other = TraineeFactory(training_group=trainee.training_group)
        for page in pages:
            module_finish_by_button(user=other, module=page)
    for page in pages[: modules // 2]:
        module_open(user=trainee, module=page)
    return course, pages


@pytest.mark.slow  # builds and translates fifteen modules
def test_page_queries_do_not_grow_with_modules_trainees_or_progress(client, home_pages, trainee):
    small_course, small_modules = build_course(home_pages, modules=2, slug="small")
    module_open(user=trainee, module=small_modules[0])
    client.force_login(trainee)
    urls = [small_course.url, small_modules[1].url, "/uk/learning/"]
    before = {url: count_queries(client, url) for url in urls}

    grow(home_pages, trainee, modules=12)

    after = {url: count_queries(client, url) for url in urls}
    assert after == before


@pytest.mark.slow
def test_anonymous_module_queries_do_not_grow(client, home_pages, trainee):
    small_course, small_modules = build_course(home_pages, modules=2, slug="small")
    before = count_queries(client, small_modules[1].url)

    big_course, big_modules = grow(home_pages, trainee, modules=12)

    assert count_queries(client, small_modules[1].url) == before
    assert count_queries(client, big_modules[6].url) == before


def test_module_page_weighs_under_30_kb_compressed(client, demo):
    from accounts.models import TrainingGroup
    from courses.models import ModulePage

    newcomer = TraineeFactory(training_group=TrainingGroup.objects.get(join_code="TVE4GN6ZR"))
    client.force_login(newcomer)
    for module in ModulePage.objects.all():
        assert compressed_weight(client, module.url) <= PAGE_BUDGET_BYTES, module.url


def test_every_trainee_page_weighs_under_30_kb_compressed(client, demo):
    """Every page of tests/pages.py in both languages: the public ones signed out, the
    rest as the demo trainee (who has seen everything)."""
    from django.test import Client

    from accounts.models import User

    client.force_login(User.objects.get(nickname="trainee-demo"))
    anonymous = Client()
    for lang in ("uk", "ru"):
        public, signed_in = trainee_pages(lang)
        for url in public:
            assert compressed_weight(anonymous, url) <= PAGE_BUDGET_BYTES, url
        for url in signed_in:
            assert compressed_weight(client, url) <= PAGE_BUDGET_BYTES, url
