"""The name a trainee types to print on a certificate: cleaned, or refused with a reason."""

import unicodedata

from django.utils.translation import gettext_lazy as _

MAX_NAME_LENGTH = 80


class NameRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def clean_name(typed: str, printable) -> str:
    """Drop control and direction-formatting characters (RTL marks and the like, which
    could reorder what is printed), join whitespace, and refuse what the certificate's font
    cannot draw or what is too long. `printable(char)` says whether the font has a glyph."""
    kept = "".join(char for char in typed if unicodedata.category(char) not in ("Cc", "Cf", "Co", "Cs"))
    name = " ".join(kept.split())
    if len(name) > MAX_NAME_LENGTH:
        raise NameRefused(_("The name is too long: at most 80 characters."))
    if any(not printable(char) for char in name):
        raise NameRefused(_("Use letters of the Ukrainian, Russian or Latin alphabet."))
    return name
