"""Writing sections of rows as CSV (UTF-8 with BOM, for Excel), XLSX (openpyxl in
write-only mode, streamed from a temporary file) and PDF (reportlab, bundled font).
Reports and the certificates list both export through here."""

import csv
import io
import tempfile
from dataclasses import dataclass

from django.http import FileResponse, HttpResponse
from openpyxl import Workbook

from .pdf_fonts import BOLD, REGULAR, register_fonts


@dataclass(frozen=True)
class Section:
    """One table: a title, its column headings and its rows."""

    title: str
    columns: list
    rows: list


def csv_bytes(header, sections) -> bytes:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for name, value in header:
        writer.writerow([name, value] if value else [name])
    for section in sections:
        if header or len(sections) > 1:  # a lone table needs no title above it
            writer.writerow([])
            writer.writerow([section.title])
        writer.writerow(section.columns)
        writer.writerows(section.rows)
    return buffer.getvalue().encode("utf-8")


def write_xlsx(header, sections, target) -> None:
    """Rows go to disk as they are written (write-only mode): memory stays flat."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for name, value in header:
        sheet.append([name, value] if value else [name])
    for section in sections:
        if header or len(sections) > 1:
            sheet.append([])
            sheet.append([section.title])
        sheet.append(section.columns)
        for row in section.rows:
            sheet.append(row)
    workbook.save(target)


def csv_response(header, sections, filename) -> HttpResponse:
    response = HttpResponse(csv_bytes(header, sections), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(header, sections, filename) -> FileResponse:
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (FileResponse closes it)
    write_xlsx(header, sections, spool)
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
    story = [Paragraph(header[0][0], styles["Heading1"])]
    story += [Paragraph(f"{name} {value}", styles["Normal"]) for name, value in header[1:]]
    for section in sections:
        story += [Spacer(1, 6 * mm), Paragraph(section.title, styles["Heading2"])]
        cells = [[Paragraph(str(c), styles["Normal"]) for c in section.columns]]
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
