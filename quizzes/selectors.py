"""Reads about attempts: passes, best scores, attempts left."""

from django.db.models import Count, Max, Q

from .models import Attempt


def passed_quiz_ids(*, user, quiz_ids) -> set[int]:
    return set(
        Attempt.objects.filter(user=user, quiz_id__in=quiz_ids, passed=True).values_list("quiz_id", flat=True)
    )


def best_passed_percent(*, user, quiz_id) -> int | None:
    """The trainee's best passing score in this test, %; None if they have not passed it."""
    passed = Attempt.objects.filter(user=user, quiz_id=quiz_id, passed=True)
    return passed.aggregate(best=Max("percent"))["best"]


def quiz_standing(*, user, quiz) -> dict:
    """Best score, whether passed, attempts used and left, and an unfinished attempt."""
    if not user.is_authenticated:
        return {"best": None, "passed": False, "used": 0, "left": quiz.max_attempts or None, "open": None}
    finished = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=False).aggregate(
        best=Max("percent"), used=Count("pk"), passes=Count("pk", filter=Q(passed=True))
    )
    left = None if quiz.max_attempts == 0 else max(0, quiz.max_attempts - finished["used"])
    open_attempt = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=True).first()
    return {
        "best": finished["best"],
        "passed": finished["passes"] > 0,
        "used": finished["used"],
        "left": left,
        "open": open_attempt,
    }


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


def item_statistics(quiz) -> list[dict]:
    """Per question: how many answered and the share answering right, overall and per
    language. A question much harder in one language usually means a translation problem."""
    from .models import Answer
    from .scoring import score_question

    keys = {key.id: key for key in quiz.question_keys()}
    counts = {qid: {} for qid in keys}
    rows = Answer.objects.filter(attempt__quiz=quiz, attempt__finished_at__isnull=False).values_list(
        "question_id", "attempt__language", "choice_ids"
    )
    for question_id, language, choice_ids in rows.iterator():
        key = keys.get(question_id)
        if key is None:
            continue
        right = score_question(key, frozenset(choice_ids)) == key.points
        for bucket in (language, "all"):
            answered, correct = counts[question_id].get(bucket, (0, 0))
            counts[question_id][bucket] = (answered + 1, correct + right)
    questions = {q.pk: q for q in quiz.questions.prefetch_related("translations")}
    return [
        {
            "question": questions[qid],
            "stats": {
                bucket: {"answered": n, "percent": round(100 * c / n) if n else None}
                for bucket, (n, c) in by_bucket.items()
            },
        }
        for qid, by_bucket in counts.items()
    ]
