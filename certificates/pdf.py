"""The certificate as a PDF: A4 landscape, drawn with reportlab in a font with Cyrillic
that a Python package ships (Source Sans Pro), so no font is taken from the machine."""

import io

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from common.pdf_fonts import BOLD, REGULAR, register_fonts

ACCENT, INK, MUTED = HexColor("#7a1f5c"), HexColor("#1d1d1f"), HexColor("#55555a")


def _centred(canvas, text, y, size, font=REGULAR, color=INK, width=None):
    """Draw `text` centred, shrinking it until it fits the page's width."""
    page_width = landscape(A4)[0]
    width = width or page_width - 40 * mm
    while size > 8 and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 1
    canvas.setFont(font, size)
    canvas.setFillColor(color)
    canvas.drawCentredString(page_width / 2, y, text)


def _hours(hours) -> str:
    return str(int(hours)) if hours == int(hours) else formats.number_format(hours)


def _plural_count(hours) -> int:
    """Whole hours pick their plural form; fractions read like "1,5 години" (form of 2)."""
    return int(hours) if hours == int(hours) else 2


def certificate_pdf(*, name, organisation, course_title, hours, issued_at, score, code, verify_url, language):
    """The PDF bytes. `score` is None when the course does not show it."""
    register_fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height), invariant=True)
    with override(language):
        canvas.setTitle(_("Certificate") + " " + code)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(3)
        canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)

        _centred(canvas, organisation, height - 36 * mm, 16, color=MUTED)
        _centred(canvas, _("Certificate"), height - 62 * mm, 40, BOLD, ACCENT)
        _centred(canvas, _("This certifies that"), height - 80 * mm, 14, color=MUTED)
        _centred(canvas, name, height - 98 * mm, 30, BOLD)
        _centred(canvas, _("has completed the peer-education course"), height - 114 * mm, 14, color=MUTED)
        _centred(canvas, f"«{course_title}»", height - 130 * mm, 22, BOLD)
        details = [
            ngettext("%(hours)s hour", "%(hours)s hours", _plural_count(hours)) % {"hours": _hours(hours)},
            formats.date_format(issued_at, "j E Y"),
        ]
        if score is not None:
            details.append(_("final test: %(score)s%%") % {"score": score})
        _centred(canvas, " · ".join(details), height - 146 * mm, 14)

        canvas.setFont(REGULAR, 11)
        canvas.setFillColor(MUTED)
        canvas.drawString(22 * mm, 34 * mm, _("Verification code: %(code)s") % {"code": code})
        canvas.drawString(22 * mm, 28 * mm, _("Check it at:"))
        canvas.drawString(22 * mm, 22 * mm, verify_url)

        qr = QrCodeWidget(verify_url, barLevel="M")
        x0, y0, x1, y1 = qr.getBounds()
        size = 34 * mm
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(qr)
        renderPDF.draw(drawing, canvas, width - 22 * mm - size, 18 * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
