"""The PDF font: Source Sans Pro, shipped by a Python package, covers Cyrillic. Nothing is
taken from the machine's fonts, so every PDF looks the same everywhere."""

from functools import cache
from pathlib import Path

import font_source_sans_pro
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS = Path(font_source_sans_pro.font_directory)
REGULAR, BOLD = "SourceSansPro", "SourceSansPro-Bold"


@cache
def register_fonts() -> TTFont:
    regular = TTFont(REGULAR, str(FONTS / "SourceSansPro-Regular.ttf"))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "SourceSansPro-Bold.ttf")))
    return regular


def font_has(char: str) -> bool:
    return char == " " or ord(char) in register_fonts().face.charToGlyph
