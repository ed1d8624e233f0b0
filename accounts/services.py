"""Writes to accounts. Views and forms validate; these functions change state."""

from django.db import transaction

from .login_throttle import login_failures_forget
from .models import TrainingGroup, User


@transaction.atomic
def trainee_register(
    *,
    group: TrainingGroup,
    nickname: str,
    password: str,
    age_band: str = "",
    gender: str = "",
    work_setting: str = "",
) -> User:
    """Create a trainee in `group` and its organisation."""
    return User.objects.create_user(
        nickname,
        password,
        training_group=group,
        organisation=group.organisation,
        age_band=age_band,
        gender=gender,
        work_setting=work_setting,
    )


@transaction.atomic
def trainee_password_reset(*, trainee: User, password: str) -> None:
    """A trainer sets a new password for a trainee who forgot theirs (trainees have no
    email to reset it themselves)."""
    trainee.set_password(password)
    trainee.save(update_fields=["password"])


@transaction.atomic
def trainee_unlock(*, trainee: User) -> None:
    """A trainer lets a trainee locked out by too many wrong passwords try again now,
    instead of in 15 minutes. A lock of their whole address (accounts/login_throttle.py)
    stays: it is about everyone using that address."""
    login_failures_forget(trainee.nickname)
