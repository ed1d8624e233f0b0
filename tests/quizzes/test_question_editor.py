"""The question editor as a trainer meets it (issue #18): a test's questions one click
from the test, a new question with room for four answers, true-or-false written already
in every language, answers removed and reordered in place, a preview as trainees see it.
A test kept for another organisation's course is out of reach of that organisation's
staff: its questions, preview and settings are not found."""

import re

import pytest
from django.test import Client

from accounts.models import TRAINERS_GROUP
from courses.models import ModulePage
from quizzes.models import Question, Quiz
from tests.builders import build_course, build_quiz
from tests.factories import UserFactory
from tests.quizzes.test_admin import question_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(db):
    return build_quiz()


def signed_in(user, language="uk"):
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


def text_value(html, name):
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    value = re.search(r'value="([^"]*)"', match.group(0)) if match else None
    return value.group(1) if value else ""


def test_the_tests_list_and_the_test_lead_to_its_questions(client, trainer, quiz):
    client.force_login(trainer)
    questions = f"/admin/tests/{quiz.pk}/questions/"

    listing = client.get("/admin/snippets/quizzes/quiz/").content.decode()
    assert f'href="{questions}">3 питання</a>' in listing
    found = client.get("/admin/snippets/quizzes/quiz/results/?q=Перевірте").content.decode()
    assert f'href="{questions}">3 питання</a>' in found

    edit = client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/").content.decode()
    assert questions in edit and "3 питання" in edit
    assert f"/admin/tests/{quiz.pk}/preview/uk/" in edit and f"/admin/tests/{quiz.pk}/preview/ru/" in edit


def test_a_new_test_opens_on_its_questions_and_a_saved_one_says_where_they_are(client, trainer):
    client.force_login(trainer)
    settings_form = {
        "kind": "practice",
        "pass_mark": "70",
        "max_attempts": "0",
        "feedback": "after_submit",
        "layout": "one_per_screen",
        "translations_uk_title": "Тест про ПрЕП",
        "translations_ru_title": "Тест о ПрЕП",
    }

    created = client.post("/admin/snippets/quizzes/quiz/add/", settings_form, follow=True)

    quiz = Quiz.objects.get()
    assert created.redirect_chain[-1][0] == f"/admin/tests/{quiz.pk}/questions/"
    page = created.content.decode()
    assert "Тест «Тест про ПрЕП» створено. Тепер додайте до нього питання." in page
    assert "Додати питання: кілька правильних відповідей" in page

    saved = client.post(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/", settings_form, follow=True)
    assert f'href="/admin/tests/{quiz.pk}/questions/"' in saved.content.decode()


def test_a_new_question_has_room_for_four_answers(client, trainer, quiz):
    client.force_login(trainer)

    page = client.get(f"/admin/tests/{quiz.pk}/questions/new/?kind=multiple").content.decode()

    assert 'name="choices-TOTAL_FORMS" value="4"' in page
    assert re.search(r'<option value="multiple"[^>]*selected', page)
    assert "Додати відповідь" in page  # the button the script shows


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_true_or_false_has_its_two_answers_written_in_each_language(trainer, quiz, language):
    page = signed_in(trainer, language).get(f"/admin/tests/{quiz.pk}/questions/new/?kind=true_false")
    html = page.content.decode()

    assert 'name="choices-TOTAL_FORMS" value="2"' in html
    for row, (uk, ru) in enumerate([("Правда", "Правда"), ("Неправда", "Неправда")]):
        assert text_value(html, f"choices-{row}-text_uk") == uk
        assert text_value(html, f"choices-{row}-text_ru") == ru


def test_answers_removed_and_reordered_in_place_are_saved_so(client, trainer, quiz):
    client.force_login(trainer)
    question = quiz.questions.get(kind="multiple")  # answers 1-4, the first two correct
    choices = list(question.choices.all())
    data = question_post(
        kind="multiple",
        choices=[
            ("Відповідь 4", "Ответ 4", True),
            ("Відповідь 1", "Ответ 1", True),
            ("Відповідь 2", "Ответ 2", False),
        ]
        + [("Нова", "Новый", False), ("Відповідь 3", "Ответ 3", False)],
        text_uk="Питання 2",
        text_ru="Вопрос 2",
    )
    # What the page's script sends: rows moved (order), one removed (DELETE), one added.
    for row, choice in enumerate([choices[3], choices[0], choices[1], None, choices[2]]):
        data[f"choices-{row}-id"] = choice.pk if choice else ""
    data["choices-INITIAL_FORMS"] = "4"
    data.update({f"choices-{row}-order": str(position) for row, position in enumerate([0, 1, 2, 3, 9])})
    data["choices-4-DELETE"] = "on"

    response = client.post(f"/admin/tests/{quiz.pk}/questions/{question.pk}/", data)

    assert response.status_code == 302
    saved = [
        (c.safe_translation_getter("text", language_code="uk"), c.is_correct) for c in question.choices.all()
    ]
    assert saved == [("Відповідь 4", True), ("Відповідь 1", True), ("Відповідь 2", False), ("Нова", False)]


def test_save_and_add_another_opens_a_new_question(client, trainer, quiz):
    client.force_login(trainer)

    response = client.post(f"/admin/tests/{quiz.pk}/questions/new/", {**question_post(), "then": "add"})

    assert response.url == f"/admin/tests/{quiz.pk}/questions/new/"
    assert quiz.questions.count() == 4


@pytest.mark.parametrize(("language", "notice"), [("uk", "Попередній перегляд"), ("ru", "Предпросмотр")])
def test_the_preview_shows_the_trainees_form_and_records_nothing(trainer, quiz, language, notice):
    client = signed_in(trainer)
    attempts = quiz.attempts.count()

    html = client.get(f"/admin/tests/{quiz.pk}/preview/{language}/").content.decode()

    assert notice in html
    assert ("Питання 1" if language == "uk" else "Вопрос 1") in html
    assert html.count('type="radio"') == 5 and html.count('type="checkbox"') == 4
    assert quiz.attempts.count() == attempts


@pytest.fixture
def kept_for_salus(home_pages, organisation, quiz):
    """`quiz` as the test of a module of a course limited to Salus (`organisation`)."""
    course, modules = build_course(home_pages, modules=1, slug="salus-only")
    for version in course.get_translations(inclusive=True):
        version.organisations.set([organisation])
        version.save_revision().publish()
    for version in ModulePage.objects.filter(translation_key=modules[0].translation_key):
        version.body.append(("quiz", {"quiz": quiz}))
        version.save_revision().publish()
    return quiz


def test_the_other_organisations_staff_cannot_reach_a_test_kept_for_salus(
    kept_for_salus, trainer, other_organisation
):
    quiz = kept_for_salus
    question = quiz.questions.first()
    theirs = UserFactory(nickname="their-trainer", organisation=other_organisation, role=TRAINERS_GROUP)
    addresses = [
        f"/admin/tests/{quiz.pk}/questions/",
        f"/admin/tests/{quiz.pk}/questions/new/?kind=true_false",
        f"/admin/tests/{quiz.pk}/questions/{question.pk}/",
        f"/admin/tests/{quiz.pk}/preview/uk/",
        f"/admin/tests/{quiz.pk}/preview/ru/",
        f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/",
        f"/admin/snippets/quizzes/quiz/delete/{quiz.pk}/",
    ]
    ours, other = signed_in(trainer), signed_in(theirs)

    assert [ours.get(url).status_code for url in addresses] == [200] * len(addresses)
    assert [other.get(url).status_code for url in addresses] == [404] * len(addresses)

    before = [(q.pk, q.safe_translation_getter("text", language_code="uk")) for q in quiz.questions.all()]
    posts = [
        (f"/admin/tests/{quiz.pk}/questions/new/", question_post()),
        (f"/admin/tests/{quiz.pk}/questions/{question.pk}/", question_post(text_uk="Змінено")),
        (f"/admin/tests/{quiz.pk}/questions/{question.pk}/move/down/", {}),
        (f"/admin/tests/{quiz.pk}/questions/{question.pk}/delete/", {}),
        (f"/admin/snippets/quizzes/quiz/delete/{quiz.pk}/", {}),
    ]
    assert [other.post(url, data).status_code for url, data in posts] == [404] * len(posts)
    after = [(q.pk, q.safe_translation_getter("text", language_code="uk")) for q in quiz.questions.all()]
    assert after == before and Quiz.objects.filter(pk=quiz.pk).exists()
    assert Question.objects.filter(quiz=quiz).count() == 3


def test_moving_a_question_of_another_test_is_not_found_and_changes_nothing(trainer, quiz):
    elsewhere = build_quiz().questions.first()
    order = list(quiz.questions.values_list("pk", flat=True))
    client = signed_in(trainer)

    responses = [
        client.post(f"/admin/tests/{quiz.pk}/questions/{pk}/move/{direction}/")
        for pk in (elsewhere.pk, 999999)
        for direction in ("up", "down")
    ]

    assert [r.status_code for r in responses] == [404] * 4
    assert list(quiz.questions.values_list("pk", flat=True)) == order
