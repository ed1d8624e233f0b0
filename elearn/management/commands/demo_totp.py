from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from elearn.demo.two_factor import DEMO_TOTP_KEY, DEMO_TOTP_SECRET, WITH_SECOND_FACTOR, usable_code


class Command(BaseCommand):
    help = (
        "Print a two-factor code that a demo account accepts now (development only; the demo "
        "secret is published in the README)."
    )

    def add_arguments(self, parser):
        parser.add_argument("nickname", help=f"one of: {', '.join(WITH_SECOND_FACTOR)}")

    def handle(self, *args, nickname, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo data is switched off here (DEMO_DATA_ALLOWED is false).")
        # Only the demo's published secret: this never prints a code of a real authenticator.
        device = TOTPDevice.objects.filter(
            user__nickname__iexact=nickname, confirmed=True, key=DEMO_TOTP_KEY
        ).first()
        if device is None:
            raise CommandError(
                f"{nickname} has no demo authenticator. Run load_demo; demo accounts with one: "
                f"{', '.join(WITH_SECOND_FACTOR)} (secret {DEMO_TOTP_SECRET})."
            )
        self.stdout.write(usable_code(device))
