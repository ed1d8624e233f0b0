"""Each indicator against a small story whose numbers are worked out by hand. The period
is October 2026."""

import datetime

import pytest
from django.utils import translation

from reports.data import report_data
from reports.indicators import dimension_rows, headline, module_rows, total_row
from reports.scope import ReportScope
from tests.reports.conftest import DAY

OCTOBER = {"since": DAY, "until": datetime.date(2026, 10, 31)}


@pytest.fixture(autouse=True)
def in_ukrainian():
    """Category names are translated: read them in Ukrainian, whatever ran before."""
    with translation.override("uk"):
        yield


@pytest.fixture
def told(story, group):
    """7 finished in October (6 women certified; a man whose certificate was revoked),
    3 more opened a module in October (one of them on each boundary day), one only in
    November. Expected, all worked out by hand:
      enrolled 10, completed 7, certified 6, took both tests 7,
      mean pre-test (6×40 + 50) / 7 = 41.4, mean final (6×70 + 60) / 7 = 68.6, gain 27.2."""
    october_5 = datetime.date(2026, 10, 5)
    for n in range(6):
        woman = story.trainee(group, gender="woman", age_band="20-24", work_setting="online")
        story.finished(woman, october_5, pre=40, post=70, code=f"AAAA-AAAA-AAA{n}")
    man = story.trainee(group, gender="man", age_band="30-39", work_setting="street")
    story.finished(man, october_5, pre=50, post=60)
    story.certificate(man, october_5, "BBBB-BBBB-BBBB", status="revoked")
    first_day = story.trainee(group, gender="", age_band="")
    story.opened(first_day, story.modules[0], DAY)  # on the first day: counts
    story.opened(first_day, story.modules[1], DAY)  # a second module: still one person
    story.opened(
        story.trainee(group, gender="woman", age_band="25-29"), story.modules[0], datetime.date(2026, 10, 9)
    )
    story.opened(story.trainee(group, gender="trans_woman"), story.modules[0], datetime.date(2026, 10, 31))
    story.opened(story.trainee(group, gender="woman"), story.modules[0], datetime.date(2026, 11, 1))  # after
    return story


def data_for(story, **scope):
    return report_data(ReportScope(course=story.page, **{**OCTOBER, **scope}))


def test_totals_count_each_person_once_within_the_period(told):
    row = total_row(data_for(told))

    assert row[1:] == [10, 7, "70%", 6, 7, 41.4, 68.6, 27.2]


def test_completions_per_module_and_quiz_columns(told):
    rows = module_rows(data_for(told))

    assert [row[1] for row in rows] == [7, 7, 7]  # each module, by the seven who finished


def test_gender_disaggregation_hides_small_cells_and_one_more_where_needed(told):
    rows = {row[0]: row[1:] for row in dimension_rows(data_for(told), "gender")}

    # enrolled: woman 7, man 1, trans woman 1, not stated 1 -> three small cells hidden, and
    # the women's 7 too: the three hidden cells count only 3 < 5 together, so with the
    # total of 10 shown they could only be 1, 1 and 1 (the rule on main showed the 7).
    assert [rows[name][0] for name in ("Жінка", "Чоловік", "Трансгендерна жінка", "не вказано")] == [
        "x",
        "<5",
        "<5",
        "<5",
    ]
    # completed: woman 6, man 1 -> the man's 1 hidden, and the women's 6 too (else 7 − 6)
    assert (rows["Жінка"][1], rows["Чоловік"][1]) == ("x", "<5")
    assert rows["Жінка"][2] == "—"  # no rate from hidden cells
    # certified: woman 6, man 0 -> nothing to hide
    assert (rows["Жінка"][3], rows["Чоловік"][3]) == (6, 0)


def test_age_is_reported_as_under_25_and_25_plus_as_well_as_finer_bands(told):
    groups = {row[0]: row[1] for row in dimension_rows(data_for(told), "age_group")}
    bands = {row[0]: row[1] for row in dimension_rows(data_for(told), "age_band")}

    assert set(groups) == {"до 25", "25 і старше", "не вказано"}
    # Enrolled: under 25 = 6 (all 20–24), 25+ = 2 (25–29: 1, 30–39: 1), not stated 2, of 10.
    # The hidden cells count 4 < 5 together, so the 6 is hidden too ("x"), in both tables
    # (shown in one, it would give the other's hidden cells away by subtraction).
    assert (groups["до 25"], groups["25 і старше"], groups["не вказано"]) == ("x", "<5", "<5")
    assert (bands["20–24 роки"], bands["не вказано"]) == ("x", "<5")


def test_an_empty_period_is_a_report_of_zeros(told):
    data = data_for(told, since=datetime.date(2025, 1, 1), until=datetime.date(2025, 1, 31))

    assert total_row(data)[1:] == [0, 0, "—", 0, 0, "—", "—", "—"]
    assert headline(data)["completed"] == 0


def test_a_coordinators_scope_holds_only_their_organisation(told, other_org_group, group):
    outsider = told.trainee(other_org_group, gender="woman")
    told.finished(outsider, datetime.date(2026, 10, 6), pre=10, post=90, code="CCCC-CCCC-CCCC")

    everyone = data_for(told)
    mine = data_for(told, organisation_id=group.organisation_id)

    # Across both organisations the one outsider's cells (organisation, its filtered
    # views) are protected with the total; the coordinator's own report shows all 10.
    assert len(everyone.trainees) == len(mine.trainees) + 1 and total_row(mine)[1] == 10
    assert outsider.pk in {t.id for t in everyone.trainees}
    assert outsider.pk not in {t.id for t in mine.trainees}
