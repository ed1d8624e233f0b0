"""Writing sections of rows as CSV, XLSX (openpyxl in write-only mode, streamed from a
temporary file) and PDF (reportlab, bundled font). Reports and the certificates list both
export through here.

CSV is written for Excel as coordinators have it, set up for Ukrainian or Russian: there
the list separator is ";" (the comma is the decimal mark), so a comma-separated file opens
as one column; and the BOM tells it the file is UTF-8, so Cyrillic is intact. XLSX sheets
are named (by the caller, or after the file's first heading), not "Sheet".

Text in these files can come from staff (group and course names) and, through them, from
anyone holding a staff account. A spreadsheet runs a cell that starts with "=", "+", "-"
or "@" as a formula (a link that sends data away, a command): CSV cells that start so get
a leading apostrophe, XLSX cells are written as text. PDF text is escaped, so a name is
never read as reportlab markup (an <img> tag could embed a file from the server)."""

import csv
import io
import tempfile
from dataclasses import dataclass
from numbers import Number
from xml.sax.saxutils import escape

from django.http import FileResponse, HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from .pdf_fonts import BOLD, REGULAR, register_fonts


@dataclass(frozen=True)
class Section:
    """One table: a title, its column headings and its rows."""

    title: str
    columns: list
    rows: list


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
# Excel refuses these in a sheet name, and more than 31 characters.
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
SHEET_NAME_LENGTH = 31


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def _rows(header, sections):
    """Every row of the file, header first; a lone table needs no title above it."""
    for name, value in header:
        yield [name, value] if value else [name]
    for section in sections:
        if header or len(sections) > 1:
            yield []
            yield [section.title]
        yield section.columns
        yield from section.rows


def csv_bytes(header, sections) -> bytes:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER)
    for row in _rows(header, sections):
        writer.writerow([f"'{value}" if is_formula_like(value) else value for value in row])
    return buffer.getvalue().encode("utf-8")


def _xlsx_cell(sheet, value):
    if value is not None and not isinstance(value, Number) and not hasattr(value, "isoformat"):
        value = str(value)  # lazy translations and the like
    cell = WriteOnlyCell(sheet, value=value)
    if is_formula_like(value):
        cell.data_type = "s"  # shown as the text it is, never run
    return cell


def sheet_name(header, sections, name=None) -> str:
    """`name`, or the file's first heading, as Excel accepts it: none of its forbidden
    characters, at most 31 characters (cut at a word), no quote at either end."""
    if not name:
        name = header[0][0] if header else (sections[0].title if sections else "")
    name = " ".join(str(name).translate(SHEET_NAME_FORBIDDEN).split()).strip("'")
    if len(name) > SHEET_NAME_LENGTH:
        name = name[: SHEET_NAME_LENGTH + 1].rsplit(" ", 1)[0][:SHEET_NAME_LENGTH]
    return name or "1"


def write_xlsx(header, sections, target, sheet=None) -> None:
    """Rows go to disk as they are written (write-only mode): memory stays flat. `sheet`:
    the sheet's name (else the file's first heading)."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=sheet_name(header, sections, sheet))
    for row in _rows(header, sections):
        worksheet.append([_xlsx_cell(worksheet, value) for value in row])
    workbook.save(target)


def csv_response(header, sections, filename) -> HttpResponse:
    response = HttpResponse(csv_bytes(header, sections), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(header, sections, filename, sheet=None) -> FileResponse:
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (FileResponse closes it)
    write_xlsx(header, sections, spool, sheet=sheet)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def pdf_bytes(header, sections) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    register_fonts()
    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        style.fontName = REGULAR
    styles["Heading1"].fontName = styles["Heading2"].fontName = BOLD
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm)
    story = [Paragraph(escape(str(header[0][0])), styles["Heading1"])]
    story += [Paragraph(escape(f"{name} {value}"), styles["Normal"]) for name, value in header[1:]]
    for section in sections:
        story += [Spacer(1, 6 * mm), Paragraph(escape(str(section.title)), styles["Heading2"])]
        cells = [[Paragraph(escape(str(c)), styles["Normal"]) for c in section.columns]]
        cells += [[str(value) for value in row] for row in section.rows]
        table = Table(cells, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, 8),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    document.build(story)
    return buffer.getvalue()
