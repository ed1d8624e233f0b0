"""The Peer Education Training Report as sections of rows: the same rows feed the HTML
page, the PDF, CSV and XLSX, so every output shows the same (suppressed) numbers."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organisation
from common.exports import Section

from .cells import QUESTION_OF, breakdown_dimensions
from .data import NOT_ASKED
from .indicators import COLUMNS, DIMENSIONS, MODULE_COLUMNS, dimension_rows, module_rows, total_row
from .suppression import threshold


def training_report(data) -> list[Section]:
    sections = [Section(_("All trainees"), [""] + [str(c) for c in COLUMNS], [total_row(data)])]
    shown = breakdown_dimensions(data)
    for key, title, _value, _labels in DIMENSIONS:
        if key not in shown:
            continue  # no organisation in the report asks this question
        heading = str(title)
        question = QUESTION_OF.get(key)
        if question and any(getattr(t, question) == NOT_ASKED for t in data.population):
            # Some of the report's trainees were never asked: say whose answers these are.
            askers = data.asking[question]
            heading = _("%(breakdown)s (only organisations that ask: %(organisations)s)") % {
                "breakdown": title,
                "organisations": ", ".join(
                    sorted(str(o) for o in Organisation.objects.filter(pk__in=askers))
                ),
            }
        sections.append(Section(heading, [str(title)] + [str(c) for c in COLUMNS], dimension_rows(data, key)))
    sections.append(Section(_("Modules"), [str(c) for c in MODULE_COLUMNS], module_rows(data)))
    return sections


def _period(scope) -> str:
    """The period in words: never "… – …" when a date (or both) was left out."""
    since = scope.since.isoformat() if scope.since else None
    until = scope.until.isoformat() if scope.until else None
    if since and until:
        return f"{since} – {until}"
    if since:
        return _("from %(date)s") % {"date": since}
    if until:
        return _("until %(date)s") % {"date": until}
    return _("all time")


def report_header(data, organisation_name="") -> list[tuple[str, str]]:
    scope = data.scope
    period = _period(scope)
    return [
        (_("Peer Education Training Report"), ""),
        (_("Course"), scope.course.title if scope.course else "—"),
        (_("Period"), period),
        (_("Organisation"), organisation_name or _("All")),
        (_("Made"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        (_("Cells for fewer than %(n)s people are shown as “<%(n)s”.") % {"n": threshold()}, ""),
        (_("“x”: hidden so that a small cell cannot be worked out from the total."), ""),
    ]


TRAINEE_COLUMNS = [
    gettext_lazy("Nickname"),
    gettext_lazy("Training group"),
    gettext_lazy("Modules done"),
    gettext_lazy("Pre-test, %"),
    gettext_lazy("Final test, %"),
    gettext_lazy("Certificate code"),
]


def trainee_rows(data) -> list[list]:
    """The per-trainee list (own organisation only: the views make sure). Erased accounts
    are no one: they count in the aggregates only."""
    total = len(data.modules)
    people = [t for t in data.trainees if not t.erased]
    return [
        [
            t.nickname,
            t.group,
            f"{t.modules_done}/{total}",
            "" if t.pre is None else t.pre,
            "" if t.post is None else t.post,
            t.certificate_code,
        ]
        for t in sorted(people, key=lambda t: (t.group, t.nickname.lower()))
    ]


def trainee_columns():
    return [str(name) for name in TRAINEE_COLUMNS]
