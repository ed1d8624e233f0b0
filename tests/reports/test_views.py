"""The dashboard and exports in the admin: scoped, readable in Excel, refusing tampering."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from tests.factories import UserFactory

OCTOBER = {"since": "2026-10-01", "until": "2026-10-31"}


@pytest.fixture
def two_organisations(story, group, other_org_group):
    """Mine: six finished in October; theirs: one, with a nickname that must never leak."""
    for n in range(6):
        story.finished(
            story.trainee(group, gender="woman"), datetime.date(2026, 10, 5), 40, 70, f"AAAA-AAAA-AAA{n}"
        )
    theirs = story.trainee(other_org_group, gender="woman", nickname="outsider-x")
    story.finished(theirs, datetime.date(2026, 10, 5), 40, 70, "CCCC-CCCC-CCCC")
    return story


def test_the_dashboard_shows_numbers_a_chart_and_tables(client, coordinator, two_organisations):
    client.force_login(coordinator)

    page = client.get("/admin/reports/", OCTOBER).content.decode()

    assert "<svg" in page and "Від початку навчання до сертифіката" in page
    assert "Усі учасниці й учасники" in page
    assert "outsider-x" not in page


def test_csv_has_a_bom_cyrillic_headers_and_the_right_numbers(client, coordinator, two_organisations):
    """Excel set up for Ukrainian or Russian splits columns at ";" and reads UTF-8 by its BOM."""
    client.force_login(coordinator)

    response = client.get("/admin/reports/training-report.csv", OCTOBER)

    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header = next(row for row in rows if row and row[1:3] == ["Почали навчання", "Завершили"])
    totals = rows[rows.index(header) + 1]
    assert totals[:5] == ["Усі", "6", "6", "100%", "6"]  # the other organisation is not in it


def test_xlsx_reads_back_with_openpyxl(client, coordinator, two_organisations):
    client.force_login(coordinator)

    response = client.get("/admin/reports/training-report.xlsx", OCTOBER)

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "Звіт про навчання рівних консультанток і консультантів"
    header = next(i for i, row in enumerate(values) if row[1] == "Почали навчання")
    assert list(values[header + 1][:5]) == ["Усі", 6, 6, "100%", 6]


@pytest.mark.parametrize(
    ("language", "report", "trainees"),
    [
        ("uk", "Звіт про навчання", "Учасниці та учасники"),
        ("ru", "Отчёт об обучении", "Участницы и участники"),
    ],
)
def test_xlsx_sheets_are_named_in_the_coordinators_language(
    client, coordinator, two_organisations, language, report, trainees
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = language
    profile.save()
    client.force_login(coordinator)

    for url, name in (("training-report.xlsx", report), ("trainees.xlsx", trainees)):
        response = client.get(f"/admin/reports/{url}", OCTOBER)
        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        assert workbook.sheetnames == [name]


def test_the_trainee_list_is_the_coordinators_organisation_only(client, coordinator, two_organisations):
    client.force_login(coordinator)

    listing = client.get("/admin/reports/trainees.csv").content.decode("utf-8-sig")

    assert "outsider-x" not in listing and "CCCC-CCCC-CCCC" not in listing
    assert listing.count("AAAA-AAAA-AAA") == 6
    assert "outsider-x" not in client.get("/admin/reports/training-report.csv").content.decode("utf-8-sig")


def test_asking_for_another_organisation_is_refused(client, coordinator, two_organisations, other_org_group):
    client.force_login(coordinator)
    other = {"organisation": other_org_group.organisation_id}

    for url in ("/admin/reports/", "/admin/reports/training-report.xlsx", "/admin/reports/trainees.csv"):
        assert client.get(url, other).status_code == 403
        assert client.get(url, {"group": other_org_group.pk}).status_code == 403


def test_admins_see_everyone_and_may_filter_by_organisation(client, two_organisations, other_org_group):
    client.force_login(UserFactory(nickname="boss", is_superuser=True, is_staff=True))

    listing = client.get("/admin/reports/trainees.csv").content.decode("utf-8-sig")
    theirs = client.get("/admin/reports/trainees.csv", {"organisation": other_org_group.organisation_id})

    assert "outsider-x" in listing
    assert (
        theirs.content.decode("utf-8-sig").count("-") >= 1 and "AAAA-AAAA-AAA0" not in theirs.content.decode()
    )


def test_trainers_and_trainees_have_no_reports(client, trainer, trainee, two_organisations):
    for user in (trainer, trainee):
        client.force_login(user)
        assert client.get("/admin/reports/").status_code in (302, 403)
        assert client.get("/admin/reports/trainees.csv").status_code in (302, 403)


def test_invalid_dates_get_a_clear_message(client, coordinator, two_organisations):
    client.force_login(coordinator)

    backwards = client.get("/admin/reports/", {"since": "2026-10-31", "until": "2026-10-01"})
    nonsense = client.get("/admin/reports/training-report.csv", {"since": "31.31.2026"})

    assert "Кінець періоду раніше за початок." in backwards.content.decode()
    assert nonsense.status_code == 400 and "Введіть коректну дату." in nonsense.content.decode()


def test_the_printable_report_and_pdf(client, coordinator, two_organisations):
    client.force_login(coordinator)

    page = client.get("/admin/reports/training-report/", OCTOBER)
    pdf = client.get("/admin/reports/training-report.pdf", OCTOBER)

    assert "Звіт про навчання рівних консультанток і консультантів" in page.content.decode()
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_command_line_export(two_organisations, tmp_path, organisation):
    target = tmp_path / "report.xlsx"

    call_command(
        "export_report",
        "--format",
        "xlsx",
        "--output",
        str(target),
        "--organisation",
        organisation.slug,
        "--since",
        "2026-10-01",
        "--until",
        "2026-10-31",
        "--language",
        "ru",
        stdout=io.StringIO(),
    )

    values = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert values[0][0] == "Отчёт об обучении равных консультанток и консультантов"
    header = next(i for i, row in enumerate(values) if row[1] == "Начали обучение")
    assert values[header + 1][1] == 6
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("export_report", "--format", "csv", "--output", str(target), "--since", "yesterday")
    with pytest.raises(CommandError, match="No organisation"):
        call_command("export_report", "--format", "csv", "--output", str(target), "--organisation", "nope")
