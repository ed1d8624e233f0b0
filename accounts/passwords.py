"""Password rules: Django's validators for everyone, and a longer minimum for staff.

A trainee's password guards one person's learning; a staff member's opens an
organisation's trainees, reports and exports, so it must be longer. Who is staff is a
permission (using the admin), not a group name (accounts/access.py)."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from .access import ADMIN_ACCESS

TRAINEE_MIN_LENGTH = 8
STAFF_MIN_LENGTH = 12


def is_staff_account(user) -> bool:
    """A saved, active account that opens the admin (a new one has no permissions yet:
    forms that create staff say so themselves, see `validate_staff_password`)."""
    return user is not None and user.pk is not None and user.is_active and user.has_perm(ADMIN_ACCESS)


def staff_too_short(password: str) -> ValidationError | None:
    if len(password) >= STAFF_MIN_LENGTH:
        return None
    return ValidationError(
        ngettext(
            "This password is too short. Staff passwords need at least %(min_length)d character.",
            "This password is too short. Staff passwords need at least %(min_length)d characters.",
            STAFF_MIN_LENGTH,
        ),
        code="password_too_short_for_staff",
        params={"min_length": STAFF_MIN_LENGTH},
    )


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's minimum length (8), and 12 when the account is staff's. Its help text
    stays Django's: trainees' forms do not speak of staff rules."""

    def __init__(self, min_length=TRAINEE_MIN_LENGTH):
        super().__init__(min_length)

    def validate(self, password, user=None):
        super().validate(password, user)
        if is_staff_account(user):
            error = staff_too_short(password)
            if error is not None:
                raise error


def validate_staff_password(password: str, *, user) -> None:
    """Every validator, and the staff minimum whatever `user` may do yet (an account being
    created in the admin with a role that opens it)."""
    errors = []
    try:
        password_validation.validate_password(password, user=user)
    except ValidationError as error:
        errors.extend(error.error_list)
    too_short = staff_too_short(password)
    if too_short is not None and not any(e.code == too_short.code for e in errors):
        errors.append(too_short)
    if errors:
        raise ValidationError(errors)
