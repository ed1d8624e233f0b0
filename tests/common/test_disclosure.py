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
