from django.core.management.base import BaseCommand, CommandError

from common.languages import default_language, language_codes
from h5p.services import package_import
from h5p.validation import PackageRefused


class Command(BaseCommand):
    help = "Check and import an H5P package; print the new content's id."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--title", required=True)
        parser.add_argument("--language", default=default_language(), choices=language_codes())

    def handle(self, *args, path, title, language, **options):
        try:
            with open(path, "rb") as package:
                content = package_import(file=package, title=title, language=language)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        except PackageRefused as refused:
            raise CommandError(str(refused.message)) from None
        self.stdout.write(str(content.pk))
