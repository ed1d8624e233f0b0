"""Writes to accounts. Views and forms validate; these functions change state."""

from django.db import transaction

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
