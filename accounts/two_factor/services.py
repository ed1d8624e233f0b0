"""Setting up and switching off the second step. Codes are checked by forms.py with
django-otp (which counts wrong tries); these only change what a user has."""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
# Device names are stored, never shown: identifiers, not interface text.
AUTHENTICATOR_NAME = "authenticator app"
BACKUP_CODES_NAME = "backup codes"


@transaction.atomic
def authenticator_start(*, user) -> TOTPDevice:
    """The authenticator being set up: a new secret, or the one already shown, so that a
    reload of the set-up page does not invalidate what the phone scanned."""
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return pending or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


@transaction.atomic
def authenticator_confirm(*, device: TOTPDevice) -> list[str]:
    """Confirm a set-up authenticator (its code was right), replacing any other, and return
    fresh backup codes: the only time anyone sees them in clear."""
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return backup_codes_replace(user=device.user)


@transaction.atomic
def backup_codes_replace(*, user) -> list[str]:
    """Ten new single-use backup codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_CODES_NAME, confirmed=True)
    codes = set()
    while len(codes) < BACKUP_CODE_COUNT:
        codes.add(StaticToken.random_token())
    codes = sorted(codes)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def second_factor_remove(*, user) -> None:
    """Switch off someone's second step (a lost phone): their authenticator and backup
    codes go, and a session that passed with them no longer counts as verified. Whoever
    must have one sets it up again at their next visit to the admin."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
