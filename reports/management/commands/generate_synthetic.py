import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reports.synthetic import generate


class Command(BaseCommand):
    help = "Make N synthetic trainees with progress, attempts and certificates (for scale tests)."

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, trainees, seed, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Synthetic data is switched off here (DEMO_DATA_ALLOWED is false).")
        if trainees < 1:
            raise CommandError("--trainees must be at least 1.")
        started = time.perf_counter()
        try:
            made = generate(trainees, seed)
        except ValueError as problem:
            raise CommandError(str(problem)) from None
        made["seconds"] = round(time.perf_counter() - started, 1)
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in made.items()))
