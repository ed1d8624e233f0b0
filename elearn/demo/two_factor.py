"""The demo's two-factor authentication: admin and the coordinators must pass a second
step (accounts/two_factor/), so `load_demo` gives each an authenticator with ONE FIXED,
PUBLISHED SECRET, FOR DEVELOPMENT ONLY: add it to any authenticator app, or print the
current code with `manage.py demo_totp NICKNAME`. The trainers have none: they are
offered it on the dashboard."""

import time
from base64 import b32decode

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.two_factor.services import AUTHENTICATOR_NAME

DEMO_TOTP_SECRET = "CONECTAELEARNDEMOONLYNOTFORPRODX"  # base32, as apps take it
DEMO_TOTP_KEY = b32decode(DEMO_TOTP_SECRET).hex()  # as django-otp stores it
WITH_SECOND_FACTOR = ["admin", "coordinator-lviv", "coordinator-spb"]


def load() -> None:
    for user in User.objects.filter(nickname__in=WITH_SECOND_FACTOR):
        if not TOTPDevice.objects.filter(user=user).exists():
            TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, key=DEMO_TOTP_KEY, confirmed=True)


def usable_code(device: TOTPDevice) -> str:
    """A code `device` accepts now: the current one, or, when that was used already (a code
    works once), the next one, which it accepts a step early. Waits if even that was used."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now = time.time()
    totp.time = now
    if device.last_t >= totp.t() + 1:
        time.sleep(device.step - (now - device.t0) % device.step + 0.1)
        return usable_code(device)
    if device.last_t >= totp.t():
        totp.time = now + device.step
    return f"{totp.token():0{device.digits}d}"
