"""Writes to accounts. Views and forms validate; these functions change state."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .login_throttle import login_failures_forget
from .models import OPTIONAL_QUESTIONS, Organisation, TrainingGroup, User
from .selectors import STAFF_SET_PASSWORD  # the admin's history entry (wagtail_hooks.py)


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
def trainee_password_reset(*, trainee: User, password: str, by: User) -> None:
    """A trainer sets a new password for a trainee who forgot theirs (trainees have no
    email to reset it themselves). Staff can then sign in as the trainee, so it is kept in
    the admin's history of the account, naming who did it, and the trainee is told at
    every log-in until they choose their own (accounts/views.py)."""
    trainee.set_password(password)
    trainee.password_set_by_staff_at = timezone.now()
    trainee.save(update_fields=["password", "password_set_by_staff_at"])
    log(instance=trainee, action=STAFF_SET_PASSWORD, user=by)


def trainee_own_password_set(*, user: User, password: str) -> None:
    """The trainee chose their own password: staff no longer know it."""
    user.set_password(password)
    user.password_set_by_staff_at = None
    user.save(update_fields=["password", "password_set_by_staff_at"])


@transaction.atomic
def trainee_unlock(*, trainee: User) -> None:
    """A trainer lets a trainee locked out by too many wrong passwords try again now,
    instead of in 15 minutes. A lock of their whole address (accounts/login_throttle.py)
    stays: it is about everyone using that address."""
    login_failures_forget(trainee.nickname)


@transaction.atomic
def trainee_profile_update(*, trainee: User, answers: dict[str, str]) -> None:
    """A trainee's answers to the optional questions their organisation asks; a question it
    does not ask is left empty whatever was sent."""
    asked = trainee.organisation.asked_questions() if trainee.organisation_id else []
    for name in OPTIONAL_QUESTIONS:
        setattr(trainee, name, answers.get(name, "") if name in asked else "")
    trainee.save(update_fields=list(OPTIONAL_QUESTIONS))


@transaction.atomic
def organisation_questions_set(*, organisation: Organisation, asked: set[str]) -> list[str]:
    """Which optional questions `organisation` asks. A question it stops asking has its
    stored answers erased for every member (erased accounts too): an answer the
    organisation decided not to hold is not kept either. Returns the questions switched off."""
    switched_off = [name for name in organisation.asked_questions() if name not in asked]
    for name in OPTIONAL_QUESTIONS:
        setattr(organisation, f"asks_{name}", name in asked)
    organisation.save(update_fields=[f"asks_{name}" for name in OPTIONAL_QUESTIONS])
    if switched_off:
        User.objects.filter(organisation=organisation).update(**dict.fromkeys(switched_off, ""))
    return switched_off
