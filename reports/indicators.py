"""The training report's indicators from per-trainee facts (TRAINING_REPORT.md): each
person counted once per indicator, disaggregated, small cells suppressed."""

from dataclasses import dataclass
from statistics import mean

from django.utils.translation import gettext_lazy as _

from accounts.models import AgeBand, Gender, WorkSetting
from common.languages import language_choices

from .suppression import hidden, is_small, label, protect, suppress

NOT_STATED = _("not stated")
UNDER_25 = {AgeBand.UNDER_20, AgeBand.FROM_20}


def _age_group(band):
    if not band:
        return ""
    return "under25" if band in UNDER_25 else "25plus"


AGE_GROUPS = {"under25": _("under 25"), "25plus": _("25 or older")}

# key, title, the trainee's raw value (cheap to group by), labels for raw values (or a
# function returning them)
DIMENSIONS = [
    ("organisation", _("Organisation"), lambda t: t.organisation, {}),
    ("country", _("Country"), lambda t: t.country, {}),
    ("city", _("City"), lambda t: t.city, {}),
    ("gender", _("Gender"), lambda t: t.gender, dict(Gender.choices)),
    ("age_group", _("Age: under 25 / 25 or older"), lambda t: _age_group(t.age_band), AGE_GROUPS),
    ("age_band", _("Age band"), lambda t: t.age_band, dict(AgeBand.choices)),
    ("work_setting", _("Work setting"), lambda t: t.work_setting, dict(WorkSetting.choices)),
    # Languages as settings name them, read when a report is made.
    ("language", _("Language used"), lambda t: t.language, lambda: dict(language_choices())),
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
ALL = ("all",)


def _categories(data, dimension_key) -> dict:
    """Category name -> its trainees, for one disaggregation."""
    _key, _title, raw_value, labels = next(d for d in DIMENSIONS if d[0] == dimension_key)
    groups = {}
    for trainee in data.trainees:
        groups.setdefault(_category_label(raw_value(trainee), labels), []).append(trainee)
    return dict(sorted(groups.items()))


def _nestings(data) -> list[tuple[str, str, dict]]:
    """(fine, coarse, fine category -> its coarse category) for every pair of dimensions
    where, in these data, each fine category lies within one coarse one (age bands in
    "under 25 / 25+", organisations in a country or city...): a reader can add the fine
    cells up to the coarse one, so both tables are suppressed as one."""
    names = {}
    for key, _title, raw_value, labels in DIMENSIONS:
        names[key] = [_category_label(raw_value(t), labels) for t in data.trainees]
    nestings = []
    for fine in names:
        for coarse in names:
            if fine == coarse:
                continue
            within = {}
            for f, c in zip(names[fine], names[coarse], strict=True):
                within.setdefault(f, set()).add(c)
            if all(len(cs) == 1 for cs in within.values()):
                nestings.append((fine, coarse, {f: next(iter(cs)) for f, cs in within.items()}))
    return nestings


def protected_counts(data) -> dict[str, dict]:
    """Per people-column (enrolled, completed, certified, took both tests): every cell
    the report, the dashboard and its charts publish — the "All" total, each category of
    each disaggregation and, for "certified", each month — suppressed together as one
    problem (common/disclosure.py), so no table gives away a cell hidden in another.
    Keys: ALL, (dimension, category name), ("month", "YYYY-MM")."""
    cached = getattr(data, "_protected_counts", None)
    if cached is not None:
        return cached
    per_dimension = {key: _categories(data, key) for key, *_rest in DIMENSIONS}
    nestings = _nestings(data)
    result = {}
    for column in PEOPLE_COLUMNS:
        cells = {ALL: _people(counts(data.trainees))[column]}
        constraints = []
        for key, categories in per_dimension.items():
            for name, members in categories.items():
                cells[(key, name)] = _people(counts(members))[column]
            constraints.append((ALL, [(key, name) for name in categories]))
        for fine, coarse, within in nestings:
            for coarse_name in per_dimension[coarse]:
                parts = [(fine, f) for f, c in within.items() if c == coarse_name]
                constraints.append(((coarse, coarse_name), parts))
        if column == "certified" and data.certificates_by_month:
            months = {("month", month): n for month, n in data.certificates_by_month.items()}
            cells.update(months)
            # The months add up to the period's certified people (one certificate each);
            # were they ever not to, a reader could still bound them: kept as a relation.
            if sum(months.values()) == cells[ALL]:
                constraints.append((ALL, list(months)))
        result[column] = protect(cells, constraints)
    data._protected_counts = result  # the dashboard asks for it several times
    return result


def total_row(data) -> list:
    total = counts(data.trainees)
    protected = protected_counts(data)
    shown = {column: protected[column][ALL] for column in PEOPLE_COLUMNS}
    shown.update(pre_mean=total.pre_mean, post_mean=total.post_mean, gain=total.gain)
    return _row(_("All"), shown, not hidden(shown["both"]) and total.both > 0)


def _people(c: Counts) -> dict:
    return {"enrolled": c.enrolled, "completed": c.completed, "certified": c.certified, "both": c.both}


def dimension_rows(data, dimension_key) -> list[list]:
    """Rows for one disaggregation: each people-column suppressed with the total row, the
    other tables it nests in and the months (protected_counts)."""
    protected = protected_counts(data)
    rows = []
    for name, members in _categories(data, dimension_key).items():
        c = counts(members)
        shown = {column: protected[column][(dimension_key, name)] for column in PEOPLE_COLUMNS}
        shown.update(pre_mean=c.pre_mean, post_mean=c.post_mean, gain=c.gain)
        rows.append(_row(name, shown, not hidden(shown["both"]) and shown["both"] > 0))
    return rows


def months_shown(data) -> list[tuple[str, int | None]]:
    """Certificates per month as the chart may show them: hidden where the report's
    suppression hides them ("<5" or "x"), never drawn to their real size."""
    certified = protected_counts(data)["certified"]
    return [(month, certified[("month", month)]) for month in sorted(data.certificates_by_month)]


def module_rows(data) -> list[list]:
    """Completions per module in the period (people may finish several modules, so these
    cells do not add up to a total: primary suppression only)."""
    shown = suppress(data.module_completions, additive=False)
    rows = []
    for module in data.modules:
        stats = data.quiz_stats.get(data.module_quizzes.get(module.translation_key), None)
        takers = stats["takers"] if stats else 0
        passed = stats["passers"] if stats else 0
        visible = not is_small(takers) and takers > 0
        rows.append(
            [
                module.title,
                label(shown[module.translation_key]),
                label(None if is_small(takers) else takers),
                f"{round(100 * passed / takers)}%" if visible else "—",
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
    """The dashboard's top line, people counts suppressed like every other cell."""
    trainees = data.trainees
    end = data.scope.end
    values = {
        "registered": sum(end is None or t.joined < end for t in trainees),
        "active": sum(t.active for t in trainees),
        "enrolled": sum(t.enrolled for t in trainees),
        "completed": sum(t.completed for t in trainees),
        "certified": sum(t.certified for t in trainees),
    }
    shown = {key: (None if is_small(value) else value) for key, value in values.items()}
    # The counts that the report's tables and charts add up to: suppressed with them.
    protected = protected_counts(data)
    shown.update({key: protected[key][ALL] for key in ("enrolled", "completed", "certified")})
    result = {key: label(value) for key, value in shown.items()}
    result["completion_rate"] = _rate(shown["completed"], shown["enrolled"])
    return result
