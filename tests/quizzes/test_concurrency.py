"""200 trainees submitting at the same moment lose nothing and duplicate nothing.

Runs on PostgreSQL (CI's second run); SQLite serialises writes anyway, so it is skipped there."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from quizzes.models import Answer, Attempt
from quizzes.services import attempt_start, attempt_submit
from tests.builders import build_quiz
from tests.factories import TraineeFactory

TRAINEES = 200


@pytest.mark.slow  # 200 trainees, real transactions
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_hundred_trainees_submitting_at_once(group):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (run with DATABASE_URL=postgres://...)")
    quiz = build_quiz()
    answers = {key.id: key.correct for key in quiz.question_keys()}
    trainees = [TraineeFactory(training_group=group) for _ in range(TRAINEES)]

    def all_at_once(task, items):
        """Run task(item) for every item in 40 threads, released together."""
        go = threading.Event()

        def run(item):
            try:
                go.wait()
                return task(item)
            finally:
                connection.close()

        with ThreadPoolExecutor(max_workers=40) as pool:
            futures = [pool.submit(run, item) for item in items]
            go.set()
            return [future.result() for future in futures]

    # Everyone taps "Start the test" twice at once: one attempt each.
    twice = [trainee for trainee in trainees for _ in range(2)]  # side by side, so they race
    started = all_at_once(lambda t: attempt_start(user=t, quiz=quiz, language="uk"), twice)
    assert len({attempt.pk for attempt in started}) == TRAINEES

    # Everyone taps "Finish" twice at once on the same attempt: scored once, the same result.
    finished = all_at_once(lambda a: attempt_submit(attempt=a, answers=answers).attempt, started)

    attempts = Attempt.objects.filter(quiz=quiz)
    assert attempts.count() == TRAINEES
    assert attempts.filter(finished_at__isnull=False, passed=True, percent=100).count() == TRAINEES
    assert {(a.pk, a.finished_at) for a in finished} == set(attempts.values_list("pk", "finished_at"))
    assert Answer.objects.filter(attempt__quiz=quiz).count() == TRAINEES * len(answers)
