"""Writes for quizzes: starting, answering and submitting attempts. Scoring happens here,
on the server, with quizzes.scoring; nothing the browser says about correctness counts."""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .answers import InvalidAnswers
from .models import Answer, Attempt, Quiz
from .scoring import score_attempt


class AttemptsExhausted(Exception):
    message = _("You have used all the attempts for this test.")


def attempts_left(*, user, quiz: Quiz) -> int | None:
    """None when the quiz allows unlimited attempts."""
    if quiz.max_attempts == 0:
        return None
    used = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=False).count()
    return max(0, quiz.max_attempts - used)


@transaction.atomic
def attempt_start(*, user, quiz: Quiz, language: str, module_key=None) -> Attempt:
    """The trainee's unfinished attempt if there is one (a dropped connection resumes it),
    else a new one, if attempts are left."""
    open_attempt = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt
    if attempts_left(user=user, quiz=quiz) == 0:
        raise AttemptsExhausted
    try:
        with transaction.atomic():
            return Attempt.objects.create(user=user, quiz=quiz, language=language, module_key=module_key)
    except IntegrityError:  # started at the same moment in another request
        return Attempt.objects.get(user=user, quiz=quiz, finished_at__isnull=True)


@transaction.atomic
def answer_record(*, attempt: Attempt, answers: Mapping[int, Iterable[int]]) -> None:
    """Save answers as they are given, so an interrupted attempt keeps them. `answers`
    must already be parsed against this quiz (quizzes.answers.parse_answers)."""
    if attempt.finished_at is not None:
        raise InvalidAnswers(_("This attempt is already finished."))
    for question_id, choice_ids in answers.items():
        Answer.objects.update_or_create(
            attempt=attempt, question_id=question_id, defaults={"choice_ids": sorted(choice_ids)}
        )


@transaction.atomic
def attempt_submit(*, attempt: Attempt, answers: Mapping[int, Iterable[int]] | None = None) -> Attempt:
    """Record the last answers, score the attempt and close it. Submitting a finished
    attempt again changes nothing and returns the same result. Passing a course's final
    test, with every module done, issues its certificate."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.finished_at is not None:
        return attempt
    if answers:
        answer_record(attempt=attempt, answers=answers)
    given = {
        question_id: frozenset(choice_ids)
        for question_id, choice_ids in attempt.answers.values_list("question_id", "choice_ids")
    }
    result = score_attempt(attempt.quiz.question_keys(), given, attempt.quiz.pass_mark)
    attempt.score = Decimal(result.score.numerator) / Decimal(result.score.denominator)
    attempt.score = attempt.score.quantize(Decimal("0.001"))
    attempt.max_score, attempt.percent, attempt.passed = result.max_score, result.percent, result.passed
    attempt.finished_at = timezone.now()
    attempt.save()
    if attempt.passed and attempt.user_id:
        from certificates.services import certificates_issue_for

        certificates_issue_for(user=attempt.user, quiz=attempt.quiz)  # a passed final test
    return attempt
