"""A coordinator downloads the report with no dates chosen, in the Ukrainian and the Russian
admin: the period says "all time", countries have names, the CSV opens in Excel set up for
their language (";" between cells, a BOM for UTF-8) and the XLSX sheet has a name."""

import csv
import io

import openpyxl
import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from accounts.models import User
from tests.browser.test_authoring import DESKTOP, admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SAY = {
    "uk": {
        "coordinator": "coordinator-lviv",
        "show": "Показати",
        "print": "Звіт про навчання (друк)",
        "csv": "Звіт про навчання (CSV)",
        "xlsx": "Звіт про навчання (XLSX)",
        "period": ("Період", "увесь час"),
        "country": "Україна",
        "sheet": "Звіт про навчання",
    },
    "ru": {
        "coordinator": "coordinator-lviv",  # a Russian-speaking coordinator in Lviv
        "show": "Показать",
        "print": "Отчёт об обучении (печать)",
        "csv": "Отчёт об обучении (CSV)",
        "xlsx": "Отчёт об обучении (XLSX)",
        "period": ("Период", "всё время"),
        "country": "Украина",
        "sheet": "Отчёт об обучении",
    },
}


def download(page, link, tmp_path):
    with page.expect_download() as started:
        page.get_by_role("link", name=link, exact=True).click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    return saved.read_bytes()


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_coordinator_downloads_the_report_for_all_time(visit, demo, tmp_path, lang):
    say = SAY[lang]
    profile = UserProfile.get_for_user(User.objects.get(nickname=say["coordinator"]))
    profile.preferred_language = lang
    profile.save()
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    page.set_viewport_size(DESKTOP)
    admin_sign_in(page, say["coordinator"])
    page.goto("/admin/reports/")
    page.get_by_role("button", name=say["show"], exact=True).click()

    body = download(page, say["csv"], tmp_path)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert list(say["period"]) in rows  # "Період;увесь час", not "Період;… – …"
    assert any(row and row[0] == say["country"] for row in rows), [row[0] for row in rows if row]
    assert not any(row and row[0] == "UA" for row in rows)

    workbook = openpyxl.load_workbook(io.BytesIO(download(page, say["xlsx"], tmp_path)))
    assert workbook.sheetnames == [say["sheet"]]

    page.get_by_role("link", name=say["print"]).click()
    expect(page.locator("body")).to_contain_text(say["period"][1])
    expect(page.locator("body")).to_contain_text(say["country"])
