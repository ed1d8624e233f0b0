from django.core.management.base import BaseCommand, CommandError

from elearn.privacy import purge_inactive


class Command(BaseCommand):
    help = (
        "Delete trainees' accounts not used for DAYS days the way a trainee deletes their own: "
        "nickname and profile gone, statistics kept anonymously, certificates verifiable without a name."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, required=True)

    def handle(self, *args, days, **options):
        if days < 30:
            raise CommandError("--days must be at least 30, so that no one active loses their account.")
        self.stdout.write(f"{purge_inactive(days)} inactive accounts deleted.")
