"""Accounts erased for privacy (elearn/privacy.py does the erasing).

An erased trainee's row stays so that the tests they took, the modules they finished and
their certificates still count in the aggregates, in their organisation and group; it
holds nothing that names or describes them. Its nickname begins with a character that
nickname_validator refuses, so no one can sign up as it, be mistaken for it or log in as
it (the password is unusable and the account switched off), and lists of people leave it
out (`without_erased`)."""

import secrets

from django.db.models import QuerySet

ERASED_PREFIX = "~deleted-"


def erased_nickname() -> str:
    """A new placeholder nickname: random, so it says nothing about whom it replaced."""
    return ERASED_PREFIX + secrets.token_hex(8)


def is_erased(user) -> bool:
    return user is not None and user.nickname.startswith(ERASED_PREFIX)


def without_erased(users: QuerySet) -> QuerySet:
    """`users` (a User queryset) without the placeholders of erased accounts."""
    return users.exclude(nickname__startswith=ERASED_PREFIX)
