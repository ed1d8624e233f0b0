"""common/disclosure.py: the one small-cell rule for every count of people."""

from common.disclosure import SECONDARY, hidden, is_small, label, suppress


def test_one_to_four_people_are_small_and_none_or_five_are_not(settings):
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    assert [is_small(count) for count in (0, 1, 4, 5)] == [False, True, True, False]


def test_a_cell_hidden_for_its_column_takes_the_smallest_other_with_it(settings):
    """The column's total is small, so even its 0 is hidden; then the other language must go
    too, or the total would give the hidden one away."""
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    shown = suppress({"uk": 12, "ru": 0}, also_hidden={"ru"})

    assert shown == {"uk": SECONDARY, "ru": None}
    assert [label(value) for value in shown.values()] == ["x", "<5"]
    assert all(hidden(value) for value in shown.values())


def test_two_hidden_cells_protect_each_other(settings):
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    assert suppress({"uk": 20, "ru": 3, "en": 2}) == {"uk": 20, "ru": None, "en": None}


# The rule against what a reader can do with every published number at once.

import itertools  # noqa: E402
import math  # noqa: E402

from hypothesis import HealthCheck, assume, given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from common.disclosure import protect  # noqa: E402


def test_twenty_one_one_cannot_be_undone(settings):
    """Old rule: 20, <5, <5 with a total of 22 — both hidden cells had to be 1. The two
    hidden cells count 2 < 5 together, so the 20 is hidden too: x + y + z = 22 pins none."""
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    assert suppress({"woman": 20, "man": 1, "trans_man": 1}) == {
        "woman": SECONDARY,
        "man": None,
        "trans_man": None,
    }


def test_thirty_four_four_hides_the_thirty_too(settings):
    """The hidden cells count 8 >= 5 together, but a reader knows "<5" is 1 to 4, and
    x + y = 8 then leaves only 4 + 4. Hiding the 30 ("x", so at least 5) leaves
    x + y + z = 38 with many solutions."""
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    assert suppress({"woman": 30, "man": 4, "trans_man": 4}) == {
        "woman": SECONDARY,
        "man": None,
        "trans_man": None,
    }


def test_hidden_cells_that_leave_room_are_enough(settings):
    """3 + 4 = 7: x + y = 7 with each 1..4 leaves 3 + 4 or 4 + 3; the 30 stays shown."""
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    assert suppress({"woman": 30, "man": 3, "trans_man": 4}) == {"woman": 30, "man": None, "trans_man": None}


def _age_tables(lt20, b20, older, not_stated):
    cells = {"all": lt20 + b20 + sum(older) + not_stated, "under25": lt20 + b20, "25plus": sum(older)}
    cells.update({"lt20": lt20, "20-24": b20, "ns": not_stated})
    cells.update({f"o{i}": n for i, n in enumerate(older)})
    constraints = [
        ("all", ["under25", "25plus", "ns"]),
        ("all", ["lt20", "20-24", *[f"o{i}" for i in range(len(older))], "ns"]),
        ("under25", ["lt20", "20-24"]),
        ("25plus", [f"o{i}" for i in range(len(older))]),
    ]
    return cells, constraints


def test_nested_age_bands_do_not_give_under_20_away(settings):
    """Found on main: under 25 = 11 and 20–24 = 9 were shown, so the hidden under-20 was 2.
    Now the 20–24 cell is hidden with it (2 + 9 >= 5), and the coarse group stays shown."""
    settings.REPORT_SMALL_CELL_THRESHOLD = 5
    cells, constraints = _age_tables(2, 9, [12, 7], 6)

    shown = protect(cells, constraints)

    assert shown["lt20"] is None and shown["20-24"] is SECONDARY
    assert shown["under25"] == 11 and shown["all"] == 36
    assert _pinned(cells, constraints, shown) == set()


def test_months_and_the_period_total(settings):
    """Found on main: certified 8 and January 6 gave February away as 2. Now January is
    hidden too: x + y = 8 pins neither."""
    settings.REPORT_SMALL_CELL_THRESHOLD = 5
    cells = {"period": 8, "2026-01": 6, "2026-02": 2}

    shown = protect(cells, [("period", ["2026-01", "2026-02"])])

    assert shown == {"period": 8, "2026-01": SECONDARY, "2026-02": None}


def _pinned(cells, constraints, shown, cap=40, *, in_hypothesis=False):
    """Hidden keys that take one value only over every non-negative assignment agreeing
    with all the shown numbers and every constraint (brute force: tables are small)."""
    unknown = [key for key, value in shown.items() if hidden(value)]
    known = {key: value for key, value in shown.items() if not hidden(value)}
    # "<5": 1..4 (0..4 when nothing at all is shown: a small table hides its zeros too);
    # "x": 5 or more.
    small_low = 1 if known else 0
    low = {key: small_low if shown[key] is None else 5 for key in unknown}
    bound = {
        key: min([cap] + [known[t] for t, parts in constraints if key in parts and t in known])
        for key in unknown
    }
    if in_hypothesis:
        assume(math.prod(bound[key] + 1 for key in unknown) <= 200_000)  # seconds, not hours
    seen = {key: set() for key in unknown}
    bound.update({key: min(bound[key], 4) for key in unknown if shown[key] is None})
    for values in itertools.product(*(range(low[key], bound[key] + 1) for key in unknown)):
        assignment = {**known, **dict(zip(unknown, values, strict=True))}
        if all(assignment[t] == sum(assignment[p] for p in parts) for t, parts in constraints):
            for key in unknown:
                seen[key].add(assignment[key])
    return {key for key, values in seen.items() if len(values) < 2}


counts_ = st.integers(min_value=0, max_value=30)


@hypothesis_settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    bands=st.tuples(counts_, counts_, st.lists(counts_, min_size=1, max_size=2), st.integers(0, 6)),
    months=st.lists(st.integers(0, 12), min_size=1, max_size=3),
)
def test_no_hidden_cell_can_be_worked_out_from_everything_shown(bands, months):
    """Random small tables and every published view of them at once: the age bands, their
    coarse groups, the total, and the months adding up to the same period total (as the
    certificates do). Brute force over the hidden cells: none is pinned to one value."""
    lt20, b20, older, not_stated = bands
    cells, constraints = _age_tables(lt20, b20, older, not_stated)
    # The period split into months: the months sum to the same total.
    remaining = cells["all"]
    month_cells = {}
    for index, share in enumerate(months):
        value = min(share, remaining) if index < len(months) - 1 else remaining
        month_cells[f"m{index}"] = value
        remaining -= value
    cells.update(month_cells)
    constraints.append(("all", list(month_cells)))
    # Keep the brute force small: few hidden cells, bounded values.
    shown = protect(cells, constraints)
    assert _pinned(cells, constraints, shown, cap=cells["all"] + 5, in_hypothesis=True) == set(), (
        cells,
        shown,
    )
