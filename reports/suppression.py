"""Small-cell suppression: no aggregate may let a reader single out a person.

A cell counting 1 to threshold-1 people is hidden ("<5"). When a group of cells adds up to a
total that is shown and exactly one cell is hidden, it could be recovered by subtraction,
so the smallest other non-zero cell is hidden too (secondary suppression)."""

from django.conf import settings


def threshold() -> int:
    return settings.REPORT_SMALL_CELL_THRESHOLD


def is_small(count: int) -> bool:
    return 0 < count < threshold()


class Secondary:
    """A cell hidden only to protect another (it is not small itself)."""

    def __repr__(self):
        return "SECONDARY"


SECONDARY = Secondary()


def hidden(value) -> bool:
    return value is None or value is SECONDARY


def suppress(cells: dict, additive: bool = True) -> dict:
    """cells: category -> count of people. Returns category -> count, None (small, shown
    as "<5") or SECONDARY (shown as "x"). `additive`: the cells partition a total that is
    shown, so one hidden cell alone could be worked out: hide the smallest other too."""
    shown = {key: (None if is_small(count) else count) for key, count in cells.items()}
    small = [key for key, value in shown.items() if value is None]
    if additive and len(small) == 1:
        others = sorted(
            (count, str(key), key) for key, count in cells.items() if key not in small and count > 0
        )
        if others:
            shown[others[0][2]] = SECONDARY
    return shown


def label(value) -> str | int:
    """How a (possibly hidden) count is written in every view and export."""
    if value is SECONDARY:
        return "x"
    return f"<{threshold()}" if value is None else value
