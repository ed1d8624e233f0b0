"""Disclosure control in every output, and across filtered views: a filtered report is
a part of the unfiltered one ("all" minus "women" is everyone else), so both are
protected as one (reports/cells.py). {20, 1, 1} and {30, 4, 4} in every output."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from reports.cells import ProtectedCells
from reports.data import ReportData, TraineeFacts, quiz_stats, report_data
from reports.indicators import dimension_rows, headline, module_rows, months_shown, total_row
from reports.scope import ReportScope
from reports.suppression import SECONDARY, hidden, suppress
from tests.common.test_disclosure import _pinned

ASKED = {"gender": {1}, "age_band": {1}, "work_setting": {1}}
QUIZ = 7
MODULE = SimpleNamespace(translation_key="m1", title="Модуль 1")


def person(n, gender, group=1, **facts):
    """Someone who did everything in October: enrolled, completed, certified, both tests,
    the module and its test."""
    facts = {
        "enrolled": True,
        "active": True,
        "completed": True,
        "certified": True,
        "certified_month": "2026-10",
        "pre": 40,
        "post": 80,
        "modules_completed": {"m1"},
        "tests": {QUIZ: [60, 90, True]},
        "organisation_id": 1,
        "group_id": group,
        **facts,
    }
    return TraineeFacts(
        n, f"p{n}", f"Група {group}", "Салюс", "UA", "Львів", gender, "", "", "uk", None, **facts
    )  # fmt: skip


def report(population, **filters):
    """ReportData as reports.data.report_data makes it, without a database."""
    scope = ReportScope(course=None, **filters)
    view = [t for t in population if all(getattr(t, k) == v for k, v in scope.filters())]
    return ReportData(
        scope,
        [MODULE],
        view,
        {"m1": sum("m1" in t.modules_completed for t in view)},
        {"m1": QUIZ},
        quiz_stats(view, [QUIZ]),
        {"2026-10": sum(t.certified for t in view)},
        population=population,
        asking=ASKED,
    )


def every_output(data) -> list:
    """Everything one view publishes, as shown."""
    gender = dimension_rows(data, "gender")
    return [total_row(data), gender, headline(data), module_rows(data), months_shown(data)]


@pytest.fixture(autouse=True)
def in_ukrainian():
    with translation.override("uk"):
        yield


@pytest.mark.parametrize(
    "sizes, small",
    [((20, 1, 1), "<5"), ((30, 4, 4), "<5")],
    ids=["20-1-1", "30-4-4"],
)
def test_every_output_hides_the_small_cells_and_what_would_give_them_away(sizes, small):
    women, men, trans_men = sizes
    population = (
        [person(n, "woman") for n in range(women)]
        + [person(100 + n, "man") for n in range(men)]
        + [person(200 + n, "trans_man") for n in range(trans_men)]
    )
    everyone = report(population)
    only_women = report(population, gender="woman")
    total = sum(sizes)

    # The unfiltered report: the total shown, every gender cell hidden — the 20 (or 30)
    # too, or "total minus women" would give the two small cells away.
    assert total_row(everyone)[1:5] == [total, total, "100%", total]
    rows = {row[0]: row for row in dimension_rows(everyone, "gender")}
    assert [rows[name][1] for name in ("Жінка", "Чоловік", "Трансгендерний чоловік")] == ["x", small, small]
    assert rows["Жінка"][5:] == ["x", "—", "—", "—"]  # no mean over a hidden count of people

    # Filtered to women: every output of the view shows "x" wherever the unfiltered
    # report shows the whole total, so "all minus women" gives nothing away.
    row = total_row(only_women)
    assert row[1:6] == ["x", "x", "—", "x", "x"] and row[6:] == ["—", "—", "—"]
    top = headline(only_women)
    assert {top[key] for key in ("registered", "active", "enrolled", "completed", "certified")} == {"x"}
    assert top["completion_rate"] == "—"
    module = module_rows(only_women)[0]
    assert module[1:] == ["x", "x", "—", "—", "—"]  # completions, takers, pass rate, means
    assert months_shown(only_women) == [("2026-10", SECONDARY)]
    # ... and the unfiltered one shows what it showed before: the whole total only.
    assert module_rows(everyone)[0][1:3] == [total, total]


def test_a_group_filter_cannot_be_subtracted_from_the_organisation(settings):
    """Group 1: twenty women; group 2: one man and one trans man. The organisation's
    report shows 22; group 1's view may not show 20, or 22 − 20 = 2 people of group 2."""
    population = [person(n, "woman", group=1) for n in range(20)]
    population += [person(100, "man", group=2), person(101, "trans_man", group=2)]

    assert total_row(report(population))[1] == 22
    assert total_row(report(population, group_id=1))[1] == "x"
    assert total_row(report(population, group_id=2))[1] == "<5"


def test_every_view_of_one_report_comes_from_one_protection():
    """Whichever view is asked for, the protected cells are the same: views cannot be
    played against each other."""
    population = [person(n, "woman", group=1 + n % 2) for n in range(9)] + [person(50, "man", group=2)]
    shown = [ProtectedCells(report(population, **f))._shown for f in ({}, {"gender": "man"}, {"group_id": 2})]

    assert shown[0] == shown[1] == shown[2]


def test_a_split_by_small_columns_hides_the_large_cell_too(settings):
    """The per-question test statistics split by language: columns of fewer than 5 people
    are hidden whatever their count, and read "<5" (0 to 4). 30, <5, <5 of 38 would
    give both away as 4, so the 30 goes too (quizzes/selectors.py uses this rule)."""
    settings.REPORT_SMALL_CELL_THRESHOLD = 5

    shown = suppress({"uk": 30, "ru": 4, "en": 4}, also_hidden={"ru", "en"})

    assert shown == {"uk": SECONDARY, "ru": None, "en": None}
    assert suppress({"uk": 20, "ru": 1, "en": 1}, also_hidden={"ru", "en"})["uk"] is SECONDARY


def test_two_filters_at_once_are_refused():
    population = [person(n, "woman") for n in range(6)]

    with pytest.raises(ValueError):
        ProtectedCells(report(population, gender="woman", group_id=1))


# Brute force over random small populations: every cell of every view at once.

sizes = st.integers(min_value=0, max_value=6)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(table=st.tuples(sizes, sizes, sizes, sizes, sizes, sizes), enrolled_share=st.integers(0, 2))
def test_no_cell_of_any_view_can_be_worked_out_from_all_views_together(table, enrolled_share):
    """Genders × groups, every view the filters allow (all, each gender, each group):
    brute force over the hidden cells finds none pinned to one value."""
    population, n = [], 0
    for (gender, group), count in zip(
        itertools.product(("woman", "man", "trans_man"), (1, 2)), table, strict=True
    ):
        for index in range(count):
            population.append(person(n, gender, group=group, enrolled=(index % 3) >= enrolled_share))
            n += 1
    if not population:
        return
    protected = ProtectedCells(report(population))
    for column in ("enrolled", "registered"):
        cells, constraints = protected.problems[column]
        shown = protected._shown[column]
        if sum(hidden(value) for value in shown.values()) > 7:
            continue  # keep the brute force in seconds
        assert _pinned(cells, constraints, shown, cap=len(population) + 1) == set()


# The same through the database and the exports.


@pytest.fixture
def twenty_one_one(story, group):
    for n in range(20):
        story.finished(
            story.trainee(group, gender="woman"), datetime.date(2026, 10, 5), 40, 70, f"AAAA-AAAA-A{n:03}"
        )
    story.finished(story.trainee(group, gender="man"), datetime.date(2026, 10, 6), 40, 70, "BBBB-BBBB-B001")
    story.finished(
        story.trainee(group, gender="trans_man"), datetime.date(2026, 10, 7), 40, 70, "BBBB-BBBB-B002"
    )
    return story


OCTOBER = {"since": datetime.date(2026, 10, 1), "until": datetime.date(2026, 10, 31)}


def test_the_database_report_filtered_to_women_hides_its_total(twenty_one_one, group):
    everyone = report_data(
        ReportScope(course=twenty_one_one.page, organisation_id=group.organisation_id, **OCTOBER)
    )
    women = report_data(
        ReportScope(
            course=twenty_one_one.page, organisation_id=group.organisation_id, gender="woman", **OCTOBER
        )
    )

    assert total_row(everyone)[1] == 22 and len(women.trainees) == 20
    assert total_row(women)[1:6] == ["x", "x", "—", "x", "x"]
    assert [row[1] for row in module_rows(women)] == ["x"] * len(women.modules)
    assert months_shown(women) == [("2026-10", SECONDARY)]


def test_the_csv_filtered_to_women_shows_no_twenty(client, coordinator, twenty_one_one, monkeypatch):
    # A gender filter needs a whole ended quarter (reports/scope.py): the fourth, seen in January.
    monkeypatch.setattr("reports.scope.today", lambda: datetime.date(2027, 1, 10))
    client.force_login(coordinator)

    response = client.get(
        "/admin/reports/training-report.csv",
        {"since": "2026-10-01", "until": "2026-12-31", "gender": "woman"},
    )

    text = response.content.decode("utf-8-sig")
    totals = next(line for line in text.splitlines() if line.startswith("Усі;"))
    assert totals.split(";")[1:5] == ["x", "x", "—", "x"]
    assert ";20;" not in text


def test_two_filters_at_once_get_a_clear_message_and_no_numbers(client, coordinator, twenty_one_one, group):
    client.force_login(coordinator)

    response = client.get("/admin/reports/", {"gender": "woman", "group": group.pk})

    page = response.content.decode()
    assert "Вибирайте один фільтр за раз" in page
    assert "report-table" not in page
