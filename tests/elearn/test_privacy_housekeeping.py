"""`manage.py housekeeping`, run daily, keeps nothing longer than it serves: long-unused
accounts, expired sessions, old log-in throttling records and old H5P saved progress go;
what is still in use stays."""

import datetime
import io

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.erased import ERASED_PREFIX
from accounts.models import User
from h5p.models import ActivityState, H5PContent
from tests.factories import TraineeFactory

NOW = timezone.now()


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def failed_logins(nickname, when):
    attempt = AccessAttempt.objects.create(
        username=nickname,
        ip_address="fd00::1",
        user_agent="",
        http_accept="",
        path_info="/uk/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=when)


def saved_progress(user, when):
    content = H5PContent.objects.create(
        title="Перевірка",
        language="uk",
        main_library="H5P.ConectaCheck",
        storage_path=f"h5p/{when}/",
        size_bytes=1,
    )
    state = ActivityState.objects.create(user=user, content=content, state='{"typed": "x"}')
    ActivityState.objects.filter(pk=state.pk).update(updated_at=when)


def housekeeping() -> str:
    out = io.StringIO()
    call_command("housekeeping", stdout=out)
    return out.getvalue()


@pytest.fixture
def week(client, group):
    """What a site holds after a while: accounts used and unused, sessions live and
    expired, failed log-ins old and recent, saved progress old and recent."""
    stale = TraineeFactory(training_group=group, last_login=days_ago(400))
    active = TraineeFactory(training_group=group, last_login=days_ago(3))
    client.force_login(active)
    Session.objects.create(session_key="e" * 32, session_data="x", expire_date=days_ago(1))
    failed_logins("forgotten", days_ago(2))
    failed_logins("locked-now", NOW - datetime.timedelta(minutes=5))
    saved_progress(active, days_ago(200))
    saved_progress(active, days_ago(10))
    return stale, active


def test_housekeeping_removes_what_has_expired_and_keeps_what_is_in_use(client, week):
    stale, active = week

    printed = housekeeping()

    assert User.objects.get(pk=stale.pk).nickname.startswith(ERASED_PREFIX)
    assert User.objects.get(pk=active.pk).nickname == active.nickname
    assert list(Session.objects.values_list("session_key", flat=True)) == [client.session.session_key]
    assert client.get("/uk/accounts/").status_code == 200  # still signed in
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["locked-now"]
    assert [state.updated_at > days_ago(11) for state in ActivityState.objects.all()] == [True]
    assert printed.startswith("1 inactive accounts deleted, 1 expired sessions, 1 expired log-in")


def test_the_days_come_from_the_settings(settings, week):
    stale, _active = week
    settings.INACTIVE_ACCOUNT_DAYS, settings.H5P_STATE_KEEP_DAYS = 0, 365  # purge off

    housekeeping()

    assert User.objects.get(pk=stale.pk).nickname == stale.nickname
    assert ActivityState.objects.count() == 2
    settings.INACTIVE_ACCOUNT_DAYS = 10  # too few: someone on a break would lose their account
    with pytest.raises(CommandError):
        housekeeping()
