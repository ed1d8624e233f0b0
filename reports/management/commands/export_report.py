import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Organisation
from common import exports
from common.languages import default_language, language_codes
from reports.data import report_data
from reports.scope import ReportScope, _courses, whole_ended_quarters
from reports.training_report import report_header, training_report


def _date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {text}") from None


class Command(BaseCommand):
    help = "Write the Peer Education Training Report (aggregates only, small cells suppressed)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "xlsx"], required=True)
        parser.add_argument("--output", required=True)
        parser.add_argument("--organisation", help="organisation slug (default: all)")
        parser.add_argument("--since", help="YYYY-MM-DD, first day of the period")
        parser.add_argument("--until", help="YYYY-MM-DD, last day of the period")
        parser.add_argument(
            "--language", choices=language_codes(), default=default_language(), help="language of the report"
        )

    def handle(self, *args, **options):
        since = _date(options["since"]) if options["since"] else None
        until = _date(options["until"]) if options["until"] else None
        if since and until and since > until:
            raise CommandError("The period ends before it starts.")
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with the slug {options['organisation']!r}.")
        with translation.override(options["language"]):
            courses = _courses()
            if not courses:
                raise CommandError("There is no course to report on.")
            # Files made here are handed to staff too: the same rule as the report page
            # for coordinators (reports/scope.py, whole_ended_quarters).
            scope = ReportScope(
                course=courses[0],
                since=since,
                until=until,
                organisation_id=organisation.pk if organisation else None,
                demographics=whole_ended_quarters(since, until),
            )
            data = report_data(scope)
            header = report_header(data, str(organisation) if organisation else "")
            sections = training_report(data)
            if options["format"] == "csv":
                with open(options["output"], "wb") as target:
                    target.write(exports.csv_bytes(header, sections))
            else:
                exports.write_xlsx(header, sections, options["output"], sheet=_("Training report"))
        self.stdout.write(f"{options['output']}: {len(data.trainees)} trainees in scope")
