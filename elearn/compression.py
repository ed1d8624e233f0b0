"""Compressed responses in every deployment: brotli when the browser accepts it, else gzip.

A module page is about a third of its size compressed, which is what a trainee on shared
3G waits for. Static files in production come pre-compressed from whitenoise (they carry
Content-Encoding and pass through untouched); in development and tests they are compressed
here on the fly. Why this is safe against BREACH: docs/decisions.md."""

import re

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

try:
    import brotli
except ImportError:  # a deployment without the wheel still sends gzip
    brotli = None

ACCEPTS_BROTLI = re.compile(r"\bbr\b")
# Text compresses; audio, video, images and H5P packages are compressed already, and a
# partial (206) answer to a range request must stay byte for byte what was asked for.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
BROTLI_QUALITY = 5  # as small as gzip -9 and several times faster than brotli's best


# The admin's pages can show secrets beside what staff typed (a second factor's set-up
# key, join codes, search terms): they go uncompressed (docs/decisions.md, BREACH).
UNCOMPRESSED_PATHS = ("/admin/",)


def _compressible(request, response) -> bool:
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith(COMPRESSIBLE)
        and not request.path_info.startswith(UNCOMPRESSED_PATHS)
    )


# Templates indent their HTML for whoever edits them; a browser needs none of it (about
# 150 bytes of a module page after brotli, and the compressor has less to read). Not where
# spaces show: preformatted text and text areas.
ACCEPTS_COMPRESSION = re.compile(r"\b(br|gzip)\b")
INDENTATION = re.compile(rb"\n\s+")
KEEPS_SPACES = (b"<pre", b"<textarea")


def _drop_indentation(response) -> None:
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return
    content = response.content
    if any(tag in content for tag in KEEPS_SPACES):
        return
    response.content = INDENTATION.sub(b"\n", content)
    response.headers["Content-Length"] = str(len(response.content))


class CompressionMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (it pads the gzip header with random bytes, "Heal the
    Breach"), plus brotli for whole responses when the browser asks for it."""

    def process_response(self, request, response):
        if not _compressible(request, response) or response.has_header("Content-Encoding"):
            return response
        accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
        if ACCEPTS_COMPRESSION.search(accepted):
            _drop_indentation(response)
        if brotli is None or response.streaming or not ACCEPTS_BROTLI.search(accepted):
            return super().process_response(request, response)
        if len(response.content) < 200:
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "br"
        return response
