"""The Peer Education Training Report as sections of rows: the same rows feed the HTML
page, the PDF, CSV and XLSX, so every output shows the same (suppressed) numbers."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organisation
from common.exports import Section

from .cells import QUESTION_OF, breakdown_dimensions, demographics_withheld
from .data import NOT_ASKED
from .indicators import COLUMNS, DIMENSIONS, MODULE_COLUMNS, dimension_rows, module_rows, total_row
from .scope import QUARTERS_ONLY
from .suppression import threshold


class Note(Section):
    """A section that is a sentence, not a table (its one column heading is the text)."""

    is_note = True


def note(title, text) -> Note:
    return Note(str(title), [str(text)], [])


def training_report(data, demographics_from=None) -> list[Section]:
    """Every section of the report. Where the period may not show who people are
    (ReportScope.demographics), a note stands in for the gender, age and work setting
    breakdowns; or, given `demographics_from` (the dashboard: the report of the last ended
    quarter), that report's breakdowns, titled with their period."""
    sections = [Section(_("All trainees"), [""] + [str(c) for c in COLUMNS], [total_row(data)])]
    withheld, placed = demographics_withheld(data), False
    shown = breakdown_dimensions(data)
    for key, _title, _value, _labels in DIMENSIONS:
        if key in QUESTION_OF and withheld:
            if not placed:  # where the first of them would be
                sections += _withheld_sections(demographics_from)
                placed = True
        elif key in shown:
            sections.append(_dimension_section(data, key))
    sections.append(Section(_("Modules"), [str(c) for c in MODULE_COLUMNS], module_rows(data)))
    return sections


def _withheld_sections(demographics_from) -> list[Section]:
    title = _("Gender, age and work setting")
    if demographics_from is None:
        return [note(title, QUARTERS_ONLY)]
    period = _period(demographics_from.scope)
    sections = [
        note(
            title,
            _(
                "Shown for the last ended quarter, %(period)s, not for the period chosen above: "
                "this way two reports cannot be subtracted from each other to learn about one person."
            )
            % {"period": period},
        )
    ]
    for key in breakdown_dimensions(demographics_from):
        if key in QUESTION_OF:
            section = _dimension_section(demographics_from, key)
            sections.append(Section(f"{section.title}, {period}", section.columns, section.rows))
    return sections


def _dimension_section(data, key) -> Section:
    _key, title, _value, _labels = next(d for d in DIMENSIONS if d[0] == key)
    heading = str(title)
    question = QUESTION_OF.get(key)
    if question and any(getattr(t, question) == NOT_ASKED for t in data.population):
        # Some of the report's trainees were never asked: say whose answers these are.
        askers = data.asking[question]
        heading = _("%(breakdown)s (only organisations that ask: %(organisations)s)") % {
            "breakdown": title,
            "organisations": ", ".join(sorted(str(o) for o in Organisation.objects.filter(pk__in=askers))),
        }
    return Section(heading, [str(title)] + [str(c) for c in COLUMNS], dimension_rows(data, key))


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
