"""Two report periods subtracted from each other must not single anyone out.

The attack (a review finding): a coordinator asks for 1–12 November, then 1–13 November;
the gender row "Trans woman" goes from 0 to "<5", and the certificates list names the
only person certified on the 13th. So for everyone but an admin, breakdowns and filters
by gender, age and work setting are shown only for whole quarters that have ended
(reports/scope.py); free periods keep their totals and say why the rest is missing."""

import datetime
import io

import openpyxl
import pytest
from django.core.management import call_command
from wagtail.users.models import UserProfile

from accounts.models import AgeBand, Gender, WorkSetting
from reports.scope import ended_quarters, quick_periods, whole_ended_quarters
from tests.reports.conftest import at

NOTE = {
    "uk": "Розподіл за гендером, віком і місцем роботи показано лише за завершені квартали: так два "
    "звіти не можна відняти один від одного, щоб дізнатися про одну людину.",
    "ru": "Распределение по гендеру, возрасту и месту работы показано только за завершённые "
    "кварталы: так два отчёта нельзя вычесть один из другого, чтобы узнать об одном человеке.",
}
REFUSED = {
    "uk": "Фільтри за гендером, віком і місцем роботи працюють лише для завершених кварталів",
    "ru": "Фильтры по гендеру, возрасту и месту работы работают только для завершённых кварталов",
}
TRANS_WOMAN = {"uk": "Трансгендерна жінка", "ru": "Трансгендерная женщина"}


def on(monkeypatch, day):
    monkeypatch.setattr("reports.scope.today", lambda: day)


def in_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def thirty(story, group):
    """Thirty women and men, joined in June, certified on 1–12 November."""
    day = datetime.date(2026, 11, 1)
    for n in range(30):
        profile = {"gender": "woman" if n % 3 else "man", "age_band": "25-29", "work_setting": "apartment"}
        person = story.trainee(group, date_joined=at(datetime.date(2026, 6, 1)), **profile)
        story.finished(person, day + datetime.timedelta(days=n % 12), 40, 70, f"N-{n:03}")
    return story


def the_only_one(story, group):
    """Joined and certified on 13 November, the only one that day: a trans woman, under 20,
    working in a sauna (the only one of each)."""
    day = datetime.date(2026, 11, 13)
    only = story.trainee(
        group, date_joined=at(day, 9), gender="trans_woman", age_band="lt20", work_setting="sauna"
    )
    story.finished(only, day, 40, 70, "N-ONLY")


@pytest.fixture
def november(thirty, group):
    the_only_one(thirty, group)
    return thirty


def demographic_lines(text, language="uk") -> list[str]:
    """Every line of an output that names a gender, an age band or a work setting."""
    from django.utils import translation

    with translation.override(language):
        labels = [
            str(label) for choices in (Gender, AgeBand, WorkSetting) for _value, label in choices.choices
        ]
    return [line for line in text.splitlines() if any(label in line for label in labels)]


def xlsx_text(response) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return "\n".join(
        ";".join("" if cell is None else str(cell) for cell in row)
        for row in workbook.active.iter_rows(values_only=True)
    )


def output(client, kind, query) -> str:
    path = {
        "csv": "/admin/reports/training-report.csv",
        "xlsx": "/admin/reports/training-report.xlsx",
        "print": "/admin/reports/training-report/",
        "dashboard": "/admin/reports/",
    }[kind]
    response = client.get(path, query)
    assert response.status_code == 200
    if kind == "xlsx":
        return xlsx_text(response)
    text = response.content.decode("utf-8-sig")
    if kind in ("print", "dashboard"):  # one cell a line, so that rows compare as text
        text = text.replace("</td>", "\n").replace("</th>", "\n")
    return text


# The rule itself.


@pytest.mark.parametrize(
    ("since", "until", "allowed"),
    [
        ("2026-07-01", "2026-09-30", True),  # the third quarter
        ("2026-01-01", "2026-09-30", True),  # three whole quarters
        ("2025-01-01", "2025-12-31", True),  # a whole year
        ("2026-10-01", "2026-12-31", False),  # not ended yet
        ("2026-07-01", "2026-09-29", False),
        ("2026-07-02", "2026-09-30", False),
        ("2026-11-01", "2026-11-13", False),
        (None, "2026-09-30", False),
        ("2026-07-01", None, False),
        (None, None, False),  # all time grows every day
    ],
)
def test_only_whole_ended_quarters_may_show_who_people_are(monkeypatch, since, until, allowed):
    on(monkeypatch, datetime.date(2026, 11, 20))
    read = lambda text: datetime.date.fromisoformat(text) if text else None  # noqa: E731

    assert whole_ended_quarters(read(since), read(until)) is allowed


def test_the_quick_choices_are_the_last_ended_quarters_and_year(monkeypatch):
    on(monkeypatch, datetime.date(2026, 10, 1))  # the first day of a quarter: the third has ended

    assert ended_quarters(count=2) == [
        (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
    ]
    assert [(str(since), str(until)) for _name, since, until in quick_periods()][-1] == (
        "2025-01-01",
        "2025-12-31",
    )


# The attack, through every output a coordinator has.


@pytest.mark.parametrize("kind", ["csv", "xlsx", "print", "dashboard"])
def test_two_periods_a_day_apart_show_the_same_breakdowns(client, coordinator, november, monkeypatch, kind):
    on(monkeypatch, datetime.date(2026, 11, 20))
    client.force_login(coordinator)

    before = output(client, kind, {"since": "2026-11-01", "until": "2026-11-12"})
    after = output(client, kind, {"since": "2026-11-01", "until": "2026-11-13"})

    assert demographic_lines(before) == demographic_lines(after)
    assert (
        NOTE["uk"] in before if kind != "dashboard" else "Показано за останній завершений квартал" in before
    )
    if kind != "dashboard":
        assert demographic_lines(after) == []  # no gender, age or work setting row at all


def test_a_free_period_keeps_its_totals(client, coordinator, november, monkeypatch):
    on(monkeypatch, datetime.date(2026, 11, 20))
    client.force_login(coordinator)

    text = output(client, "csv", {"since": "2026-11-01", "until": "2026-11-13"})

    totals = next(line for line in text.splitlines() if line.startswith("Усі;"))
    assert totals.split(";")[1:5] == ["31", "31", "100%", "31"]  # enrolled, completed, rate, certified


def test_every_free_period_around_that_day_shows_no_breakdown(client, coordinator, november, monkeypatch):
    on(monkeypatch, datetime.date(2026, 11, 20))
    client.force_login(coordinator)
    periods = [
        {},
        {"since": "2026-11-13"},
        {"until": "2026-11-12"},
        {"since": "2026-11-13", "until": "2026-11-13"},
        {"since": "2026-10-01", "until": "2026-11-19"},
        {"since": "2026-10-01", "until": "2026-12-31"},  # the quarter has not ended
    ]
    for period in periods:
        assert demographic_lines(output(client, "csv", period)) == [], period
    pdf = client.get("/admin/reports/training-report.pdf", periods[1])  # the note fits a PDF too
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_filters_by_who_people_are_are_refused_for_a_free_period(client, coordinator, november, monkeypatch):
    on(monkeypatch, datetime.date(2026, 11, 20))
    client.force_login(coordinator)

    for name, value in [("gender", "trans_woman"), ("age_band", "lt20"), ("work_setting", "sauna")]:
        for path in ["/admin/reports/", "/admin/reports/training-report.csv"]:
            response = client.get(path, {"since": "2026-11-01", "until": "2026-11-13", name: value})
            page = response.content.decode()
            assert REFUSED["uk"] in page, (name, path)
            assert "report-table" not in page and "N-ONLY" not in page


def test_the_dashboard_viewed_day_after_day_shows_the_same_last_quarter(
    client, coordinator, thirty, group, monkeypatch
):
    """Re-viewing "all time" each day is the same attack: the dashboard's breakdowns come
    from the last ended quarter, the same on the 12th and, after the trans woman joined and
    was certified, on the 14th (no new row for her either)."""
    client.force_login(coordinator)

    on(monkeypatch, datetime.date(2026, 11, 12))
    first = output(client, "dashboard", {})
    the_only_one(thirty, group)
    on(monkeypatch, datetime.date(2026, 11, 14))
    second = output(client, "dashboard", {})

    assert demographic_lines(first) == demographic_lines(second)
    assert 'scope="row">Жінка' in second and f'scope="row">{TRANS_WOMAN["uk"]}' not in second
    assert "Гендер, 2026-07-01 – 2026-09-30" in second
    assert "Показано за останній завершений квартал, 2026-07-01 – 2026-09-30" in second


# What stays possible.


def test_a_whole_ended_quarter_shows_the_breakdown_and_its_filters(
    client, coordinator, november, monkeypatch
):
    on(monkeypatch, datetime.date(2027, 1, 10))
    client.force_login(coordinator)
    quarter = {"since": "2026-10-01", "until": "2026-12-31"}

    text = output(client, "csv", quarter)

    assert NOTE["uk"] not in text
    assert any(line.startswith(f"{TRANS_WOMAN['uk']};<5") for line in text.splitlines())
    filtered = client.get("/admin/reports/training-report.csv", {**quarter, "gender": "woman"})
    assert filtered.status_code == 200


def test_the_form_offers_the_ended_quarters_in_one_click(client, coordinator, november, monkeypatch):
    on(monkeypatch, datetime.date(2026, 11, 20))
    client.force_login(coordinator)

    page = client.get("/admin/reports/", {"city": ""}).content.decode()

    assert "3 квартал 2026" in page and "2025 рік" in page
    assert "since=2026-07-01&amp;until=2026-09-30" in page


def test_an_admin_may_still_choose_any_period(client, admin_user, november, monkeypatch):
    on(monkeypatch, datetime.date(2026, 11, 20))
    client.force_login(admin_user)

    text = output(client, "csv", {"since": "2026-11-01", "until": "2026-11-13"})
    filtered = client.get(
        "/admin/reports/training-report.csv",
        {"since": "2026-11-01", "until": "2026-11-13", "gender": "woman"},
    )

    assert NOTE["uk"] not in text and any(line.startswith(TRANS_WOMAN["uk"]) for line in text.splitlines())
    assert filtered.status_code == 200


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_note_and_the_refusal_are_in_the_coordinators_language(
    client, coordinator, november, monkeypatch, language
):
    on(monkeypatch, datetime.date(2026, 11, 20))
    in_language(coordinator, language)
    client.force_login(coordinator)

    text = output(client, "csv", {"since": "2026-11-01", "until": "2026-11-13"})
    page = client.get("/admin/reports/", {"since": "2026-11-01", "gender": "woman"}).content.decode()

    assert NOTE[language] in text
    assert demographic_lines(text, language) == []
    assert REFUSED[language] in page


def test_the_command_line_follows_the_same_rule(november, monkeypatch, tmp_path):
    on(monkeypatch, datetime.date(2027, 1, 10))
    free, quarter = tmp_path / "free.csv", tmp_path / "quarter.csv"

    call_command("export_report", format="csv", output=str(free), since="2026-11-01", until="2026-11-13")
    call_command("export_report", format="csv", output=str(quarter), since="2026-10-01", until="2026-12-31")

    free_text, quarter_text = free.read_text("utf-8-sig"), quarter.read_text("utf-8-sig")
    assert NOTE["uk"] in free_text and demographic_lines(free_text) == []
    assert NOTE["uk"] not in quarter_text and TRANS_WOMAN["uk"] in quarter_text
