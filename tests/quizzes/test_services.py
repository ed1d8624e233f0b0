from decimal import Decimal

import pytest

from quizzes.models import Answer, Attempt
from quizzes.services import AttemptsExhausted, answer_record, attempt_start, attempt_submit, attempts_left
from tests.builders import build_quiz


def correct_answers(quiz):
    return {key.id: key.correct for key in quiz.question_keys()}


def test_a_correct_attempt_scores_full_marks_and_passes(trainee):
    quiz = build_quiz()
    attempt = attempt_start(user=trainee, quiz=quiz, language="uk")

    attempt = attempt_submit(attempt=attempt, answers=correct_answers(quiz)).attempt

    assert (attempt.score, attempt.max_score, attempt.percent, attempt.passed) == (
        Decimal("4.000"),
        4,
        100,
        True,
    )
    assert attempt.finished_at is not None and attempt.duration is not None
    assert attempt.language == "uk"
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_partial_credit_is_scored_and_kept(trainee):
    quiz = build_quiz(pass_mark=70)
    keys = quiz.question_keys()
    single, multiple, true_false = keys
    answers = {
        single.id: single.correct,
        multiple.id: frozenset([min(multiple.correct)]),
        true_false.id: frozenset(),
    }

    started = attempt_start(user=trainee, quiz=quiz, language="ru")
    attempt = attempt_submit(attempt=started, answers=answers).attempt

    assert (attempt.score, attempt.percent, attempt.passed) == (Decimal("2.000"), 50, False)


def test_an_interrupted_attempt_resumes_with_its_answers(trainee):
    quiz = build_quiz()
    first = attempt_start(user=trainee, quiz=quiz, language="uk")
    single = quiz.question_keys()[0]
    answer_record(attempt=first, answers={single.id: single.correct})

    again = attempt_start(user=trainee, quiz=quiz, language="ru")  # the connection dropped; they come back

    assert again.pk == first.pk
    assert Attempt.objects.count() == 1
    assert again.answers.get().choice_ids == sorted(single.correct)


def test_resubmitting_gives_the_same_result_and_no_new_attempt(trainee):
    quiz = build_quiz()
    attempt = attempt_start(user=trainee, quiz=quiz, language="uk")
    first = attempt_submit(attempt=attempt, answers=correct_answers(quiz)).attempt

    wrong = {key.id: frozenset() for key in quiz.question_keys()}
    again = attempt_submit(attempt=attempt, answers=wrong).attempt

    assert (again.pk, again.score, again.finished_at) == (first.pk, first.score, first.finished_at)
    assert Attempt.objects.count() == 1


def test_attempts_stop_at_the_maximum(trainee):
    quiz = build_quiz(max_attempts=2)
    for _ in range(2):
        attempt_submit(attempt=attempt_start(user=trainee, quiz=quiz, language="uk"), answers={})

    assert attempts_left(user=trainee, quiz=quiz) == 0
    with pytest.raises(AttemptsExhausted):
        attempt_start(user=trainee, quiz=quiz, language="uk")
    assert Attempt.objects.count() == 2


def test_every_attempt_is_kept(trainee):
    quiz = build_quiz()
    for _ in range(3):
        attempt_submit(attempt=attempt_start(user=trainee, quiz=quiz, language="uk"), answers={})

    assert Attempt.objects.filter(user=trainee, quiz=quiz, finished_at__isnull=False).count() == 3
    assert attempts_left(user=trainee, quiz=quiz) is None  # unlimited


def test_question_keys_are_the_same_in_every_language(trainee):
    from django.utils import translation

    quiz = build_quiz()
    with translation.override("uk"):
        uk = quiz.question_keys()
    with translation.override("ru"):
        ru = quiz.question_keys()

    assert uk == ru
