"""Every count a report can publish, in every view a coordinator can ask for, protected
as one problem (common/disclosure.py), so that no view gives away a cell hidden in another.

A report can be filtered by one of organisation (admins), city, training group,
language, gender, age band or work setting (reports/scope.py). A filtered report is a
part of the unfiltered one: "all" minus "women" is everyone who is not a woman. So the
cells of every filtered view (its total and its breakdowns: the two-way table of the
filter against each breakdown) are suppressed together with the unfiltered report's,
over the report's whole population, whichever view was asked for: each view shows its
part of the one protected set of cells (docs/decisions.md, "Filtered reports").

Cells are the sets of people they count: two cells that hold the same people (a city
with a single organisation, an age band and its filter) are one cell, shown the same
everywhere. Pure Python over reports.data.TraineeFacts."""

from collections.abc import Callable

from .data import NOT_ASKED
from .suppression import protect

ALL: frozenset = frozenset()  # the cell of everyone: no condition


def _age_group(band: str) -> str:
    if not band or band == NOT_ASKED:
        return band
    return "under25" if band in ("lt20", "20-24") else "25plus"


# Dimension key -> the person's value. Breakdowns are by the first eight (reports/indicators.py);
# filters by FILTERS; "month" (of the certificate) only for "certified".
VALUES: dict[str, Callable] = {
    "organisation": lambda t: t.organisation,
    "country": lambda t: t.country,
    "city": lambda t: t.city,
    "gender": lambda t: t.gender,
    "age_group": lambda t: _age_group(t.age_band),
    "age_band": lambda t: t.age_band,
    "work_setting": lambda t: t.work_setting,
    "language": lambda t: t.language,
    "organisation_id": lambda t: t.organisation_id,
    "group_id": lambda t: t.group_id,
    "month": lambda t: t.certified_month,
}
FILTERS = ("organisation_id", "city", "group_id", "language", "gender", "age_band", "work_setting")
QUESTION_OF = {
    "gender": "gender",
    "age_group": "age_band",
    "age_band": "age_band",
    "work_setting": "work_setting",
}

# Column -> whether a person counts in it. Table columns are broken down; the others are
# shown per view only (a view's total).
TABLE_COLUMNS = {
    "enrolled": lambda t: t.enrolled,
    "completed": lambda t: t.completed,
    "certified": lambda t: t.certified,
    "both": lambda t: t.pre is not None and t.post is not None,
}
VIEW_COLUMNS = {
    "registered": lambda t: t.registered,
    "active": lambda t: t.active,
}


def counts_somewhere(person) -> bool:
    """Whether `person` counts in any cell of the report. Someone who does not (say, who
    joined after the period) changes no count, and is left out of the tables: else their
    sign-up could add a row (or move a hidden cell) in an ended period's report, and
    re-viewing it would tell what they answered."""
    return bool(
        person.registered
        or person.active
        or person.modules_completed
        or person.tests
        or any(counted(person) for counted in TABLE_COLUMNS.values())
    )


def _by_question_shown(data, key) -> bool:
    """A breakdown or filter by an optional question: only where some organisation in scope
    asks it, and only for a period that may show who people are (ReportScope.demographics).
    Left out, it is no part of the protection either: what is hidden around the totals
    then says nothing about it."""
    if key not in QUESTION_OF:
        return True
    return bool(data.scope.demographics and data.asking.get(QUESTION_OF[key]))


def breakdown_dimensions(data) -> list[str]:
    """The breakdowns the report shows."""
    shown = ["organisation", "country", "city", "gender", "age_group", "age_band", "work_setting", "language"]
    return [key for key in shown if _by_question_shown(data, key)]


def demographics_withheld(data) -> bool:
    """Whether the report leaves out breakdowns by questions its organisations ask, because
    of its period."""
    return not data.scope.demographics and any(data.asking.get(q) for q in set(QUESTION_OF.values()))


class ProtectedCells:
    """What each view may show. `shown(column, conditions)`: the count of the people in
    the current view meeting `conditions` ((dimension, value) pairs), or None / SECONDARY."""

    def __init__(self, data):
        self.data = data
        population = self._population = [t for t in data.population if counts_somewhere(t)]
        self.view = frozenset((name, value) for name, value in data.scope.filters())
        if len(self.view) > 1:
            raise ValueError("A report is filtered by one filter at a time (reports/scope.py).")
        breakdowns = breakdown_dimensions(data)
        filters = [key for key in FILTERS if _by_question_shown(data, key)]
        if any(name not in filters for name, _value in self.view):
            raise ValueError("This filter is not available for the report's period (reports/scope.py).")
        values = {key: [VALUES[key](t) for t in population] for key in VALUES}
        self._canonical: dict[frozenset, frozenset] = {}  # conditions -> the people they hold
        self._pairs: dict = {}  # (dimension, dimension) -> their two-way cells
        self._values = values

        columns = {}
        for name in TABLE_COLUMNS:
            tables = breakdowns + (["month"] if name == "certified" else [])
            columns[name] = (tables, filters)
        for name in VIEW_COLUMNS:
            columns[name] = ([], filters)
        self.modules = {}
        for module in data.modules:
            key = module.translation_key
            self.modules[f"module:{key}"] = lambda t, key=key: key in t.modules_completed
        for quiz_id in data.module_quizzes.values():
            self.modules[f"test:{quiz_id}"] = lambda t, quiz_id=quiz_id: quiz_id in t.tests
        for name in self.modules:
            columns[name] = ([], filters)
        counts_of = {**TABLE_COLUMNS, **VIEW_COLUMNS, **self.modules}

        self._shown = {}
        self.problems = {}  # column -> (cells, constraints): what a reader can combine
        self._ids = {}  # column -> a cell's people -> its number in the problem
        problems: dict[tuple, tuple] = {}  # (tables, filters) -> (cells' people, constraints)
        for name, (tables, filter_keys) in columns.items():
            shape = (tuple(tables), tuple(filter_keys))
            if shape not in problems:
                problems[shape] = self._problem(population, tables, filter_keys)
            ids, constraints = problems[shape]
            counts = [bool(counts_of[name](t)) for t in population]
            cells = {number: sum(counts[i] for i in members) for members, number in ids.items()}
            self.problems[name] = (cells, constraints)
            self._ids[name] = ids
            self._shown[name] = protect(cells, constraints)

    def _cell(self, conditions: frozenset, population_size: int) -> frozenset:
        """The people meeting `conditions`, remembered under them."""
        members = self._canonical.get(conditions)
        if members is None:
            members = frozenset(
                i
                for i in range(population_size)
                if all(self._values[key][i] == value for key, value in conditions)
            )
            self._canonical[conditions] = members
        return members

    def _problem(self, population, tables, filter_keys):
        """Every cell of every view (as sets of people) and every "total = sum of parts"
        a reader could use between them."""
        everyone = frozenset(range(len(population)))
        self._canonical[ALL] = everyone
        dimensions = list(dict.fromkeys([*tables, *filter_keys]))
        one_way = {key: self._partition(key, everyone) for key in dimensions}
        people = {everyone}
        constraints = []
        for parts in one_way.values():
            people.update(parts.values())
            constraints.append((everyone, list(parts.values())))
        nested = self._nested(dimensions)
        # Nested breakdowns (age bands in "under 25 / 25+", groups in their organisation):
        for fine, coarse in nested:
            constraints += self._nesting(one_way[fine], one_way[coarse], nested[(fine, coarse)])
        # Each filtered view against each breakdown: a two-way table with both margins,
        # and within each view the nested breakdowns again.
        for filter_key in filter_keys:
            rows = {}  # (breakdown, filter value) -> value -> people
            for table in tables:
                if table == filter_key:
                    continue
                two_way = self._two_way(filter_key, table)
                people.update(two_way.values())
                columns = {}
                for (value, category), members in two_way.items():
                    rows.setdefault((table, value), {})[category] = members
                    columns.setdefault(category, []).append(members)
                for value, members in one_way[filter_key].items():
                    constraints.append((members, list(rows[(table, value)].values())))
                for category, members in one_way[table].items():
                    constraints.append((members, columns[category]))
            for (fine, coarse), mapping in nested.items():
                for value in one_way[filter_key]:
                    if (fine, value) in rows and (coarse, value) in rows:
                        constraints += self._nesting(rows[(fine, value)], rows[(coarse, value)], mapping)
        # Cells are numbered: cheap keys for the suppression, whatever the population.
        ids = {members: number for number, members in enumerate(people) if members}
        useful = set()
        for total, parts in constraints:
            parts = tuple(sorted({ids[part] for part in parts if part}))
            if total and parts and parts != (ids[total],):
                useful.add((ids[total], parts))
        return ids, [(total, list(parts)) for total, parts in sorted(useful)]

    def _two_way(self, first, second) -> dict:
        """(value of `first`, value of `second`) -> the people with both (non-empty only),
        each remembered under its conditions; computed once per pair."""
        cached = self._pairs.get((first, second))
        if cached is None:
            groups: dict = {}
            for i, pair in enumerate(zip(self._values[first], self._values[second], strict=True)):
                groups.setdefault(pair, []).append(i)
            cached = self._pairs[(first, second)] = {
                (a, b): self._canonical.setdefault(frozenset([(first, a), (second, b)]), frozenset(members))
                for (a, b), members in groups.items()
            }
        return cached

    def _nested(self, dimensions) -> dict:
        """(fine, coarse) -> fine value -> its coarse value, for every pair of dimensions
        where each fine value lies within one coarse value."""
        nested = {}
        for fine in dimensions:
            for coarse in dimensions:
                if fine == coarse:
                    continue
                mapping = {}
                for f, c in zip(self._values[fine], self._values[coarse], strict=True):
                    if mapping.setdefault(f, c) != c:
                        break
                else:
                    nested[(fine, coarse)] = mapping
        return nested

    def _partition(self, key, members: frozenset, *, within=()) -> dict:
        """`members` split by dimension `key`: value -> people (non-empty parts only),
        each remembered under its conditions."""
        parts: dict = {}
        values = self._values[key]
        for i in members:
            parts.setdefault(values[i], []).append(i)
        result = {}
        for value, part in parts.items():
            conditions = frozenset([*within, (key, value)])
            result[value] = self._canonical.setdefault(conditions, frozenset(part))
        return result

    @staticmethod
    def _nesting(fine: dict, coarse: dict, mapping: dict) -> list:
        """Each coarse cell = the sum of the fine cells within it."""
        within = {}
        for value, members in fine.items():
            within.setdefault(mapping[value], []).append(members)
        return [(coarse[value], parts) for value, parts in within.items() if value in coarse]

    def shown(self, column: str, conditions=()):
        """The protected count for `column` of the people in the current view meeting
        `conditions`; 0 when there is no one."""
        members = self._canonical.get(self.view | frozenset(conditions))
        if members is None:
            members = self._cell(self.view | frozenset(conditions), len(self._population))
        if not members:
            return 0
        return self._shown[column][self._ids[column][members]]


def protected_cells(data) -> ProtectedCells:
    """One protection per report data (the dashboard asks for it several times)."""
    cached = getattr(data, "_protected_cells", None)
    if cached is None:
        cached = data._protected_cells = ProtectedCells(data)
    return cached
