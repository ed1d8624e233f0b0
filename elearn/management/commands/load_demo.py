from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from elearn.demo import accounts as accounts_demo
from elearn.demo import certificates as certificates_demo
from elearn.demo import courses as courses_demo
from elearn.demo import h5p as h5p_demo
from elearn.demo import local_help as local_help_demo
from elearn.demo import pages as pages_demo
from elearn.demo import quizzes as quizzes_demo
from elearn.demo import two_factor as two_factor_demo


class Command(BaseCommand):
    help = (
        "Load demo organisations, accounts and pages. Safe to run again: it changes nothing the second time."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo data is switched off here (DEMO_DATA_ALLOWED is false).")
        with transaction.atomic():
            accounts_demo.load()
            two_factor_demo.load()
            home = pages_demo.load()
            course = courses_demo.load(home)
            local_help_demo.load()
            h5p_demo.load(course)
            quizzes_demo.load(course)
            certificates_demo.load(course)
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
        self.stdout.write(
            "Demo logins (development only), password for each: "
            f"{accounts_demo.DEMO_PASSWORD}\n  "
            + ", ".join(accounts_demo.USERS)
            + "\nGroup codes: "
            + ", ".join(spec["group"]["join_code"] for spec in accounts_demo.ORGANISATIONS)
        )
        self.stdout.write(
            "Two-factor authentication (development only): "
            + ", ".join(two_factor_demo.WITH_SECOND_FACTOR)
            + f" use the secret {two_factor_demo.DEMO_TOTP_SECRET} in an authenticator app,"
            " or print a code with: python manage.py demo_totp NICKNAME"
        )
