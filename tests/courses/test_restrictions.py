"""A course limited to one organisation is closed to everyone else on every route to its
content: its pages, the lists of courses, its tests, its interactive activities and the
learning pipeline. Its organisation's trainees and staff, and admins, keep it; a course
for everyone stays open to all."""

import json
import re
from urllib.parse import quote

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from certificates.models import Certificate
from courses.access import may_take_course, may_take_quiz
from courses.models import CourseCompletion, ModulePage, ModuleProgress
from h5p.models import ActivityState, ActivityStatement
from quizzes.models import Attempt
from quizzes.services import attempt_start, attempt_submit
from tests.builders import build_course, build_quiz
from tests.certificates.conftest import finish_modules, take_final
from tests.factories import TraineeFactory, TrainingGroupFactory, UserFactory
from tests.h5p.conftest import BLOCK_ID, add_h5p_block, post_statement, statement

pytestmark = pytest.mark.django_db

LANGUAGES = ["uk", "ru"]


def limit_to(course, *organisations):
    """`course` limited to `organisations` in every language, as an editor publishes it."""
    for version in course.get_translations(inclusive=True):
        version.organisations.set(organisations)
        version.save_revision().publish()


def in_language(page, lang):
    return page.get_translation(Locale.objects.get(language_code=lang))


def add_quiz(module, quiz, required=True):
    for version in module.get_translations(inclusive=True):
        version.body.append(("quiz", {"quiz": quiz, "required": required}))
        version.save_revision().publish()
    return ModulePage.objects.get(pk=module.pk)


def as_user(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def outsider(other_organisation):
    """A trainee of another organisation."""
    return TraineeFactory(
        nickname="outsider", training_group=TrainingGroupFactory(organisation=other_organisation)
    )


@pytest.fixture
def limited(course, organisation):
    page, modules = course
    limit_to(page, organisation)
    return page, modules


def refused_as_not_found(response):
    return response.status_code == 404 and "Сторінку не знайдено" in response.content.decode()


# The rule


def test_the_rule_admits_the_organisations_people_and_admins_only(
    limited, trainee, trainer, outsider, outside_trainer, admin_user
):
    from django.contrib.auth.models import AnonymousUser

    page, _modules = limited
    ru_page = in_language(page, "ru")

    for person in (trainee, trainer, admin_user):
        assert may_take_course(person, page) and may_take_course(person, ru_page), person
    for person in (outsider, outside_trainer, AnonymousUser(), UserFactory(nickname="no-organisation")):
        assert not may_take_course(person, page) and not may_take_course(person, ru_page), person


def test_a_course_limited_in_one_language_only_is_closed_in_both(course, organisation, outsider):
    """wagtail-localize copies the field only when the translation is synced: until then
    the stricter version decides."""
    page, modules = course
    page.organisations.set([organisation])
    page.save_revision().publish()
    client = as_user(outsider)

    assert in_language(page, "ru").organisations.count() == 0
    assert client.get(in_language(page, "ru").url).status_code == 404
    assert client.get(in_language(modules[0], "ru").url).status_code == 404


# Pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_another_organisations_trainee_and_staff_find_neither_the_course_nor_its_modules(
    limited, outsider, outside_trainer, lang
):
    page, modules = limited
    for person in (outsider, outside_trainer):
        client = as_user(person)
        for url in (in_language(page, lang).url, *(in_language(module, lang).url for module in modules)):
            response = client.get(url)
            assert response.status_code == 404, (person, url)
            assert page.title not in response.content.decode()
    assert not ModuleProgress.objects.filter(
        user__in=[outsider, outside_trainer]
    ).exists()  # nothing recorded


def test_the_refusal_is_the_translated_page_not_found(limited, outsider):
    page, _modules = limited
    client = as_user(outsider)

    assert refused_as_not_found(client.get(page.url))
    assert "Страница не найдена" in client.get(in_language(page, "ru").url).content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_organisations_trainee_staff_and_admins_open_the_course_and_its_modules(
    limited, trainee, trainer, admin_user, lang
):
    page, modules = limited
    for person in (trainee, trainer, admin_user):
        client = as_user(person)
        for url in (in_language(page, lang).url, in_language(modules[0], lang).url):
            assert client.get(url).status_code == 200, (person, url)
    assert ModuleProgress.objects.filter(user=trainee).exists()


def test_a_visitor_who_is_not_signed_in_is_asked_to_log_in_and_comes_back(limited, trainee):
    page, modules = limited
    client = Client()

    response = client.get(modules[0].url)

    assert response.status_code == 302
    assert response["Location"] == f"/uk/accounts/login/?next={quote(modules[0].url, safe='')}"
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Увійдіть, щоб відкрити цю сторінку."]


def test_a_course_for_everyone_is_open_to_every_organisation_and_to_visitors(course, outsider):
    page, modules = course
    for client in (as_user(outsider), Client()):
        assert client.get(page.url).status_code == 200
        assert client.get(in_language(modules[0], "ru").url).status_code == 200


# Lists of courses


def test_the_home_page_and_the_course_list_show_it_only_to_whom_it_is_for(
    limited, home_pages, trainee, outsider, admin_user
):
    from courses.models import CourseIndexPage

    page, _modules = limited
    everyone, _ = build_course(home_pages, modules=1, slug="everyone", translate=False)
    index = CourseIndexPage.objects.get(locale__language_code="uk")

    def listed(client, url):
        return [course.pk for course in client.get(url).context["courses"]]

    for client in (as_user(trainee), as_user(admin_user)):
        assert listed(client, home_pages["uk"].url) == [page.pk, everyone.pk]
        assert listed(client, index.url) == [page.pk, everyone.pk]
    for client in (as_user(outsider), Client()):
        assert listed(client, home_pages["uk"].url) == [everyone.pk]
        assert listed(client, index.url) == [everyone.pk]


def test_my_learning_neither_lists_it_nor_offers_to_continue_it(limited, outsider):
    page, modules = limited
    opened = timezone.now()  # before the course was limited
    ModuleProgress.objects.create(
        user=outsider, module_key=modules[0].translation_key, first_opened_at=opened, last_opened_at=opened
    )

    context = as_user(outsider).get("/uk/learning/").context

    assert context["courses"] == []
    assert context["continue_module"] is None


# Tests


@pytest.fixture
def tests_of(limited, organisation):
    """The limited course with a module test, a pre-test and a final test."""
    page, modules = limited
    module_test, pre_test, final_test = build_quiz(), build_quiz(kind="pre_test"), build_quiz(kind="final")
    module = add_quiz(modules[0], module_test)
    for version in page.get_translations(inclusive=True):
        version.pre_test, version.final_test = pre_test, final_test
        version.save_revision().publish()
    return {
        "module test": (module_test, module),
        "pre-test": (pre_test, None),
        "final test": (final_test, None),
    }


@pytest.mark.parametrize("which", ["module test", "pre-test", "final test"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_another_organisations_trainee_can_neither_see_nor_start_its_tests(tests_of, outsider, which, lang):
    quiz, module = tests_of[which]
    client = as_user(outsider)
    query = f"?module={module.pk}" if module else ""

    assert client.get(f"/{lang}/tests/{quiz.pk}/{query}").status_code == 404
    started = client.post(f"/{lang}/tests/{quiz.pk}/start/", {"module": module.pk if module else ""})
    assert started.status_code == 404
    assert not Attempt.objects.filter(user=outsider).exists()


@pytest.mark.parametrize("which", ["module test", "pre-test", "final test"])
def test_the_organisations_trainee_sees_and_starts_its_tests(tests_of, limited, trainee, which):
    quiz, module = tests_of[which]
    if which == "final test":  # it opens once every module is done
        now = timezone.now()
        for done in limited[1]:
            ModuleProgress.objects.create(
                user=trainee,
                module_key=done.translation_key,
                first_opened_at=now,
                last_opened_at=now,
                completed_at=now,
            )
    client = as_user(trainee)
    query = f"?module={module.pk}" if module else ""

    assert client.get(f"/ru/tests/{quiz.pk}/{query}").status_code == 200
    started = client.post(f"/uk/tests/{quiz.pk}/start/", {"module": module.pk if module else ""})
    assert started.status_code == 302 and "/tests/attempts/" in started["Location"]


def test_a_visitor_who_is_not_signed_in_is_asked_to_log_in_for_its_test(tests_of):
    quiz, _module = tests_of["final test"]

    response = Client().get(f"/uk/tests/{quiz.pk}/")

    assert response.status_code == 302 and response["Location"].startswith("/uk/accounts/login/?next=")


def test_an_attempt_started_before_the_course_was_limited_goes_no_further(course, organisation, outsider):
    page, _modules = course
    quiz = build_quiz(kind="final")
    quiz.answer_key = quiz.AnswerKey.ALWAYS  # its feedback page shows, and it can be taken again
    quiz.save()
    for version in page.get_translations(inclusive=True):
        version.final_test = quiz
        version.save_revision().publish()
    finished = attempt_start(user=outsider, quiz=quiz, language="uk")
    attempt_submit(attempt=finished, answers={key.id: key.correct for key in quiz.question_keys()})
    open_attempt = attempt_start(user=outsider, quiz=quiz, language="uk")
    question = finished.answers.first().question_id
    client = as_user(outsider)
    urls = [
        f"/uk/tests/attempts/{open_attempt.token}/",
        f"/uk/tests/attempts/{finished.token}/feedback/{question}/",
        f"/uk/tests/attempts/{finished.token}/result/",
    ]
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]

    limit_to(page, organisation)

    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    answered = client.post(urls[0], {f"q{key.id}": sorted(key.correct) for key in quiz.question_keys()})
    assert answered.status_code == 404
    assert Attempt.objects.get(pk=open_attempt.pk).finished_at is None


def test_a_test_shared_with_a_course_for_everyone_stays_open_from_there(tests_of, home_pages, outsider):
    quiz, limited_module = tests_of["module test"]
    _everyone, modules = build_course(home_pages, modules=1, slug="everyone")
    open_module = add_quiz(modules[0], quiz)
    client = as_user(outsider)

    assert client.get(f"/uk/tests/{quiz.pk}/").status_code == 200
    assert client.get(f"/uk/tests/{quiz.pk}/?module={open_module.pk}").status_code == 200
    assert client.get(f"/uk/tests/{quiz.pk}/?module={limited_module.pk}").status_code == 404
    refused = client.post(f"/uk/tests/{quiz.pk}/start/", {"module": limited_module.pk})
    assert refused.status_code == 404

    take_url = client.post(f"/uk/tests/{quiz.pk}/start/", {"module": open_module.pk})["Location"]
    assert client.get(take_url).status_code == 200
    assert Attempt.objects.get(user=outsider).module_key == open_module.translation_key


def test_a_test_in_no_course_is_open_to_everyone(limited, outsider):
    quiz = build_quiz()

    assert as_user(outsider).get(f"/uk/tests/{quiz.pk}/").status_code == 200
    assert may_take_quiz(outsider, quiz.pk)


# Interactive activities (H5P)


@pytest.fixture
def h5p_limited(limited, packages):
    page, modules = limited
    return add_h5p_block(modules[0], packages)


def play_url(client, module):
    html = client.get(module.url).content.decode()
    return re.search(r'data-h5p-play-url="([^"]+)"', html).group(1)


def test_another_organisations_trainee_cannot_send_results_or_state_for_its_activity(
    h5p_limited, packages, outsider
):
    client = as_user(outsider)

    sent = post_statement(client, h5p_limited, statement(outsider, packages["uk"]))
    saved = client.post(
        f"/ru/activities/{h5p_limited.pk}/{BLOCK_ID}/state/",
        json.dumps({"state": "{}"}),
        content_type="application/json",
    )

    assert (sent.status_code, sent.json()) == (404, {"error": "Завдання не знайдено."})
    assert (saved.status_code, saved.json()) == (404, {"error": "Задание не найдено."})
    assert not ActivityStatement.objects.exists() and not ActivityState.objects.exists()
    assert not ModuleProgress.objects.filter(user=outsider).exists()


def test_the_organisations_trainee_plays_its_activity_and_it_counts(h5p_limited, packages, trainee):
    client = as_user(trainee)

    assert client.get(play_url(client, h5p_limited)).status_code == 200
    response = post_statement(client, h5p_limited, statement(trainee, packages["uk"]))
    assert response.json() == {"stored": True, "module_complete": True}


def test_its_player_and_files_are_refused_to_another_organisation_even_with_the_address(
    h5p_limited, trainee, outsider
):
    """The player's address is the trainee's; the package's file addresses are handed out
    only by a player that was allowed to open."""
    trainees_client = as_user(trainee)
    url = play_url(trainees_client, h5p_limited)
    assert "/h5p/assets/" not in trainees_client.get(h5p_limited.url).content.decode()
    player = trainees_client.get(url).content.decode()
    assets = re.search(r'"assets": "(/h5p/assets/[^"]+)"', player).group(1)
    assert trainees_client.get(assets + "h5p.json").status_code == 200

    assert as_user(outsider).get(url).status_code == 404
    assert Client().get(url).status_code == 404


# The learning pipeline


def test_the_pipeline_neither_completes_nor_certifies_a_course_someone_may_not_take(
    final_course, organisation, outsider, trainee
):
    page, modules, final = final_course
    limit_to(page, organisation)

    finish_modules(outsider, modules)  # the services, without any route's check
    take_final(outsider, final)
    finish_modules(trainee, modules)
    take_final(trainee, final)

    assert not ModuleProgress.objects.filter(user=outsider, completed_at__isnull=False).exists()
    assert not CourseCompletion.objects.filter(user=outsider).exists()
    assert not Certificate.objects.filter(user=outsider).exists()
    assert CourseCompletion.objects.filter(user=trainee, course_key=page.translation_key).exists()
    assert Certificate.objects.filter(user=trainee, course_key=page.translation_key).exists()


def test_its_modules_cannot_be_finished_with_the_button_by_another_organisation(limited, outsider):
    _page, modules = limited

    response = as_user(outsider).post(f"/uk/learning/modules/{modules[0].pk}/finish/")

    assert response.status_code == 404
    assert not ModuleProgress.objects.filter(user=outsider).exists()
