from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef, QuerySet
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..access import ADMIN_ACCESS, scope_to_organisation, sees_every_organisation


def staff_visible_to(user) -> QuerySet:
    """Staff whose second step `user` may see and switch off: every active admin user for
    an admin; for anyone else their own organisation's, never an admin's."""
    staff = ModelBackend().with_perm(ADMIN_ACCESS)
    if not sees_every_organisation(user):
        staff = staff.filter(is_superuser=False)
    confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return (
        scope_to_organisation(user, staff)
        .select_related("organisation")
        .annotate(has_authenticator=Exists(confirmed))
        .order_by("nickname")
    )


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
