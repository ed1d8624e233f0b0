"""Writes for quizzes: starting, answering and submitting attempts. Scoring happens here,
on the server, with quizzes.scoring; nothing the browser says about correctness counts."""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from common.learning_events import NOTHING_NEW, Outcome, report_fact

from .answers import InvalidAnswers
from .models import Answer, Attempt, AttemptGrant, Quiz
from .scoring import score_attempt
from .selectors import allowed_attempts, quiz_standing
from .signals import attempt_finished

MAX_EXTRA_ATTEMPTS = 5  # per grant: a few more tries, not an unlimited test


class AttemptsExhausted(Exception):
    message = _("You have used all the attempts for this test.")


class AnswersAlreadySeen(AttemptsExhausted):
    message = _("You have seen the correct answers of this test, so it cannot be taken again.")


class GrantRefused(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def attempts_left(*, user, quiz: Quiz) -> int | None:
    """None when the quiz allows unlimited attempts. Extra attempts granted count."""
    allowed = allowed_attempts(user=user, quiz=quiz)
    if allowed is None:
        return None
    used = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=False).count()
    return max(0, allowed - used)


@transaction.atomic
def attempt_start(*, user, quiz: Quiz, language: str, module_key=None) -> Attempt:
    """The trainee's unfinished attempt if there is one (a dropped connection resumes it),
    else a new one, if attempts are left."""
    open_attempt = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt
    standing = quiz_standing(user=user, quiz=quiz)
    if standing["key_seen"]:
        raise AnswersAlreadySeen
    if standing["left"] == 0:
        raise AttemptsExhausted
    try:
        with transaction.atomic():
            return Attempt.objects.create(user=user, quiz=quiz, language=language, module_key=module_key)
    except IntegrityError:  # started at the same moment in another request
        return Attempt.objects.get(user=user, quiz=quiz, finished_at__isnull=True)


def answer_record(*, attempt: Attempt, answers: Mapping[int, Iterable[int]]) -> None:
    """Save answers as they are given, so an interrupted attempt keeps them. `answers`
    must already be parsed against this quiz (quizzes.answers.parse_answers). One statement,
    so it needs no transaction of its own."""
    if attempt.finished_at is not None:
        raise InvalidAnswers(_("This attempt is already finished."))
    # One statement for any number of answers: a later answer to a question replaces it.
    Answer.objects.bulk_create(
        [
            Answer(attempt=attempt, question_id=question_id, choice_ids=sorted(choice_ids))
            for question_id, choice_ids in answers.items()
        ],
        update_conflicts=True,
        unique_fields=["attempt", "question"],
        update_fields=["choice_ids", "answered_at"],
    )


class Submitted(NamedTuple):
    attempt: Attempt
    outcome: Outcome  # what the finished attempt led to (module, course, certificate)


@transaction.atomic
def attempt_submit(*, attempt: Attempt, answers: Mapping[int, Iterable[int]] | None = None) -> Submitted:
    """Record the last answers, score the attempt and close it, then report the finished
    attempt (the learning pipeline answers what it completed). Submitting a finished
    attempt again changes nothing and returns the same result with nothing new."""
    if attempt.finished_at is not None:
        return Submitted(attempt, NOTHING_NEW)
    keys = attempt.quiz.question_keys()
    given = {question_id: frozenset(choice_ids) for question_id, choice_ids in (answers or {}).items()}
    if not set(given) >= {key.id for key in keys}:  # the rest were answered before, one per screen
        stored = attempt.answers.exclude(question_id__in=given).values_list("question_id", "choice_ids")
        given |= {question_id: frozenset(choice_ids) for question_id, choice_ids in stored}
    result = score_attempt(keys, given, attempt.quiz.pass_mark)
    score = (Decimal(result.score.numerator) / Decimal(result.score.denominator)).quantize(Decimal("0.001"))
    closed = {
        "score": score,
        "max_score": result.max_score,
        "percent": result.percent,
        "passed": result.passed,
        "finished_at": timezone.now(),
    }
    # Close it only if still open, in one statement: of two submits at the same moment,
    # the second waits for the first's row lock, then finds it closed and records nothing.
    if not Attempt.objects.filter(pk=attempt.pk, finished_at__isnull=True).update(**closed):
        return Submitted(Attempt.objects.select_related("quiz").get(pk=attempt.pk), NOTHING_NEW)
    if answers:
        answer_record(attempt=attempt, answers=answers)
    for field, value in closed.items():
        setattr(attempt, field, value)
    return Submitted(attempt, report_fact(attempt_finished, sender=Attempt, attempt=attempt))


@transaction.atomic
def attempts_grant(*, trainee, quiz: Quiz, extra: int = 1, by) -> AttemptGrant:
    """Give a trainee `extra` more attempts at a test with a maximum. Who may do it, for
    which trainees, the admin view decides (accounts/access.py); the grant is kept in the
    admin's history of the trainee's account, which names only the test."""
    if quiz.max_attempts == 0:
        raise GrantRefused(_("This test has no limit on attempts."))
    if not 1 <= extra <= MAX_EXTRA_ATTEMPTS:
        raise GrantRefused(
            _("Give between 1 and %(most)s extra attempts at a time.") % {"most": MAX_EXTRA_ATTEMPTS}
        )
    grant = AttemptGrant.objects.create(user=trainee, quiz=quiz, extra=extra, granted_by=by)
    log(
        instance=trainee,
        action="quizzes.grant_attempts",
        user=by,
        data={"quiz": quiz.pk, "title": str(quiz), "extra": extra},
    )
    return grant
