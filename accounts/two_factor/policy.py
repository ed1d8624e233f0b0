"""Who is asked for a second step, and who must set one up. By permission (accounts/access.py),
never by group name."""

from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..access import ADMIN_ACCESS, RESET_SECOND_FACTOR, SEE_REPORTS

# A stolen password alone must not open every organisation (admins), the statistics and
# exports, or the switch that turns other people's second step off.
REQUIRED_BY = (SEE_REPORTS.permission, RESET_SECOND_FACTOR.permission)


def uses_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(ADMIN_ACCESS)


def second_factor_required(user) -> bool:
    """Admins and coordinators (by their permissions) must have one; other staff may."""
    if not uses_admin(user):
        return False
    return user.is_superuser or any(user.has_perm(permission) for permission in REQUIRED_BY)


def asks_for_code(user) -> bool:
    """Whether signing in takes a code: staff with an authenticator or backup codes."""
    return uses_admin(user) and user_has_device(user, confirmed=True)


def authenticator(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()
