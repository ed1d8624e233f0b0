"""Small-cell suppression for the reports: the project's one disclosure-control rule,
common/disclosure.py (a cell under the threshold hidden as "<5"; complementary suppression
("x") so that hidden cells together count at least the threshold in every total, linked and
nested tables suppressed as one). Kept as the reports' own name for it; the rule itself
lives in common, where the test statistics use it too."""

from common.disclosure import SECONDARY, Secondary, hidden, is_small, label, protect, suppress, threshold

__all__ = ["SECONDARY", "Secondary", "hidden", "is_small", "label", "protect", "suppress", "threshold"]
