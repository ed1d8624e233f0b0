"""A trainee's own data: a copy to download, and deleting the account.

Deleting keeps what the programme's statistics count, without the person: the account
becomes an anonymous placeholder (a random name, no password, no profile, switched off),
so tests taken and modules done still count in the aggregate report, in their
organisation and group. Certificates stay verifiable, without any name."""

import secrets

from axes.models import AccessAttempt, AccessFailureLog
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate
from courses.models import ModuleProgress
from h5p.models import ActivityState, ActivityStatement
from quizzes.models import Attempt

DELETED_PREFIX = "deleted-"


def personal_data(user: User) -> dict:
    def when(moment):
        return moment.isoformat() if moment else None

    return {
        "account": {
            "nickname": user.nickname,
            "joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "organisation": str(user.organisation or ""),
            "training_group": str(user.training_group or ""),
            "age_band": user.age_band,
            "gender": user.gender,
            "work_setting": user.work_setting,
        },
        "module_progress": [
            {"module": str(key), "first_opened": when(opened), "completed": when(done)}
            for key, opened, done in ModuleProgress.objects.filter(user=user).values_list(
                "module_key", "first_opened_at", "completed_at"
            )
        ],
        "tests": [
            {
                "test": quiz_id,
                "language": language,
                "finished": when(finished),
                "percent": percent,
                "passed": passed,
            }
            for quiz_id, language, finished, percent, passed in Attempt.objects.filter(user=user).values_list(
                "quiz_id", "language", "finished_at", "percent", "passed"
            )
        ],
        "interactive_activities": [
            {"verb": verb, "score": score, "max": top, "received": when(received)}
            for verb, score, top, received in ActivityStatement.objects.filter(user=user).values_list(
                "verb", "score_raw", "score_max", "received_at"
            )
        ],
        "certificates": [
            {"code": code, "issued": when(issued), "status": status, "name_kept": name}
            for code, issued, status, name in Certificate.objects.filter(user=user).values_list(
                "code", "issued_at", "status", "kept_name"
            )
        ],
    }


@transaction.atomic
def account_delete(user: User) -> None:
    old_nickname = user.nickname
    Certificate.objects.filter(user=user).update(kept_name="", show_name=False)
    ActivityState.objects.filter(user=user).delete()
    AccessAttempt.objects.filter(username__iexact=old_nickname).delete()
    AccessFailureLog.objects.filter(username__iexact=old_nickname).delete()
    user.nickname = DELETED_PREFIX + secrets.token_hex(8)
    user.set_unusable_password()
    user.is_active = False
    user.age_band = user.gender = user.work_setting = ""
    user.last_login = None
    user.save()
    user.groups.clear()


def purge_inactive(days: int) -> int:
    """Delete (as above) trainees who have not logged in for `days` days."""
    cutoff = timezone.now() - timezone.timedelta(days=days)
    trainees = User.objects.filter(training_group__isnull=False).exclude(nickname__startswith=DELETED_PREFIX)
    stale = trainees.filter(last_login__lt=cutoff) | trainees.filter(
        last_login__isnull=True, date_joined__lt=cutoff
    )
    count = 0
    for user in stale.distinct():
        account_delete(user)
        count += 1
    return count
