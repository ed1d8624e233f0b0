"""Small-cell suppression for the reports: the project's one disclosure-control rule,
common/disclosure.py (a cell under the threshold hidden as "<5"; when one cell of a shown
total is hidden, the smallest other hidden too, as "x"). Kept as the reports' own name for
it; the rule itself lives in common, where the test statistics use it too."""

from common.disclosure import SECONDARY, Secondary, hidden, is_small, label, suppress, threshold

__all__ = ["SECONDARY", "Secondary", "hidden", "is_small", "label", "suppress", "threshold"]
