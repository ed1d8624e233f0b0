"""Assessment that measures learning (issue #17): the answer-key policy per test, the
pre-test without pass or fail, the final test locked until the modules are done, extra
attempts granted by staff, partial credit, and the trainee's knowledge gain."""

from fractions import Fraction

import pytest
from django.test import Client
from django.utils import translation
from wagtail.models import Locale, ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from accounts.models import User
from courses.completion import final_test_open
from elearn.my_data import personal_data
from quizzes import answer_key
from quizzes.models import Attempt, AttemptGrant, Quiz
from quizzes.scoring import MULTIPLE, PARTLY, RIGHT, WRONG, QuestionKey, question_outcome
from quizzes.services import AnswersAlreadySeen, attempt_start, attempt_submit, attempts_grant, attempts_left
from tests.builders import build_quiz
from tests.certificates.conftest import finish_modules
from tests.factories import OrganisationFactory, TraineeFactory, TrainingGroupFactory, UserFactory

# The rules, as plain data


@pytest.mark.parametrize(
    "policy, passed, left, shown",
    [
        (answer_key.ALWAYS, False, 2, True),
        (answer_key.NEVER, True, 0, False),
        (answer_key.AFTER_PASSING, False, 0, False),
        (answer_key.AFTER_PASSING, True, 2, True),
        (answer_key.AFTER_LAST_ATTEMPT, False, 1, False),
        (answer_key.AFTER_LAST_ATTEMPT, False, 0, True),
        (answer_key.AFTER_LAST_ATTEMPT, True, None, False),  # unlimited: no last attempt
    ],
)
def test_when_the_answer_key_is_shown(policy, passed, left, shown):
    assert answer_key.key_shown(policy, passed=passed, attempts_left=left) is shown


def test_a_test_that_guards_its_key_cannot_be_taken_again_once_the_key_was_shown():
    assert answer_key.may_start_after_key(answer_key.ALWAYS, key_was_shown=True)
    assert not answer_key.may_start_after_key(answer_key.AFTER_PASSING, key_was_shown=True)
    assert answer_key.may_start_after_key(answer_key.AFTER_PASSING, key_was_shown=False)


@pytest.mark.parametrize(
    "kind, policy",
    [("pre_test", "never"), ("final", "after_passing"), ("post_test", "always"), ("practice", "always")],
)
def test_each_kind_of_test_gets_its_usual_policy(db, kind, policy):
    assert build_quiz(kind=kind).answer_key == policy


@pytest.mark.parametrize("kind", ["final", "post_test", "practice"])
def test_an_admin_can_change_the_policy_of_any_test_but_a_pre_test(db, kind):
    quiz = build_quiz(kind=kind)
    quiz.answer_key = Quiz.AnswerKey.AFTER_LAST_ATTEMPT
    quiz.full_clean()
    quiz.save()
    assert Quiz.objects.get(pk=quiz.pk).answer_key_policy == "after_last_attempt"


def test_a_multiple_choice_answer_with_some_credit_is_partly_right():
    key = QuestionKey(id=1, kind=MULTIPLE, points=2, correct=frozenset({1, 2}), choices=frozenset({1, 2, 3}))
    assert question_outcome(key, Fraction(2)) == RIGHT
    assert question_outcome(key, Fraction(1)) == PARTLY
    assert question_outcome(key, Fraction(0)) == WRONG


def test_the_final_test_opens_when_every_module_is_complete():
    assert not final_test_open(course_completed=False, module_keys={"a", "b"}, completed_module_keys={"a"})
    assert final_test_open(course_completed=False, module_keys={"a", "b"}, completed_module_keys={"a", "b"})
    assert final_test_open(course_completed=True, module_keys={"a", "b", "new"}, completed_module_keys={"a"})


# Helpers


def chosen(key, right):
    """The right choices, or wrong ones (one, where the question takes one answer)."""
    ids = key.correct if right else key.choices - key.correct
    return ids if key.kind == MULTIPLE else frozenset(sorted(ids)[:1])


def submit(user, quiz, right):
    """Finish an attempt with every question answered right or wrong."""
    answers = {key.id: chosen(key, right) for key in quiz.question_keys()}
    return attempt_submit(attempt=attempt_start(user=user, quiz=quiz, language="uk"), answers=answers).attempt


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def page(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def final(final_course):
    return final_course[2]


# The final test: no key after a failed attempt, anywhere


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_trainee_who_fails_the_final_test_sees_no_answer_key_anywhere(final_course, trainee, lang):
    _page, modules, final = final_course
    final.max_attempts = 3
    final.save()
    finish_modules(trainee, modules)
    failed = submit(trainee, final, right=False)
    client = signed_in(trainee)

    result = page(client, f"/{lang}/tests/attempts/{failed.token}/result/")
    question = failed.answers.first().question_id
    feedback = client.get(f"/{lang}/tests/attempts/{failed.token}/feedback/{question}/")
    with translation.override(lang):
        export = str(personal_data(trainee))

    assert "review__" not in result and "Відповідь 2" not in result and "Ответ 2" not in result
    assert {"uk": "з'являться, коли ви складете цей тест", "ru": "появятся, когда вы сдадите этот тест"}[
        lang
    ] in result
    assert {"uk": "Спробувати ще раз", "ru": "Попробовать ещё раз"}[lang] in result
    assert feedback.status_code == 404
    assert "Right answer" not in export and "Правильн" not in export


def test_after_passing_the_final_test_shows_its_key_and_cannot_be_taken_again(final_course, trainee):
    _page, modules, final = final_course
    finish_modules(trainee, modules)
    passed = submit(trainee, final, right=True)
    client = signed_in(trainee)

    result = page(client, f"/uk/tests/attempts/{passed.token}/result/")
    started = client.post(f"/uk/tests/{final.pk}/start/", follow=True).content.decode()

    assert "review__right" in result and "правильна відповідь" in result
    assert "Ви вже бачили правильні відповіді цього тесту" in started
    assert Attempt.objects.filter(user=trainee).count() == 1
    with pytest.raises(AnswersAlreadySeen):
        attempt_start(user=trainee, quiz=final, language="uk")


def test_after_the_last_attempt_the_key_is_shown_when_the_test_says_so(final_course, trainee):
    _page, modules, final = final_course
    final.max_attempts, final.answer_key = 1, Quiz.AnswerKey.AFTER_LAST_ATTEMPT
    final.save()
    finish_modules(trainee, modules)
    failed = submit(trainee, final, right=False)

    result = page(signed_in(trainee), f"/uk/tests/attempts/{failed.token}/result/")

    assert "review__right" in result


# The pre-test: a starting point, no pass or fail, no key


@pytest.mark.parametrize(
    "lang, starting, passed",
    [("uk", "Ваша відправна точка", "Тест складено!"), ("ru", "Ваша отправная точка", "Тест сдан!")],
)
def test_the_pre_test_gives_a_starting_point_without_pass_or_fail_or_answers(trainee, lang, starting, passed):
    pre = build_quiz(kind="pre_test", pass_mark=0)
    attempt = submit(trainee, pre, right=False)
    client = signed_in(trainee)

    result = page(client, f"/{lang}/tests/attempts/{attempt.token}/result/")
    detail = page(client, f"/{lang}/tests/{pre.pk}/")

    assert starting in result and "0%" in result
    assert passed not in result and "review__" not in result
    assert starting in detail and "%" in detail
    assert {"uk": "прохідний бал", "ru": "проходной балл"}[lang] not in detail


def test_a_pre_test_shows_no_answers_whatever_policy_is_stored(trainee):
    pre = build_quiz(kind="pre_test", pass_mark=0)
    # Stored before the rule, or written around the admin's check: ignored all the same.
    Quiz.objects.filter(pk=pre.pk).update(answer_key=Quiz.AnswerKey.ALWAYS)
    pre.refresh_from_db()
    attempt = submit(trainee, pre, right=False)
    client = signed_in(trainee)

    result = page(client, f"/uk/tests/attempts/{attempt.token}/result/")
    feedback = client.get(
        f"/uk/tests/attempts/{attempt.token}/feedback/{attempt.answers.first().question_id}/"
    )

    assert "review__" not in result and "правильна відповідь" not in result
    assert feedback.status_code == 404


def test_the_tests_admin_refuses_any_other_policy_for_a_pre_test(client, trainer):
    pre = build_quiz(kind="pre_test", pass_mark=0)
    client.force_login(trainer)
    url = f"/admin/snippets/quizzes/quiz/edit/{pre.pk}/"
    form = querydict_from_html(page(client, url), form_id="w-editor-form")
    form["answer_key"] = Quiz.AnswerKey.AFTER_PASSING

    response = client.post(url, form)

    assert response.status_code == 200
    assert "Вхідний тест ніколи не показує правильних відповідей" in response.content.decode()
    assert Quiz.objects.get(pk=pre.pk).answer_key == "never"
    form["answer_key"] = Quiz.AnswerKey.NEVER
    assert client.post(url, form).status_code == 302


# The final test is locked until the modules are done


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_locked_final_test_says_why_links_what_is_left_and_spends_no_attempt(final_course, trainee, lang):
    course_page, modules, final = final_course
    finish_modules(trainee, modules[:1])
    client = signed_in(trainee)

    detail = page(client, f"/{lang}/tests/{final.pk}/")
    started = client.post(f"/{lang}/tests/{final.pk}/start/", follow=True).content.decode()

    left = [m.get_translation(Locale.objects.get(language_code=lang)) for m in modules[1:]]
    assert {"uk": "Фінальний тест відкриється", "ru": "Финальный тест откроется"}[lang] in detail
    for module in left:
        assert f'href="{module.url}"' in detail
    assert f'href="{modules[0].url}"' not in detail
    assert 'action="/' + lang + f'/tests/{final.pk}/start/"' not in detail
    assert {"uk": "Спершу завершіть усі модулі курсу.", "ru": "Сначала завершите все модули курса."}[
        lang
    ] in started
    assert not Attempt.objects.filter(user=trainee).exists()


def test_the_final_test_opens_once_the_modules_are_done(final_course, trainee):
    _page, modules, final = final_course
    finish_modules(trainee, modules)
    client = signed_in(trainee)

    response = client.post(f"/uk/tests/{final.pk}/start/")

    assert response.status_code == 302 and "/tests/attempts/" in response["Location"]
    assert Attempt.objects.filter(user=trainee, quiz=final).count() == 1


# Extra attempts


def test_a_grant_gives_one_more_attempt_and_is_in_the_trainees_history(final, trainee, trainer):
    final.max_attempts = 1
    final.save()
    Attempt.objects.create(
        user=trainee, quiz=final, language="uk", finished_at="2026-11-30T10:00Z", passed=False
    )
    assert attempts_left(user=trainee, quiz=final) == 0

    attempts_grant(trainee=trainee, quiz=final, by=trainer)

    assert attempts_left(user=trainee, quiz=final) == 1
    entry = ModelLogEntry.objects.get(action="quizzes.grant_attempts")
    assert entry.object_id == str(trainee.pk) and entry.user_id == trainer.pk and entry.data["extra"] == 1


@pytest.mark.parametrize("role", ["trainer", "coordinator"])
def test_staff_grant_an_extra_attempt_to_their_own_organisations_trainee(request, final, trainee, role):
    staff = request.getfixturevalue(role)
    final.max_attempts = 1
    final.save()
    Attempt.objects.create(
        user=trainee, quiz=final, language="uk", finished_at="2026-11-30T10:00Z", passed=False
    )
    client = signed_in(staff)

    listing = page(client, f"/admin/tests/{final.pk}/attempts/")
    response = client.post(f"/admin/tests/{final.pk}/attempts/", {"trainee": trainee.pk})

    assert "sonia" in listing
    assert response.status_code == 302
    assert AttemptGrant.objects.get().user == trainee and attempts_left(user=trainee, quiz=final) == 1


def test_no_grant_for_another_organisations_trainee_nor_by_a_trainee(final, trainer, trainee):
    final.max_attempts = 1
    final.save()
    other = TraineeFactory(training_group=TrainingGroupFactory(organisation=OrganisationFactory()))
    for person in (other, trainee):
        Attempt.objects.create(user=person, quiz=final, language="uk", finished_at="2026-11-30T10:00Z")
    client = signed_in(trainer)

    listing = page(client, f"/admin/tests/{final.pk}/attempts/")
    client.post(f"/admin/tests/{final.pk}/attempts/", {"trainee": other.pk})
    client.post(f"/admin/tests/{final.pk}/attempts/", {"trainee": "1 OR 1=1"})
    signed_in(trainee).post(f"/admin/tests/{final.pk}/attempts/", {"trainee": trainee.pk})

    assert other.nickname not in listing and trainee.nickname in listing
    assert not AttemptGrant.objects.exists()
    assert not ModelLogEntry.objects.filter(action="quizzes.grant_attempts").exists()


def test_a_user_without_the_permission_cannot_open_the_attempts_screen(final, db):
    editor = UserFactory(is_staff=True, organisation=OrganisationFactory())
    response = signed_in(editor).get(f"/admin/tests/{final.pk}/attempts/")
    assert response.status_code in (302, 403)
    assert not User.objects.filter(attempt_grants__isnull=False).exists()


# Partial credit, and the knowledge gain


@pytest.mark.parametrize(
    "lang, partly", [("uk", "частково правильно: 1 з 2 балів"), ("ru", "частично верно: 1 из 2 баллов")]
)
def test_a_half_right_multiple_choice_answer_is_partly_right_with_its_points(trainee, lang, partly):
    quiz = build_quiz()
    multiple = next(k for k in quiz.question_keys() if k.kind == MULTIPLE)
    answers = {k.id: frozenset(sorted(k.correct)[:1]) for k in quiz.question_keys()}
    attempt = attempt_submit(
        attempt=attempt_start(user=trainee, quiz=quiz, language=lang), answers=answers
    ).attempt
    assert attempt.answers.get(question_id=multiple.id).choice_ids == sorted(multiple.correct)[:1]

    result = page(signed_in(trainee), f"/{lang}/tests/attempts/{attempt.token}/result/")

    assert partly in result


@pytest.mark.parametrize(
    "lang, before, gained",
    [
        ("uk", "До курсу ви відповіли правильно на 25%", "75"),
        ("ru", "До курса вы правильно ответили на 25%", "75"),
    ],
)
def test_the_trainee_sees_their_knowledge_gain_on_the_course_page_once_finished(
    final_course, trainee, lang, before, gained
):
    course_page, modules, final = final_course
    pre = build_quiz(kind="pre_test", pass_mark=0)
    for version in course_page.get_translations(inclusive=True):
        version.pre_test = pre
        version.save_revision().publish()
    keys = pre.question_keys()  # 1 + 2 + 1 points: the first question right is 25%
    answers = {key.id: chosen(key, right=n == 0) for n, key in enumerate(keys)}
    attempt_submit(attempt=attempt_start(user=trainee, quiz=pre, language="uk"), answers=answers)
    client = signed_in(trainee)
    url = course_page.get_translation(Locale.objects.get(language_code=lang)).url

    assert before not in page(client, url)  # not before they finish
    finish_modules(trainee, modules)
    submit(trainee, final, right=True)
    html = page(client, url)

    assert before in html and "100%" in html and gained in html


def test_the_answer_key_policy_is_in_the_tests_admin_form_with_translated_choices(final, trainer):
    html = page(signed_in(trainer), f"/admin/snippets/quizzes/quiz/edit/{final.pk}/")

    assert 'name="answer_key"' in html
    assert "Лише після того, як тест складено" in html and "Лише після останньої спроби" in html
