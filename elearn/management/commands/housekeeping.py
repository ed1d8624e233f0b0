from django.core.management.base import BaseCommand, CommandError

from elearn.housekeeping import housekeeping


class Command(BaseCommand):
    help = (
        "Run daily (docs/deploy.md): delete trainees' accounts unused for INACTIVE_ACCOUNT_DAYS, "
        "expired sessions, expired log-in throttling records and H5P saved progress older than "
        "H5P_STATE_KEEP_DAYS, and compressed copies of deleted H5P files."
    )

    def handle(self, *args, **options):
        try:
            swept = housekeeping()
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{swept.accounts} inactive accounts deleted, {swept.sessions} expired sessions, "
            f"{swept.throttle_records} expired log-in throttling records, "
            f"{swept.h5p_states} old H5P saved states, "
            f"{swept.h5p_wire_orphans} orphaned H5P compressed copies removed."
        )
