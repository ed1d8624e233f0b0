"""Certificate PDFs kept in the cache for a day, so a second download is not drawn again.

One entry per certificate, status and language, whatever name is printed on it (the name's
digest is kept inside the entry): a PDF with a new name replaces the old one, and every
cached copy of a certificate can be found and dropped when the name changes or the
account is deleted (elearn/privacy.py)."""

import hashlib

from django.core.cache import cache

from common.languages import language_codes

from .models import Certificate

PDF_CACHE_SECONDS = 24 * 3600


def _key(certificate: Certificate, status: str, language: str) -> str:
    return f"certificate-pdf:{certificate.pk}:{status}:{language}"


def _digest(printed: str) -> str:
    return hashlib.sha256(printed.encode()).hexdigest()[:16]


def cached_pdf(certificate: Certificate, *, language: str, printed: str) -> bytes | None:
    entry = cache.get(_key(certificate, certificate.status, language))
    if entry and entry[0] == _digest(printed):
        return entry[1]
    return None


def keep_pdf(certificate: Certificate, *, language: str, printed: str, data: bytes) -> None:
    key = _key(certificate, certificate.status, language)
    cache.set(key, (_digest(printed), data), PDF_CACHE_SECONDS)


def forget_pdfs(certificate: Certificate) -> None:
    """Every cached PDF of `certificate`, in every status and language."""
    cache.delete_many(
        [
            _key(certificate, status, language)
            for status in Certificate.Status.values
            for language in language_codes()
        ]
    )
