"""Deleting a trainee's account, and purging accounts not used for a long time.

Deleting erases everything that names or describes the trainee and keeps, without the
person, what the programme's aggregates count: tests taken (scores and dates, the answers
chosen), modules opened and completed, courses completed, H5P results (score and date),
certificates (verifiable by their code, without a name), all still in their organisation
and group. These stay on the account's row, which becomes a placeholder
(accounts/erased.py): a random nickname no one can type, no password, no profile,
switched off, never listed as a person. docs/privacy.md lists every table and field and
what happens to it; docs/decisions.md says why a placeholder row rather than rows with no
user."""

import uuid
from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.erased import erased_nickname, without_erased
from accounts.models import User
from certificates.models import Certificate
from certificates.pdf_cache import forget_pdfs
from h5p.models import ActivityState, ActivityStatement
from quizzes.models import Attempt


def account_delete(user: User) -> None:
    """Erase `user` (a trainee) for good. Signs them out everywhere; the caller signs the
    current request out first."""
    certificates = list(Certificate.objects.filter(user=user))
    _erase_records(user, certificates)
    # After the transaction: a failure in the database leaves the sessions and cached
    # files in place rather than a half-erased account that can still sign in.
    _end_sessions(user)
    for certificate in certificates:
        forget_pdfs(certificate)


@transaction.atomic
def _erase_records(user: User, certificates: list[Certificate]) -> None:
    nickname = user.nickname
    placeholder = erased_nickname()

    # Tests: scores, dates and the answers chosen stay (they are choices of the test's own
    # answers, no free text); an unfinished attempt counts nowhere and goes. New tokens, so
    # a test's address in a phone's history leads to no row.
    Attempt.objects.filter(user=user, finished_at__isnull=True).delete()
    for pk in Attempt.objects.filter(user=user).values_list("pk", flat=True):
        Attempt.objects.filter(pk=pk).update(token=uuid.uuid4())

    # H5P: what the package sent (free-text responses included) and where it was left go;
    # a completed activity's score and date stay, self-reported as before.
    ActivityState.objects.filter(user=user).delete()
    statements = ActivityStatement.objects.filter(user=user)
    statements.filter(completes_activity=False).delete()
    for pk in statements.values_list("pk", flat=True):
        ActivityStatement.objects.filter(pk=pk).update(payload={}, statement_id=uuid.uuid4())

    # Certificates: the code, course, date, score and status stay; any name, and the
    # reason a coordinator typed when revoking (also in the audit log), go.
    Certificate.objects.filter(user=user).update(kept_name="", show_name=False, revoked_reason="")
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Certificate),
        object_id__in=[str(certificate.pk) for certificate in certificates],
    ).update(data={})

    # Log-in throttling keeps the nickname typed (in lower case, accounts/login_throttle.py).
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=nickname).delete()

    # The admin's history names the account by its nickname at the time.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(label=placeholder, data={})
    UserProfile.objects.filter(user=user).delete()
    for device in devices_for_user(user, confirmed=None):
        device.delete()

    user.nickname = placeholder
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.age_band = user.gender = user.work_setting = ""
    user.last_login = user.password_set_by_staff_at = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _end_sessions(user: User) -> None:
    """Every session signed in as `user`, on every device. Sessions are rows in the
    database (with cached_db also entries in the cache, which `delete` removes too); a row
    does not say whose it is until it is decoded."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = store_class.get_model_class().objects.values_list("session_key", "session_data")
    for key, data in sessions.iterator():
        if store_class().decode(data).get(SESSION_KEY) == str(user.pk):
            store_class(session_key=key).delete()


def purge_inactive(days: int) -> int:
    """Delete (as above) the accounts of trainees who have not logged in for `days` days
    (who never did: joined that long ago)."""
    cutoff = timezone.now() - timezone.timedelta(days=days)
    trainees = without_erased(User.objects.filter(training_group__isnull=False))
    stale = trainees.filter(last_login__lt=cutoff) | trainees.filter(
        last_login__isnull=True, date_joined__lt=cutoff
    )
    count = 0
    for user in stale.distinct():
        account_delete(user)
        count += 1
    return count
