"""A coordinator in Chromium: signs in to the admin, filters the dashboard to a period,
sees the chart, downloads the XLSX."""

import io

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_authoring import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_coordinator_filters_the_dashboard_and_downloads_the_xlsx(visit, demo, tmp_path):
    page = visit()
    admin_sign_in(page, "coordinator-lviv")

    page.goto("/admin/reports/")
    today = timezone.localdate().isoformat()
    page.locator("input[name=since]").fill(today[:8] + "01")
    page.locator("input[name=until]").fill(today)
    page.get_by_role("button", name="Показати", exact=True).click()

    expect(page.locator("figure.report-chart svg").first).to_be_visible()  # drawn; a hidden table reads it
    expect(page.locator("figcaption").first).to_have_text("Від початку навчання до сертифіката")
    assert "since=" in page.url

    with page.expect_download() as download:
        page.get_by_role("link", name="Звіт про навчання (XLSX)").click()
    saved = tmp_path / "report.xlsx"
    download.value.save_as(saved)
    rows = list(openpyxl.load_workbook(io.BytesIO(saved.read_bytes())).active.iter_rows(values_only=True))
    assert rows[0][0] == "Звіт про навчання рівних консультанток і консультантів"
    assert any(row and row[0] == "Салюс" for row in rows)  # the demo organisation's own row
