"""The dashboard's charts in the Ukrainian and Russian admin: every SVG number is written
with a decimal point (a decimal comma splits one coordinate into two), and the table that
a screen reader reads says the same numbers, hidden from the eye."""

import datetime
import re

import pytest
from wagtail.users.models import UserProfile

from reports.charts import bar_chart

OCTOBER = {"since": "2026-10-01", "until": "2026-10-31"}
NUMBER_ATTRIBUTES = re.compile(r'\s(?:x|y|width|height|viewBox|data-[a-z-]+)="([^"]*)"')


@pytest.fixture
def seven_certified(story, group):
    for n in range(7):
        story.finished(
            story.trainee(group, gender="woman"), datetime.date(2026, 10, 5), 40, 70, f"AAAA-AAAA-AAA{n}"
        )
    return story


def in_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def svgs(page):
    return re.findall(r"<figure class=\"report-chart\">.*?</svg>", page, flags=re.S)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_chart_numbers_are_never_written_with_a_decimal_comma(client, coordinator, seven_certified, language):
    in_language(coordinator, language)
    client.force_login(coordinator)

    page = client.get("/admin/reports/", OCTOBER).content.decode()

    charts = svgs(page)
    assert len(charts) == 2  # the funnel and the months
    for chart in charts:
        for value in NUMBER_ATTRIBUTES.findall(chart):
            assert re.fullmatch(r"[0-9. ]+%?", value), value


@pytest.mark.parametrize(
    ("language", "certified", "month"),
    [("uk", "Отримали сертифікат", "Місяць"), ("ru", "Получили сертификат", "Месяц")],
)
def test_the_hidden_table_says_what_the_bars_show(
    client, coordinator, seven_certified, language, certified, month
):
    in_language(coordinator, language)
    client.force_login(coordinator)

    page = client.get("/admin/reports/", OCTOBER).content.decode()

    tables = re.findall(r'<table class="w-sr-only".*?</table>', page, flags=re.S)
    assert len(tables) == 2
    months = tables[1]
    assert f">{month}<" in months
    assert re.search(r"<th scope=\"row\">2026-10</th><td>7</td>", months)
    assert "<td>7</td>" in tables[0] and certified in tables[0]


def test_bars_are_whole_numbers_and_hidden_cells_are_empty_bars():
    chart = bar_chart("t", [("a", 10), ("b", 3), ("c", None)], ("name", "count"))

    widths = [bar["width"] for bar in chart["bars"]]
    assert widths[0] > widths[1] > 0 and widths[2] == 0
    assert chart["bars"][2]["value"] == "<5"
    for bar in chart["bars"]:
        assert all(isinstance(bar[key], int) for key in ("y", "name_y", "value_x", "value_y", "width"))
