"""Disclosure control for counts of people: the one rule every aggregate follows (the
reports and their exports, the test statistics), so that no number lets a reader single
out a person.

- A cell counting 1 to threshold-1 people is hidden; it is shown as "<5" (the threshold is
  settings.REPORT_SMALL_CELL_THRESHOLD).
- When cells add up to a total that is shown and exactly one of them is hidden, it could be
  worked out by subtraction, so the smallest other non-zero cell is hidden too
  (complementary suppression; shown as "x").

Pure functions: counts in, what may be shown out. No models, no requests."""

from collections.abc import Collection, Mapping
from typing import TypeVar

from django.conf import settings

Key = TypeVar("Key")


def threshold() -> int:
    return settings.REPORT_SMALL_CELL_THRESHOLD


def is_small(count: int) -> bool:
    """Whether `count` people are too few to show."""
    return 0 < count < threshold()


class Secondary:
    """A cell hidden only to protect another (it is not small itself)."""

    def __repr__(self):
        return "SECONDARY"


SECONDARY = Secondary()


def hidden(value) -> bool:
    """Whether a value returned by `suppress` is hidden, for either reason."""
    return value is None or value is SECONDARY


def suppress(
    cells: Mapping[Key, int], additive: bool = True, *, also_hidden: Collection = ()
) -> dict[Key, int | None | Secondary]:
    """cells: category -> count of people. Returns category -> the count, None (hidden:
    small) or SECONDARY (hidden to protect another). `additive`: the cells partition a
    total that is shown next to them, so one hidden cell alone could be worked out: the
    smallest other non-zero cell is hidden too. `also_hidden`: categories hidden whatever
    their count (say, their column's total is small)."""
    shown = {key: (None if is_small(count) or key in also_hidden else count) for key, count in cells.items()}
    primary = [key for key, value in shown.items() if value is None]
    if additive and len(primary) == 1:
        others = sorted(
            (count, str(key), key) for key, count in cells.items() if key not in primary and count > 0
        )
        if others:
            shown[others[0][2]] = SECONDARY
    return shown


def label(value) -> str | int:
    """How a (possibly hidden) count is written in every screen and export."""
    if value is SECONDARY:
        return "x"
    return f"<{threshold()}" if value is None else value
