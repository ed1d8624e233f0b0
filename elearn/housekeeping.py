"""What `manage.py housekeeping` removes every day: nothing is kept longer than it serves.

- trainees' accounts not used for settings.INACTIVE_ACCOUNT_DAYS, deleted as if they had
  deleted them (elearn/privacy.py; 0 turns this off);
- expired sessions (Django's clearsessions);
- log-in throttling records older than the lock they could cause (django-axes keeps the
  nickname typed; our sign-up and certificate-check counters expire in the cache alone);
- H5P saved progress not touched for settings.H5P_STATE_KEEP_DAYS: an activity left that
  long ago starts afresh;
- compressed copies of H5P files (h5p/wire/) whose package or library is gone."""

from dataclasses import dataclass
from importlib import import_module

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone

from h5p.models import ActivityState
from h5p.wire import live_folders, orphans_discard

from .privacy import purge_inactive

# Fewer days could take the account of someone on a summer break.
MIN_INACTIVE_DAYS = 30


@dataclass(frozen=True)
class Swept:
    accounts: int
    sessions: int
    throttle_records: int
    h5p_states: int
    h5p_wire_orphans: int = 0


def housekeeping() -> Swept:
    days = settings.INACTIVE_ACCOUNT_DAYS
    if 0 < days < MIN_INACTIVE_DAYS:
        raise ValueError(f"INACTIVE_ACCOUNT_DAYS must be 0 (never) or at least {MIN_INACTIVE_DAYS}.")
    sessions = expired_sessions_clear()  # first: deleting an account reads every session left
    return Swept(
        accounts=purge_inactive(days) if days else 0,
        sessions=sessions,
        throttle_records=throttle_records_clear(),
        h5p_states=h5p_states_clear(),
        h5p_wire_orphans=orphans_discard(live_folders()),
    )


def expired_sessions_clear() -> int:
    """What `manage.py clearsessions` does, counted."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    expired = store_class.get_model_class().objects.filter(expire_date__lt=timezone.now()).count()
    store_class.clear_expired()
    return expired


def throttle_records_clear() -> int:
    """Failed log-ins older than the cool-off: they can no longer lock anyone."""
    cutoff = timezone.now() - get_cool_off()
    return sum(
        model.objects.filter(attempt_time__lt=cutoff).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )


def h5p_states_clear() -> int:
    cutoff = timezone.now() - timezone.timedelta(days=settings.H5P_STATE_KEEP_DAYS)
    return ActivityState.objects.filter(updated_at__lt=cutoff).delete()[0]
