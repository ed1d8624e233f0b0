from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from elearn.housekeeping import MIN_INACTIVE_DAYS
from elearn.privacy import purge_inactive


class Command(BaseCommand):
    help = (
        "Delete trainees' accounts not used for DAYS days (default: INACTIVE_ACCOUNT_DAYS) the way a "
        "trainee deletes their own: nickname and profile gone, statistics kept anonymously, "
        "certificates verifiable without a name. `housekeeping` runs this every day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days, **options):
        days = settings.INACTIVE_ACCOUNT_DAYS if days is None else days
        if days < MIN_INACTIVE_DAYS:
            raise CommandError(
                f"--days must be at least {MIN_INACTIVE_DAYS}, so that no one active loses their account."
            )
        self.stdout.write(f"{purge_inactive(days)} inactive accounts deleted.")
