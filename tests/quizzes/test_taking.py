import re

import pytest
from wagtail.models import Locale

from courses.models import ModulePage, ModuleProgress
from quizzes.models import Answer, Attempt, Quiz
from tests.builders import build_quiz
from tests.factories import TraineeFactory


@pytest.fixture
def quiz(db):
    return build_quiz(pass_mark=75)


@pytest.fixture
def quiz_module(course, quiz):
    """The course's first module, with the quiz as a required block, in both languages."""
    ru = Locale.objects.get(language_code="ru")
    module = course[1][0]
    for page in (module, module.get_translation(ru)):
        page.body.append(("quiz", {"quiz": quiz, "required": True}))
        page.save_revision().publish()
    return ModulePage.objects.get(pk=module.pk)


def start(client, quiz, module=None, lang="uk"):
    response = client.post(f"/{lang}/tests/{quiz.pk}/start/", {"module": module.pk if module else ""})
    assert response.status_code == 302
    return response["Location"]


def answer_all(client, take_url, quiz, right=True):
    """Answer question by question, as the one-per-screen layout asks."""
    keys = {key.id: key for key in quiz.question_keys()}
    response = None
    for _ in keys:
        html = client.get(take_url).content.decode()
        question_id = int(re.search(r'name="q(\d+)"', html).group(1))
        key = keys[question_id]
        chosen = key.correct if right else (key.choices - key.correct)
        response = client.post(
            take_url, {f"q{question_id}": sorted(chosen)[:1] if key.kind != "multiple" else sorted(chosen)}
        )
    return response


def test_the_test_form_does_not_tell_which_answer_is_right(client, trainee, quiz):
    client.force_login(trainee)
    take_url = start(client, quiz)

    html = client.get(take_url).content.decode()

    form = html.split('<form method="post" class="form">', 1)[1].split("</form>", 1)[0]
    choices = re.findall(r"<label class=\"choice\">(.*?)</label>", form, re.S)
    assert len(choices) >= 2
    shapes = {re.sub(r'value="\d+"|Відповідь \d+', "", choice) for choice in choices}
    assert len(shapes) == 1  # every choice is written the same way, right or wrong
    assert "correct" not in form and "review__" not in form


def test_passing_the_required_test_completes_the_module_in_every_language(client, trainee, quiz, quiz_module):
    client.force_login(trainee)
    ru_module = quiz_module.get_translation(Locale.objects.get(language_code="ru"))
    assert (
        "Готово, модуль пройдено" not in client.get(quiz_module.url).content.decode()
    )  # no button: the test decides

    take_url = start(client, quiz, module=ru_module, lang="ru")
    response = answer_all(client, take_url, quiz)

    assert response["Location"].endswith("/result/")
    result = client.get(response["Location"]).content.decode()
    assert "Тест сдан!" in result
    progress = ModuleProgress.objects.get(module_key=quiz_module.translation_key)
    assert progress.completed_at is not None
    assert "Ви завершили цей модуль." in client.get(quiz_module.url).content.decode()


def test_fail_then_retry_then_pass(client, trainee, quiz, quiz_module):
    client.force_login(trainee)

    answer_all(client, start(client, quiz, module=quiz_module), quiz, right=False)
    assert not ModuleProgress.objects.filter(completed_at__isnull=False).exists()
    answer_all(client, start(client, quiz, module=quiz_module), quiz, right=True)

    attempts = Attempt.objects.filter(user=trainee).order_by("started_at")
    assert [a.passed for a in attempts] == [False, True]
    assert ModuleProgress.objects.get().completed_at is not None


def test_a_tampered_answer_gets_a_400_in_the_trainees_language_and_stores_nothing(client, trainee, quiz):
    client.force_login(trainee)
    take_url = start(client, quiz)
    other_quiz = build_quiz()
    foreign_choice = other_quiz.questions.first().choices.first().pk
    question_id = int(re.search(r'name="q(\d+)"', client.get(take_url).content.decode()).group(1))

    response = client.post(take_url, {f"q{question_id}": foreign_choice})

    assert response.status_code == 400
    assert "Одна з відповідей у формі належить до іншого питання." in response.content.decode()
    assert Answer.objects.count() == 0


def test_another_trainees_attempt_is_not_found(client, trainee, quiz, group):
    client.force_login(trainee)
    take_url = start(client, quiz)
    client.force_login(TraineeFactory(training_group=group))

    assert client.get(take_url).status_code == 404
    assert client.post(take_url, {}).status_code == 404
    assert client.get(take_url + "result/").status_code == 404


def test_resending_a_finished_attempt_changes_nothing(client, trainee, quiz):
    client.force_login(trainee)
    take_url = start(client, quiz)
    answer_all(client, take_url, quiz)
    finished = Attempt.objects.get()

    response = client.post(take_url, {"q1": "1"})

    assert response["Location"].endswith("/result/")
    assert Attempt.objects.get().finished_at == finished.finished_at
    assert Attempt.objects.count() == 1


def test_after_the_last_attempt_a_clear_message(client, trainee):
    quiz = build_quiz(max_attempts=1)
    client.force_login(trainee)
    answer_all(client, start(client, quiz), quiz, right=False)

    response = client.post(f"/uk/tests/{quiz.pk}/start/", follow=True)

    assert "Ви використали всі спроби для цього тесту." in response.content.decode()
    assert Attempt.objects.count() == 1


def test_all_on_one_page(client, trainee):
    quiz = build_quiz()
    quiz.layout = Quiz.Layout.ALL_ON_ONE_PAGE
    quiz.save()
    client.force_login(trainee)
    take_url = start(client, quiz)
    keys = quiz.question_keys()

    incomplete = client.post(take_url, {f"q{keys[0].id}": sorted(keys[0].correct)})
    assert incomplete.status_code == 400
    assert "Будь ласка, дайте відповідь на кожне питання." in incomplete.content.decode()

    response = client.post(take_url, {f"q{key.id}": sorted(key.correct) for key in keys})
    assert response["Location"].endswith("/result/")
    assert Attempt.objects.get().percent == 100


def test_feedback_after_each_question(client, trainee):
    quiz = build_quiz()
    quiz.feedback = Quiz.Feedback.AFTER_EACH
    quiz.save()
    client.force_login(trainee)
    take_url = start(client, quiz)
    question_id = int(re.search(r'name="q(\d+)"', client.get(take_url).content.decode()).group(1))
    key = next(k for k in quiz.question_keys() if k.id == question_id)

    response = client.post(take_url, {f"q{question_id}": sorted(key.choices - key.correct)[:1]}, follow=True)

    html = response.content.decode()
    assert "Не зовсім." in html
    assert "правильна відповідь" in html


def test_a_missing_translation_shows_the_other_language_with_a_label(client, trainee):
    quiz = build_quiz()
    question = quiz.questions.first()
    question.delete_translation("ru")
    client.force_login(trainee)
    take_url = start(client, quiz, lang="ru")

    html = client.get(take_url.replace("/uk/", "/ru/")).content.decode()

    assert "Питання 1" in html and "не переведено" in html


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_thousands_of_fields_or_a_huge_body_get_a_translated_400_and_store_nothing(
    client, trainee, quiz, lang
):
    client.force_login(trainee)
    take_url = start(client, quiz, lang=lang)

    many = client.post(take_url, {f"x{n}": "1" for n in range(3000)})
    huge = client.post(take_url, {"q1": "1" * 3_000_000})

    title = {"uk": "Не вдалося прочитати форму", "ru": "Не удалось прочитать форму"}[lang]
    for response in (many, huge):
        assert response.status_code == 400
        assert title in response.content.decode()
    assert Answer.objects.count() == 0


def test_a_stale_form_gets_a_translated_page_not_djangos(trainee, quiz):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)

    response = client.post(f"/ru/tests/{quiz.pk}/start/")

    assert response.status_code == 403
    assert "Эта страница устарела" in response.content.decode()
    assert Attempt.objects.count() == 0
