"""What tests are scored with (each question's kind, points, order and correct choices) is
kept in the content cache. A trainer's change must reach the next trainee at once."""

import pytest

from quizzes.models import Quiz
from quizzes.services import attempt_start, attempt_submit
from tests.builders import build_quiz


@pytest.fixture
def quiz(db):
    return build_quiz()


def test_a_question_moved_in_the_admin_changes_the_order_trainees_get(client, trainer, quiz):
    first, second = quiz.questions.all()[:2]
    assert [k.id for k in Quiz.objects.get(pk=quiz.pk).question_keys()][:2] == [first.pk, second.pk]  # cached

    client.force_login(trainer)
    client.post(f"/admin/tests/{quiz.pk}/questions/{second.pk}/move/up/")

    assert [k.id for k in Quiz.objects.get(pk=quiz.pk).question_keys()][:2] == [second.pk, first.pk]


def test_a_corrected_answer_key_scores_the_next_attempt(trainee, quiz):
    question = quiz.questions.first()
    was_right, now_right = question.choices.filter(is_correct=True).get(), question.choices.first()
    Quiz.objects.get(pk=quiz.pk).question_keys()  # cached with the old key

    was_right.is_correct = False
    was_right.save()
    now_right.is_correct = True
    now_right.save()

    keys = Quiz.objects.get(pk=quiz.pk).question_keys()
    answers = {key.id: key.correct for key in keys}
    assert answers[question.pk] == {now_right.pk}
    started = attempt_start(user=trainee, quiz=Quiz.objects.get(pk=quiz.pk), language="uk")
    attempt = attempt_submit(attempt=started, answers=answers).attempt
    assert attempt.percent == 100
