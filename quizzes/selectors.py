"""Reads about attempts: passes, best scores, attempts left, and per-question statistics."""

from collections import Counter

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Sum

from accounts.access import scope_to_organisation
from common import disclosure
from common.languages import language_codes

from . import answer_key
from .models import Attempt, AttemptGrant


def passed_quiz_ids(*, user, quiz_ids) -> set[int]:
    return set(
        Attempt.objects.filter(user=user, quiz_id__in=quiz_ids, passed=True).values_list("quiz_id", flat=True)
    )


def best_passed_percent(*, user, quiz_id) -> int | None:
    """The trainee's best passing score in this test, %; None if they have not passed it."""
    passed = Attempt.objects.filter(user=user, quiz_id=quiz_id, passed=True)
    return passed.aggregate(best=Max("percent"))["best"]


def extra_attempts(*, user, quiz) -> int:
    """Attempts granted to this trainee on top of the test's maximum."""
    granted = AttemptGrant.objects.filter(user=user, quiz=quiz).aggregate(extra=Sum("extra"))["extra"]
    return granted or 0


def allowed_attempts(*, user, quiz) -> int | None:
    """The test's maximum plus what was granted; None when attempts are unlimited."""
    if quiz.max_attempts == 0:
        return None
    return quiz.max_attempts + extra_attempts(user=user, quiz=quiz)


def quiz_standing(*, user, quiz) -> dict:
    """Best score, whether passed, attempts used and left, an unfinished attempt, and
    whether the answer key is shown to this trainee now (quizzes/answer_key.py)."""
    if not user.is_authenticated:
        return {
            "best": None,
            "passed": False,
            "used": 0,
            "left": quiz.max_attempts or None,
            "open": None,
            "key_shown": False,
            "key_seen": False,
        }
    finished = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=False).aggregate(
        best=Max("percent"), used=Count("pk"), passes=Count("pk", filter=Q(passed=True))
    )
    allowed = allowed_attempts(user=user, quiz=quiz)
    left = None if allowed is None else max(0, allowed - finished["used"])
    open_attempt = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=True).first()
    passed = finished["passes"] > 0
    policy = quiz.answer_key_policy
    shown = answer_key.key_shown(policy, passed=passed, attempts_left=left)
    return {
        "best": finished["best"],
        "passed": passed,
        "used": finished["used"],
        "left": left,
        "open": open_attempt,
        "key_shown": shown,
        # The key is shown and the test guards it: no new attempt (quizzes/answer_key.py).
        "key_seen": finished["used"] > 0 and not answer_key.may_start_after_key(policy, key_was_shown=shown),
    }


def answer_key_shown(*, user, quiz) -> bool:
    """Whether this trainee may see the test's correct answers and explanations now: on
    the result page, after each question, and in the copy of their data."""
    return quiz_standing(user=user, quiz=quiz)["key_shown"]


def knowledge_gain(*, user, pre_test_id, final_test_id) -> dict | None:
    """The trainee's first pre-test score (what they knew before, as the training report
    counts it) and best passing final-test score, %, and the difference in points; None
    until they have both, so it shows once they have finished."""
    if not user.is_authenticated or not pre_test_id or not final_test_id:
        return None
    first = (
        Attempt.objects.filter(user=user, quiz_id=pre_test_id, finished_at__isnull=False)
        .order_by("finished_at", "pk")
        .values_list("percent", flat=True)
        .first()
    )
    best = best_passed_percent(user=user, quiz_id=final_test_id)
    if first is None or best is None:
        return None
    return {"pre": first, "post": best, "gain": best - first}


def missing_translations(quiz) -> dict[str, int]:
    """How many question and answer texts each language still lacks."""
    from django.conf import settings

    missing = {code: 0 for code, _ in settings.LANGUAGES}
    questions = quiz.questions.prefetch_related("translations", "choices__translations")
    for question in questions:
        for obj in [question, *question.choices.all()]:
            present = {t.language_code for t in obj.translations.all() if getattr(t, "text", "")}
            for code in missing:
                missing[code] += code not in present
    return missing


def _first_finished_attempts(quiz, viewer) -> QuerySet:
    """Each person's first finished attempt at `quiz`, for the people `viewer` may see
    (their organisation's; an admin's, everyone's). Attempts of deleted accounts name no
    one, so they cannot be counted once per person and are left out."""
    finished = Attempt.objects.filter(quiz=quiz, finished_at__isnull=False, user__isnull=False)
    earlier = finished.filter(user=OuterRef("user")).filter(
        Q(finished_at__lt=OuterRef("finished_at"))
        | Q(finished_at=OuterRef("finished_at"), pk__lt=OuterRef("pk"))
    )
    first = finished.filter(~Exists(earlier))
    return scope_to_organisation(viewer, first, field="user__organisation")


def _cell(people, right: int) -> dict:
    """A cell as shown: its count of people (or why it is hidden) and, when shown, the
    share of them who answered right."""
    shown = not disclosure.hidden(people) and people > 0
    return {
        "label": disclosure.label(people),
        "shown": shown,
        "hidden": disclosure.hidden(people),
        "percent": round(100 * right / people) if shown else None,
    }


def item_statistics(quiz, *, viewer) -> dict:
    """Per question: how many people answered it and the share who answered right, in all
    and by the language they took the test in. A question much harder in one language
    usually means a translation problem.

    People, not attempts: each trainee counts once, with their first finished attempt
    (what they knew before retrying). Only the trainees `viewer` may see. Every count goes
    through common.disclosure: a cell under the threshold shows "<5"; a language column
    whose total is small (every column, when the total of people is) shows nothing but
    "<5"; and within each question's split by language a second cell is hidden ("x") when
    one alone would be, so that it cannot be worked out from the total."""
    from .models import Answer
    from .scoring import score_question

    languages = language_codes()
    columns = ["all", *languages]
    first = _first_finished_attempts(quiz, viewer)
    people = Counter(first.values_list("language", flat=True))
    small_columns = {code for code in languages if disclosure.is_small(people[code])}
    if disclosure.is_small(sum(people.values())):
        small_columns |= set(columns)

    keys = {key.id: key for key in quiz.question_keys()}
    tally = {qid: {column: [0, 0] for column in columns} for qid in keys}  # [people, right]
    answers = Answer.objects.filter(attempt__in=first).values_list(
        "question_id", "attempt__language", "choice_ids"
    )
    for question_id, language, choice_ids in answers.iterator():
        key = keys.get(question_id)
        if key is None:
            continue
        right = score_question(key, frozenset(choice_ids)) == key.points
        for column in ("all", language):
            if column in tally[question_id]:
                tally[question_id][column][0] += 1
                tally[question_id][column][1] += right

    questions = {q.pk: q for q in quiz.questions.prefetch_related("translations")}
    rows = []
    for qid, counts in tally.items():
        total = disclosure.suppress({"all": counts["all"][0]}, additive=False, also_hidden=small_columns)
        split = disclosure.suppress(
            {code: counts[code][0] for code in languages},
            additive=not disclosure.hidden(total["all"]),  # a shown total could give a hidden cell away
            also_hidden=small_columns,
        )
        shown = {**total, **split}
        rows.append(
            {
                "question": questions[qid],
                "cells": [_cell(shown[column], counts[column][1]) for column in columns],
            }
        )
    counted = sum(people.values())
    return {
        "languages": languages,
        "people": disclosure.label(None if disclosure.is_small(counted) else counted),
        "rows": rows,
    }


def module_quiz_standings(*, user, quiz_ids) -> dict[int, dict]:
    """For a module page: each test's best score, whether passed, finished attempts and an
    unfinished attempt's id, for all its tests in one query. Tests never tried are absent."""
    finished = Q(finished_at__isnull=False)
    rows = (
        Attempt.objects.filter(user=user, quiz_id__in=quiz_ids)
        .values("quiz_id")
        .annotate(
            best=Max("percent", filter=finished),
            used=Count("pk", filter=finished),
            passes=Count("pk", filter=finished & Q(passed=True)),
            open=Max("pk", filter=Q(finished_at__isnull=True)),
        )
    )
    return {
        row["quiz_id"]: {
            "best": row["best"],
            "passed": row["passes"] > 0,
            "used": row["used"],
            "open": row["open"],
        }
        for row in rows
    }
