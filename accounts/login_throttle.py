"""Failed log-ins are throttled by django-axes on two counts, each with its own limit:

- per nickname, from any address (settings.AXES_FAILURE_LIMIT): one trainee's password
  cannot be guessed from many addresses;
- per address, across nicknames (settings.AXES_ADDRESS_FAILURE_LIMIT, higher, so that an
  NGO office behind one address is not locked out by a few trainees mistyping): one
  address cannot try a password on many nicknames.

Either lock gives the same answer (accounts/locked_out.html), so it tells nobody which
count they met, nor whether the nickname exists. Axes keeps a pseudonym of the address
(common.client_address), and the nickname in lower case, as log-in ignores case."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def nickname_for_throttle(request, credentials=None) -> str | None:
    """AXES_USERNAME_CALLABLE: the nickname typed, in lower case, so that "Sonia" and
    "SONIA" count against one account."""
    field = settings.AXES_USERNAME_FORM_FIELD
    raw = credentials.get(field) if credentials else request.POST.get(field) if request else None
    return raw.lower() if isinstance(raw, str) else None


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes's database handler with one limit per kind of count (see above)."""

    def get_failures(self, request, credentials=None) -> int:
        # Axes compares one number with one limit (the nickname's). Give it each count as a
        # share of its own limit, scaled to the nickname's: the address's 50 of 50 counts
        # as 5 of 5, and whichever is nearest its limit decides.
        limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        return max(
            (
                count * limit // _own_limit(parameter, limit)
                for parameter, count in zip(parameters, counts, strict=True)
            ),
            default=0,
        )

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After the right password: that nickname's failures only. Clearing the address's
        too would let anyone with an account of their own try on across other nicknames."""
        return login_failures_forget(get_client_username(request, credentials))


def _own_limit(parameter, nickname_limit: int) -> int:
    if parameter == "ip_address":
        return settings.AXES_ADDRESS_FAILURE_LIMIT
    return nickname_limit


def login_failures_forget(nickname: str | None) -> int:
    """Unlock one account: forget its failed log-ins from every address."""
    if not nickname:
        return 0
    count, _ = AccessAttempt.objects.filter(username__iexact=nickname).delete()
    return count


def locked_nicknames() -> set[str]:
    """Nicknames (lower case) locked now for too many wrong passwords, from any address."""
    since = timezone.now() - get_cool_off()
    totals = (
        AccessAttempt.objects.filter(attempt_time__gte=since, username__isnull=False)
        .values("username")
        .annotate(total=Sum("failures_since_start"))
        .filter(total__gte=settings.AXES_FAILURE_LIMIT)
    )
    return {row["username"].lower() for row in totals}
