import pytest

from quizzes.models import Attempt, Question
from quizzes.services import attempt_start, attempt_submit
from tests.builders import build_quiz


def question_post(kind="single", choices=None, **texts):
    choices = choices or [("Так", "Да", True), ("Ні", "Нет", False)]
    data = {
        "kind": kind,
        "points": "1",
        "text_uk": texts.get("text_uk", "Чи передається ВІЛ через поцілунок?"),
        "text_ru": texts.get("text_ru", "Передаётся ли ВИЧ через поцелуй?"),
        "explanation_uk": "Ні.",
        "explanation_ru": "Нет.",
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": "0",
    }
    for n, (uk, ru, correct) in enumerate(choices):
        data[f"choices-{n}-text_uk"], data[f"choices-{n}-text_ru"] = uk, ru
        if correct:
            data[f"choices-{n}-is_correct"] = "on"
    return data


@pytest.fixture
def quiz(db):
    return build_quiz()


def test_trainer_writes_a_question_in_both_languages_on_one_screen(client, trainer, quiz):
    client.force_login(trainer)
    page = client.get(f"/admin/tests/{quiz.pk}/questions/new/").content.decode()
    assert 'name="text_uk"' in page and 'name="text_ru"' in page

    response = client.post(f"/admin/tests/{quiz.pk}/questions/new/", question_post())

    assert response.status_code == 302
    question = quiz.questions.order_by("-pk").first()
    assert question.get_translation("uk").text == "Чи передається ВІЛ через поцілунок?"
    assert question.get_translation("ru").text == "Передаётся ли ВИЧ через поцелуй?"
    assert [
        (c.safe_translation_getter("text", language_code="ru"), c.is_correct) for c in question.choices.all()
    ] == [
        ("Да", True),
        ("Нет", False),
    ]


@pytest.mark.parametrize(
    ("kind", "choices", "message"),
    [
        ("single", [("А", "А", True), ("Б", "Б", True)], "Позначте правильною рівно одну відповідь."),
        ("single", [("А", "А", True)], "Питанню потрібні щонайменше дві відповіді."),
        ("multiple", [("А", "А", False), ("Б", "Б", False)], "Позначте правильною хоча б одну відповідь."),
        ("true_false", [("А", "А", True), ("Б", "Б", False), ("В", "В", False)], "рівно дві відповіді"),
    ],
)
def test_answer_keys_that_make_no_sense_are_refused(client, trainer, quiz, kind, choices, message):
    client.force_login(trainer)
    before = Question.objects.count()

    response = client.post(
        f"/admin/tests/{quiz.pk}/questions/new/", question_post(kind=kind, choices=choices)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Question.objects.count() == before


def test_questions_reorder_and_languages_show_as_complete_or_not(client, trainer, quiz):
    client.force_login(trainer)
    first, second = quiz.questions.all()[:2]

    client.post(f"/admin/tests/{quiz.pk}/questions/{second.pk}/move/up/")

    assert list(quiz.questions.values_list("pk", flat=True))[:2] == [second.pk, first.pk]
    first.delete_translation("ru")
    html = client.get(f"/admin/tests/{quiz.pk}/questions/").content.decode()
    assert "RU: бракує 1 тексту" in html
    assert "UK: усе перекладено" in html


def test_the_tests_feedback_setting_is_a_comment_on_the_answer_not_a_review(client, trainer, quiz):
    client.force_login(trainer)

    html = client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/").content.decode()

    assert "Коментарі до відповідей" in html and "Відгук" not in html


def test_preview_shows_the_test_as_trainees_see_it_without_the_key(client, trainer, quiz):
    client.force_login(trainer)

    html = client.get(f"/admin/tests/{quiz.pk}/preview/ru/").content.decode()

    assert "Вопрос 1" in html and "Ответ 1" in html
    assert "correct" not in html.split("<main", 1)[1] and "review__" not in html


def test_an_answered_question_cannot_be_deleted(client, trainer, trainee, quiz):
    attempt_submit(
        attempt=attempt_start(user=trainee, quiz=quiz, language="uk"),
        answers={k.id: k.correct for k in quiz.question_keys()},
    )
    question = quiz.questions.first()
    client.force_login(trainer)

    client.post(f"/admin/tests/{quiz.pk}/questions/{question.pk}/delete/")

    assert Question.objects.filter(pk=question.pk).exists()
    assert Attempt.objects.get().percent == 100


def test_trainees_cannot_reach_the_question_editor(client, trainee, quiz):
    client.force_login(trainee)

    assert client.get(f"/admin/tests/{quiz.pk}/questions/").status_code == 302


def test_trainer_creates_a_test_with_titles_in_both_languages(client, trainer):
    client.force_login(trainer)
    assert client.get("/admin/snippets/quizzes/quiz/add/").status_code == 200

    response = client.post(
        "/admin/snippets/quizzes/quiz/add/",
        {
            "kind": "practice",
            "pass_mark": "70",
            "max_attempts": "0",
            "feedback": "after_each",
            "layout": "one_per_screen",
            "translations_uk_title": "Тест про ДКП",
            "translations_ru_title": "Тест о ДКП",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    from quizzes.models import Quiz

    quiz = Quiz.objects.get()
    assert quiz.safe_translation_getter("title", language_code="ru") == "Тест о ДКП"


def test_a_language_added_to_the_settings_gets_its_column_and_preview(client, trainer, quiz, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("en", "English")]
    client.force_login(trainer)
    page = client.get(f"/admin/tests/{quiz.pk}/questions/new/").content.decode()
    assert 'name="text_en"' in page and "Питання (Англійська)" in page and "Відповідь (Англійська)" in page

    english = {
        "text_en": "Is HIV passed on by kissing?",
        "choices-0-text_en": "Yes",
        "choices-1-text_en": "No",
    }
    response = client.post(f"/admin/tests/{quiz.pk}/questions/new/", {**question_post(), **english})

    assert response.status_code == 302
    question = quiz.questions.order_by("-pk").first()
    assert question.get_translation("en").text == "Is HIV passed on by kissing?"
    assert question.get_translation("uk").text == "Чи передається ВІЛ через поцілунок?"
    listing = client.get(f"/admin/tests/{quiz.pk}/questions/").content.decode()
    assert f"/admin/tests/{quiz.pk}/preview/en/" in listing and "Переглянути: Англійська" in listing
    assert client.get(f"/admin/tests/{quiz.pk}/preview/en/").status_code == 200
    assert client.get(f"/admin/tests/{quiz.pk}/preview/de/").status_code in (302, 403)  # not configured


def test_a_post_to_a_tests_copy_screen_leaves_the_copied_test_alone(client, trainer, quiz):
    """The copy screen's form posts to the add view; Wagtail's copy view would save a POST
    over the copied test itself."""
    client.force_login(trainer)
    title = quiz.safe_translation_getter("title", language_code="uk")
    copy_url = f"/admin/snippets/quizzes/quiz/copy/{quiz.pk}/"

    shown = client.get(copy_url)
    posted = client.post(
        copy_url,
        {
            "kind": "practice",
            "pass_mark": "10",
            "max_attempts": "0",
            "feedback": "after_each",
            "layout": "one_per_screen",
            "translations_uk_title": "Підмінений тест",
            "translations_ru_title": "Подменённый тест",
        },
    )

    assert shown.status_code == 200
    assert 'action="/admin/snippets/quizzes/quiz/add/' in shown.content.decode()
    assert posted.status_code == 405
    quiz.refresh_from_db()
    assert quiz.safe_translation_getter("title", language_code="uk") == title
    assert quiz.pass_mark != 10
