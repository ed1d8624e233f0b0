"""How many sign-ups that did not work one client, and one group code, may send.

Per client (its pseudonym, never its address): every sign-up that creates no account
counts, so neither codes nor nicknames can be tried by the hundred. Per group code (a keyed
hash of it): the failed sign-ups with that working code, from any address, so someone who
knows one code cannot use it from many addresses to find out which nicknames exist.
Limits: settings.SIGNUP_LIMIT_PER_ADDRESS and SIGNUP_LIMIT_PER_CODE, (tries, seconds)."""

from django.conf import settings

from common.client_address import client_pseudonym
from common.ratelimit import forget_hit, hit, hits, keyed_hash

from .models import normalise_join_code

BY_ADDRESS = "signup-address"
BY_CODE = "signup-code"


def _code(request) -> str:
    return keyed_hash(normalise_join_code(request.POST.get("join_code", "")))


def signup_allowed(request) -> bool:
    """Count this sign-up against its client, and say whether it may be looked at at all.
    Call once per posted sign-up, before the form is validated."""
    address_limit, address_window = settings.SIGNUP_LIMIT_PER_ADDRESS
    code_limit, _ = settings.SIGNUP_LIMIT_PER_CODE
    tries = hit(BY_ADDRESS, client_pseudonym(request), window=address_window)
    return tries <= address_limit and hits(BY_CODE, _code(request)) < code_limit


def signup_failed(request, *, code_works: bool) -> None:
    """The sign-up created no account; with a working code it counts against the code too."""
    if code_works:
        _, code_window = settings.SIGNUP_LIMIT_PER_CODE
        hit(BY_CODE, _code(request), window=code_window)


def signup_succeeded(request) -> None:
    """A trainee joined: that try was no abuse and does not count against their address."""
    forget_hit(BY_ADDRESS, client_pseudonym(request))
