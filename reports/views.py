"""The coordinators' dashboard, the printable training report and the exports, in the
Wagtail admin. Every view reads the filters, holds coordinators to their organisation
and refuses invalid filters with the form's message. A refusal is a plain 403 that says
why (accounts/access.py): no permission for reports, or another organisation's data."""

from dataclasses import replace

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accounts.access import SEE_REPORTS, refusals_as_403, require
from accounts.models import Organisation
from common import exports
from common.exports import Section

from .cells import demographics_withheld, protected_cells
from .charts import bar_chart
from .data import report_data
from .indicators import headline, module_completions_shown, months_shown
from .scope import DEMOGRAPHIC_FILTERS, ReportFilterForm, ended_quarters, scope_for
from .training_report import report_header, trainee_columns, trainee_rows, training_report

# A list that names trainees is never narrowed by who they are (DEMOGRAPHIC_FILTERS):
# filtering it by gender, age or work setting would tie nicknames to them, a few
# downloads at a time.


def _read(request, *, names_trainees=False):
    """(form, data): data is None when the filters are invalid or there is no course."""
    require(request.user, SEE_REPORTS)
    query = request.GET.copy()
    if names_trainees:
        for name in DEMOGRAPHIC_FILTERS:
            query.pop(name, None)
    form = ReportFilterForm(query or None, user=request.user, one_filter=not names_trainees)
    if query and not form.is_valid():
        return form, None
    scope = scope_for(request.user, form.cleaned_data if form.is_bound else {})
    if scope.course is None:
        return form, None
    return form, report_data(scope)


def _organisation_name(data):
    organisation_id = data.scope.organisation_id or data.scope.organisation_filter
    if not organisation_id:
        return ""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    return str(organisation) if organisation else ""


@refusals_as_403
def dashboard(request):
    form, data = _read(request)
    trainee_query = request.GET.copy()
    for name in DEMOGRAPHIC_FILTERS:
        trainee_query.pop(name, None)
    context = {
        "form": form,
        "data": data,
        "query": request.GET.urlencode(),
        "trainee_query": trainee_query.urlencode(),
    }
    if data is not None:
        # Every bar as the report's tables show it (suppressed with them).
        cells = protected_cells(data)
        completions = module_completions_shown(data)
        funnel = [(_("Enrolled"), cells.shown("enrolled"))]
        for module in data.modules:
            funnel.append((module.title, completions[module.translation_key]))
        funnel += [
            (_("Completed the course"), cells.shown("completed")),
            (_("Certified"), cells.shown("certified")),
        ]
        # Months and the period total are one table: suppressed together, with every
        # other table that adds up to the same total.
        months = months_shown(data)
        context.update(
            headline=headline(data),
            funnel=bar_chart(_("From enrolment to certificate"), funnel, (_("Step"), _("Trainees"))),
            months=bar_chart(_("Certificates per month"), months, (_("Month"), _("Certified"))),
            sections=training_report(data, demographics_from=_last_quarter(data)),
        )
    return TemplateResponse(request, "reports/dashboard.html", context)


def _last_quarter(data):
    """The dashboard's gender, age and work setting breakdowns when the chosen period may
    not show them: the same report for the last ended quarter, which never changes from
    one day to the next (reports/scope.py)."""
    if not demographics_withheld(data):
        return None
    since, until = ended_quarters(count=1)[0]
    return report_data(replace(data.scope, since=since, until=until, demographics=True))


@refusals_as_403
def report_page(request):
    form, data = _read(request)
    if data is None:
        return TemplateResponse(request, "reports/dashboard.html", {"form": form, "data": None}, status=400)
    context = {"header": report_header(data, _organisation_name(data)), "sections": training_report(data)}
    return TemplateResponse(request, "reports/training_report.html", context)


@refusals_as_403
def report_export(request, fmt):
    form, data = _read(request)
    if data is None:
        return TemplateResponse(request, "reports/dashboard.html", {"form": form, "data": None}, status=400)
    header, sections = report_header(data, _organisation_name(data)), training_report(data)
    if fmt == "csv":
        return exports.csv_response(header, sections, "training-report")
    if fmt == "xlsx":
        return exports.xlsx_response(header, sections, "training-report", sheet=_("Training report"))
    if fmt == "pdf":
        response = HttpResponse(exports.pdf_bytes(header, sections), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="training-report.pdf"'
        return response
    raise Http404


@refusals_as_403
def trainee_export(request, fmt):
    """Nicknames and scores: the coordinator's own organisation only (admins: the one they
    filter to, or all)."""
    form, data = _read(request, names_trainees=True)
    if data is None:
        return TemplateResponse(request, "reports/dashboard.html", {"form": form, "data": None}, status=400)
    header = [(_("Trainees"), ""), (_("Course"), data.scope.course.title)]
    sections = [Section(_("Trainees"), trainee_columns(), trainee_rows(data))]
    if fmt == "csv":
        return exports.csv_response(header, sections, "trainees")
    if fmt == "xlsx":
        return exports.xlsx_response(header, sections, "trainees", sheet=_("Trainees"))
    raise Http404
