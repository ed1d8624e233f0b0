from reports.suppression import SECONDARY, label, suppress


def test_cells_under_five_are_hidden_and_zero_and_five_are_shown(settings):
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    assert suppress({"a": 0, "b": 5, "c": 12, "d": 4, "e": 1}) == {
        "a": 0,
        "b": 5,
        "c": 12,
        "d": None,
        "e": None,
    }


def test_a_single_hidden_cell_takes_the_smallest_other_with_it(settings):
    """Total 27 = 3 + 9 + 15: hiding only the 3 would give it away as 27 - 9 - 15."""
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    hidden = suppress({"woman": 15, "man": 3, "not stated": 9})

    assert hidden == {"woman": 15, "man": None, "not stated": SECONDARY}
    assert [label(value) for value in hidden.values()] == [15, "<5", "x"]


def test_no_secondary_suppression_where_cells_do_not_add_up(settings):
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    assert suppress({"m1": 3, "m2": 9}, additive=False) == {"m1": None, "m2": 9}


def test_the_threshold_is_a_setting_and_hidden_cells_say_so(settings):
    settings.REPORT_SMALL_CELL_THRESHOLD = 10

    assert suppress({"a": 9, "b": 30, "c": 40}) == {"a": None, "b": SECONDARY, "c": 40}
    assert label(None) == "<10" and label(7) == 7
