"""The training report's indicators from per-trainee facts (TRAINING_REPORT.md): each
person counted once per indicator, disaggregated, small cells suppressed."""

from dataclasses import dataclass
from statistics import mean

from django.utils.translation import gettext_lazy as _

from accounts.models import AgeBand, Country, Gender, WorkSetting
from common.languages import language_choices

from .cells import VALUES, counts_somewhere, protected_cells
from .data import NOT_ASKED
from .suppression import hidden, label

NOT_STATED = _("not stated")
AGE_GROUPS = {"under25": _("under 25"), "25plus": _("25 or older")}

# key, title, the trainee's raw value (reports/cells.py), labels for raw values (or a
# function returning them)
DIMENSIONS = [
    ("organisation", _("Organisation"), VALUES["organisation"], {}),
    ("country", _("Country"), VALUES["country"], dict(Country.choices)),  # "Україна", not "UA"
    ("city", _("City"), VALUES["city"], {}),
    ("gender", _("Gender"), VALUES["gender"], dict(Gender.choices)),
    ("age_group", _("Age: under 25 / 25 or older"), VALUES["age_group"], AGE_GROUPS),
    ("age_band", _("Age band"), VALUES["age_band"], dict(AgeBand.choices)),
    ("work_setting", _("Work setting"), VALUES["work_setting"], dict(WorkSetting.choices)),
    # Languages as settings name them, read when a report is made.
    ("language", _("Language used"), VALUES["language"], lambda: dict(language_choices())),
]


def _category_label(raw, labels) -> str:
    if not raw:
        return str(NOT_STATED)
    if callable(labels):
        labels = labels()
    return str(labels.get(raw, raw))


COLUMNS = [
    _("Enrolled"),
    _("Completed"),
    _("Completion rate"),
    _("Certified"),
    _("Took both tests"),
    _("Mean pre-test, %"),
    _("Mean final test, %"),
    _("Knowledge gain, points"),
]


@dataclass(frozen=True)
class Counts:
    enrolled: int
    completed: int
    certified: int
    both: int
    pre_mean: float | None
    post_mean: float | None

    @property
    def gain(self):
        return None if self.pre_mean is None else round(self.post_mean - self.pre_mean, 1)


def counts(trainees) -> Counts:
    tested = [t for t in trainees if t.pre is not None and t.post is not None]
    return Counts(
        enrolled=sum(t.enrolled for t in trainees),
        completed=sum(t.completed for t in trainees),
        certified=sum(t.certified for t in trainees),
        both=len(tested),
        pre_mean=round(mean(t.pre for t in tested), 1) if tested else None,
        post_mean=round(mean(t.post for t in tested), 1) if tested else None,
    )


def _rate(completed, enrolled):
    if hidden(completed) or hidden(enrolled) or not enrolled:
        return "—"
    return f"{round(100 * completed / enrolled)}%"


def _row(name, shown, gain_shown):
    """One table row from counts whose people-cells may be hidden (None)."""
    enrolled, completed, certified, both = (
        shown["enrolled"],
        shown["completed"],
        shown["certified"],
        shown["both"],
    )
    means = ("—", "—", "—") if not gain_shown else (shown["pre_mean"], shown["post_mean"], shown["gain"])
    return [
        str(name),
        label(enrolled),
        label(completed),
        _rate(completed, enrolled),
        label(certified),
        label(both),
    ] + ["—" if value is None else value for value in means]


PEOPLE_COLUMNS = ("enrolled", "completed", "certified", "both")


def _categories(data, dimension_key) -> dict:
    """Category name -> (raw value, its trainees in the report's view), for one breakdown.
    Trainees whose organisation does not ask the question are in no category."""
    _key, _title, raw_value, labels = next(d for d in DIMENSIONS if d[0] == dimension_key)
    groups = {}
    for trainee in data.trainees:
        raw = raw_value(trainee)
        if raw == NOT_ASKED or not counts_somewhere(trainee):
            continue  # not asked, or counts nowhere (joined after the period): no row of theirs
        groups.setdefault(_category_label(raw, labels), (raw, []))[1].append(trainee)
    return dict(sorted(groups.items()))


def total_row(data) -> list:
    total = counts(data.trainees)
    cells = protected_cells(data)
    shown = {column: cells.shown(column) for column in PEOPLE_COLUMNS}
    shown.update(pre_mean=total.pre_mean, post_mean=total.post_mean, gain=total.gain)
    return _row(_("All"), shown, not hidden(shown["both"]) and total.both > 0)


def _people(c: Counts) -> dict:
    return {"enrolled": c.enrolled, "completed": c.completed, "certified": c.certified, "both": c.both}


def dimension_rows(data, dimension_key) -> list[list]:
    """Rows for one breakdown: each people-column suppressed with every other cell of
    every view of the report (reports/cells.py). Means only over a shown count of people."""
    cells = protected_cells(data)
    rows = []
    for name, (raw, members) in _categories(data, dimension_key).items():
        c = counts(members)
        shown = {column: cells.shown(column, [(dimension_key, raw)]) for column in PEOPLE_COLUMNS}
        shown.update(pre_mean=c.pre_mean, post_mean=c.post_mean, gain=c.gain)
        rows.append(_row(name, shown, not hidden(shown["both"]) and shown["both"] > 0))
    return rows


def months_shown(data) -> list[tuple[str, int | None]]:
    """Certificates per month as the chart may show them: hidden where the report's
    suppression hides them ("<5" or "x"), never drawn to their real size."""
    cells = protected_cells(data)
    return [
        (month, cells.shown("certified", [("month", month)])) for month in sorted(data.certificates_by_month)
    ]


def module_completions_shown(data) -> dict:
    """Module key -> people who completed it in the period, protected."""
    cells = protected_cells(data)
    return {
        module.translation_key: cells.shown(f"module:{module.translation_key}") for module in data.modules
    }


def module_rows(data) -> list[list]:
    """Per module: people who completed it in the period, people who took its test, their
    pass rate and mean scores. Each count protected with the same count in every other
    view of the report; a rate or mean only over a shown count of people."""
    cells = protected_cells(data)
    completions = module_completions_shown(data)
    rows = []
    for module in data.modules:
        quiz_id = data.module_quizzes.get(module.translation_key)
        stats = data.quiz_stats.get(quiz_id)
        takers = cells.shown(f"test:{quiz_id}") if stats else 0
        visible = not hidden(takers) and takers > 0
        rows.append(
            [
                module.title,
                label(completions[module.translation_key]),
                label(takers),
                f"{round(100 * stats['passers'] / stats['takers'])}%" if visible else "—",
                round(mean(stats["first"]), 1) if visible else "—",
                round(mean(stats["best"]), 1) if visible else "—",
            ]
        )
    return rows


MODULE_COLUMNS = [
    _("Module"),
    _("Completed"),
    _("Took the test"),
    _("Pass rate"),
    _("Mean first try, %"),
    _("Mean best try, %"),
]


def headline(data) -> dict:
    """The dashboard's top line, each count protected with every other view of the report."""
    cells = protected_cells(data)
    shown = {key: cells.shown(key) for key in ("registered", "active", "enrolled", "completed", "certified")}
    result = {key: label(value) for key, value in shown.items()}
    result["completion_rate"] = _rate(shown["completed"], shown["enrolled"])
    return result
