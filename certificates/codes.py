"""Verification codes: 60 random bits from `secrets`, written in Crockford base32 as
XXXX-XXXX-XXXX. Typed codes are read forgivingly: any case, with or without dashes or
spaces, 0/O and 1/I/L alike."""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
LENGTH = 12  # 12 × 5 bits = 60 bits
READ_ALIKE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _grouped(text: str) -> str:
    return "-".join(text[i : i + 4] for i in range(0, LENGTH, 4))


def new_code() -> str:
    number = secrets.randbits(5 * LENGTH)
    chars = [ALPHABET[(number >> (5 * i)) & 31] for i in range(LENGTH)]
    return _grouped("".join(chars))


def normalize(typed: str) -> str | None:
    """The canonical code for what someone typed, or None if it cannot be a code."""
    if not isinstance(typed, str) or len(typed) > 40:
        return None
    text = "".join(typed.split()).replace("-", "").upper().translate(READ_ALIKE)
    if len(text) != LENGTH or any(char not in ALPHABET for char in text):
        return None
    return _grouped(text)
