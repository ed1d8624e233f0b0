"""The report says its period and countries in words: no "… – …" when no dates were
chosen, "Україна" rather than "UA"."""

import datetime

import pytest
from django.utils import translation

from reports.data import report_data
from reports.scope import ReportScope
from reports.training_report import report_header, training_report


@pytest.mark.parametrize(
    ("language", "dates", "period"),
    [
        ("uk", {}, "увесь час"),
        ("ru", {}, "всё время"),
        ("uk", {"since": datetime.date(2026, 10, 1)}, "з 2026-10-01"),
        ("ru", {"until": datetime.date(2026, 10, 31)}, "по 2026-10-31"),
        (
            "uk",
            {"since": datetime.date(2026, 10, 1), "until": datetime.date(2026, 10, 31)},
            "2026-10-01 – 2026-10-31",
        ),
    ],
)
def test_the_period_is_said_in_words(story, language, dates, period):
    with translation.override(language):
        header = dict(report_header(report_data(ReportScope(course=story.page, **dates))))

    assert period in header.values()


@pytest.mark.parametrize(("language", "country"), [("uk", "Україна"), ("ru", "Украина")])
def test_countries_are_named(story, group, language, country):
    story.finished(story.trainee(group, gender="woman"), datetime.date(2026, 10, 5), 40, 70, "AAAA-AAAA-AAA1")
    with translation.override(language):
        sections = training_report(report_data(ReportScope(course=story.page)))

    cells = [row[0] for section in sections for row in section.rows]
    assert country in cells and "UA" not in cells
