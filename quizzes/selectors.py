"""Reads about attempts: passes, best scores, attempts left."""

from django.db.models import Count, Max, Q

from .models import Attempt


def passed_quiz_ids(*, user, quiz_ids) -> set[int]:
    return set(
        Attempt.objects.filter(user=user, quiz_id__in=quiz_ids, passed=True).values_list("quiz_id", flat=True)
    )


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
