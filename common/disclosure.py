"""Disclosure control for counts of people: the one rule every aggregate follows (the
dashboard, the training report and its exports, the charts, the test statistics), so that
no number lets a reader single out a person.

The rule (TRAINING_REPORT.md, "Small cells"):

- Primary suppression: a cell counting 1 to threshold-1 people is hidden, shown as "<5"
  (the threshold is settings.REPORT_SMALL_CELL_THRESHOLD, 5 unless set).
- A table (or set of linked tables) counting 1 to threshold-1 people in all
  shows no count at all, zeros included.
- Otherwise zeros are shown: a zero is no one. A shown zero cannot give a hidden cell away because
  the next rule never counts on zeros: what protects hidden cells is the sum of the
  *non-zero* hidden cells.
- Complementary suppression: wherever cells add up to a total (a row of categories and the
  "All" cell, age bands and their "under 25" group, the months and the period, the
  organisations and their country), either none of the cells is hidden, or at least two are,
  the hidden ones together count at least the threshold, and none of them is pinned by
  what its label tells (a "<5" is 1 to 4, an "x" at least 5) — otherwise the next smallest
  non-zero shown cell is hidden too ("x"); when no cell is left to hide, the total is
  hidden. A hidden total is itself a cell of the table above it, and a hidden total whose
  parts were all shown would be their sum, so one of its parts is hidden too.
- Nested tables are one problem: every relation "total = sum of parts" a reader could
  use is a constraint of the same problem, and the rule is applied to all of them again and
  again until nothing changes (a fixed point), so a cell hidden in one table is protected
  in every table it adds up into.

This is the practice of public-health agencies' HIV surveillance data-release rules (cells
under a threshold suppressed, plus complementary suppression so they cannot be recovered
by subtraction) and of the statistical disclosure control handbooks behind τ-ARGUS
(primary and secondary cell suppression in linked and hierarchical tables). It is a
simple greedy heuristic, not τ-ARGUS's optimal one: it may hide more than needed, never
(tests/common/test_disclosure.py checks by brute force) a cell a reader could work out.

Pure functions: counts in, what may be shown out. No models, no requests."""

from collections.abc import Collection, Hashable, Iterable, Mapping
from typing import TypeVar

from django.conf import settings

Key = TypeVar("Key", bound=Hashable)


def threshold() -> int:
    return getattr(settings, "REPORT_SMALL_CELL_THRESHOLD", 5)


def is_small(count: int) -> bool:
    """Whether `count` people are too few to show."""
    return 0 < count < threshold()


class Secondary:
    """A cell hidden only to protect another (it is not small itself)."""

    def __repr__(self):
        return "SECONDARY"


SECONDARY = Secondary()


def hidden(value) -> bool:
    """Whether a value returned by `suppress` or `protect` is hidden, for either reason."""
    return value is None or value is SECONDARY


Constraint = tuple[Hashable, list]  # (total's key, its parts' keys): total = sum(parts)


def protect(
    cells: Mapping[Key, int],
    constraints: Iterable[Constraint],
    *,
    also_hidden: Collection = (),
    fixed_shown: Collection = (),
) -> dict[Key, int | None | Secondary]:
    """cells: every published count (leaves and totals alike); constraints: every
    (total, parts) with cells[total] == sum(cells[part]). Returns key -> the count, None
    (small) or SECONDARY (hidden to protect another). `also_hidden`: keys hidden whatever
    their count; `fixed_shown`: totals the caller shows whatever happens (their parts are
    then suppressed harder: never the total)."""
    limit = threshold()
    if cells and 0 < max(cells.values()) < limit:
        # Fewer people in all than the threshold: "<5" everywhere and a shown zero would
        # say who is where ("1 to 4" each can pin the rest), so nothing is shown but what
        # the caller keeps; a zero reads "<5" too.
        return {key: (count if key in fixed_shown else None) for key, count in cells.items()}
    # Innermost tables first (smallest totals): a fine cell is then protected by its
    # siblings within its group, which spares the coarser tables.
    constraints = sorted(((total, list(parts)) for total, parts in constraints), key=lambda c: cells[c[0]])
    small = {
        key
        for key, count in cells.items()
        if (is_small(count) or key in also_hidden) and key not in fixed_shown
    }
    secondary: set = set()

    def is_hidden(key):
        return key in small or key in secondary

    def settle():
        """The greedy rule, applied to every constraint until nothing changes."""
        changed = True
        while changed:
            changed = False
            for total, parts in constraints:
                hidden_parts = [part for part in parts if is_hidden(part)]
                if is_hidden(total):
                    # A hidden total with every part shown is their sum: hide a part too.
                    if hidden_parts:
                        continue
                    candidates = sorted((cells[p], str(p), p) for p in parts if cells[p] > 0)
                    if candidates:
                        secondary.add(candidates[0][2])
                        changed = True
                    continue
                while hidden_parts:
                    if _safe(hidden_parts, cells, small, also_hidden, limit):
                        break
                    candidates = sorted(
                        (cells[p], str(p), p) for p in parts if not is_hidden(p) and cells[p] > 0
                    )
                    if candidates:
                        secondary.add(candidates[0][2])
                        hidden_parts.append(candidates[0][2])
                    elif total in fixed_shown:
                        break  # the caller keeps this total: nothing more can be done here
                    else:
                        secondary.add(total)  # no cell left to hide: the total goes
                        hidden_parts = []
                    changed = True

    # Each constraint safe on its own is not enough when tables are linked: bounds from
    # one ("<5" is 1 to 4) narrow another. An audit over all of them at once finds a
    # hidden cell whose value follows, and hides one more cell next to it; again until
    # none does.
    given_up: set = set()
    while True:
        settle()
        pinned = [
            key
            for key in _pinned(cells, constraints, small, secondary, also_hidden, limit)
            if key not in given_up
        ]
        if not pinned:
            break
        for key in pinned:
            if not _hide_next_to(key, cells, constraints, is_hidden, secondary, fixed_shown):
                given_up.add(key)  # nothing left to hide around it
    return {
        key: (None if key in small else SECONDARY if key in secondary else count)
        for key, count in cells.items()
    }


def _pinned(cells, constraints, small, secondary, also_hidden, limit) -> list:
    """Hidden cells whose value a reader can work out from everything shown and every
    constraint together (interval propagation: sound, quick, not exhaustive)."""
    infinity = float("inf")
    low, high = {}, {}
    for key, count in cells.items():
        if key in small:
            low[key], high[key] = _label_bounds(key, cells, also_hidden, limit, infinity)
        elif key in secondary:
            low[key], high[key] = limit, infinity
        else:
            low[key] = high[key] = count
    for _round in range(50):
        changed = False
        for total, parts in constraints:
            low_sum, high_sum = sum(low[p] for p in parts), sum(high[p] for p in parts)
            if low_sum > low[total]:
                low[total], changed = low_sum, True
            if high_sum < high[total]:
                high[total], changed = high_sum, True
            for p in parts:
                least = low[total] - (high_sum - high[p])
                most = high[total] - (low_sum - low[p])
                if least > low[p]:
                    low[p], changed = least, True
                if most < high[p]:
                    high[p], changed = most, True
        if not changed:
            break
    own = {key: _label_bounds(key, cells, also_hidden, limit, infinity) for key in small}
    return [
        key
        for key in cells
        if (key in small or key in secondary)
        and low[key] >= high[key]
        and own.get(key, (0, infinity))[0] < own.get(key, (0, infinity))[1]  # its label alone does not
    ]


def _hide_next_to(key, cells, constraints, is_hidden, secondary, fixed_shown) -> bool:
    """Hide the smallest shown cell that shares a constraint with `key` (a part, or else
    a total). False when there is none."""
    parts = sorted(
        (cells[p], str(p), p)
        for total, ps in constraints
        if key in ps or key == total
        for p in ps
        if not is_hidden(p) and cells[p] > 0
    )
    if parts:
        secondary.add(parts[0][2])
        return True
    totals = sorted(
        (cells[t], str(t), t)
        for t, ps in constraints
        if key in ps and not is_hidden(t) and t not in fixed_shown
    )
    if totals:
        secondary.add(totals[0][2])
        return True
    return False


def _label_bounds(key, cells, also_hidden, limit, unbounded):
    """What a reader knows of a cell shown as "<5": 1 to 4 people; for a cell hidden
    whatever its count (`also_hidden`, say its column is small), 0 to 4 when under the
    threshold (its label reads "<5" all the same), else 0 or more."""
    if key not in also_hidden:
        return 1, limit - 1
    return (0, limit - 1) if cells[key] < limit else (0, unbounded)


def _safe(hidden_parts, cells, small, also_hidden, limit) -> bool:
    """Whether hidden cells of a shown total are safe: at least two, counting at least the
    threshold together, and none pinned by what their labels tell a reader ("<5" is 1 to
    4; "x" is at least 5, or it would read "<5"). Without the last check 30, <5, <5 with
    a total of 38 gives both hidden cells away as 4."""
    hidden_sum = sum(cells[part] for part in hidden_parts)
    if len(hidden_parts) < 2 or hidden_sum < limit:
        return False

    def bounds(part):
        if part in also_hidden:
            return _label_bounds(part, cells, also_hidden, limit, hidden_sum)
        return (1, limit - 1) if part in small else (limit, hidden_sum)

    ranges = [bounds(part) for part in hidden_parts]
    low_sum, high_sum = sum(lo for lo, _ in ranges), sum(hi for _, hi in ranges)
    for lo, hi in ranges:
        least = max(lo, hidden_sum - (high_sum - hi))
        most = min(hi, hidden_sum - (low_sum - lo))
        if least >= most:
            return False
    return True


_TOTAL = object()  # the implicit total of `suppress`'s cells


def suppress(
    cells: Mapping[Key, int], additive: bool = True, *, also_hidden: Collection = ()
) -> dict[Key, int | None | Secondary]:
    """One row of categories. `additive`: the cells partition a total that is shown next
    to them (and stays shown), so the rule of `protect` applies to them; otherwise each
    cell is only hidden when small. `also_hidden`: categories hidden whatever their count
    (say, their column's total is small)."""
    table = dict(cells)
    if not additive:
        return protect(table, [], also_hidden=also_hidden)
    table[_TOTAL] = sum(cells.values())
    shown = protect(table, [(_TOTAL, list(cells))], also_hidden=also_hidden, fixed_shown={_TOTAL})
    del shown[_TOTAL]
    return shown


def label(value) -> str | int:
    """How a (possibly hidden) count is written in every screen and export."""
    if value is SECONDARY:
        return "x"
    return f"<{threshold()}" if value is None else value
