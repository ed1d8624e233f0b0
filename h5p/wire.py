"""Package files as they travel: each stored folder (a library, a package's own files) gets,
once, a manifest of its files (size, digest, compressed sizes) and compressed copies of its
text files, stored beside it under h5p/wire/ (never inside the folder, whose files are the
package's own and are hashed as they are: h5p/hashing.py).

Stored folders never change (a new version is a new folder), so neither does what is
derived from them: it is made on the first request and read ever after (a per-process
cache keeps the manifest)."""

import gzip
import hashlib
import json
import posixpath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .models import H5PContent, H5PLibrary

try:  # brotli is pinned in requirements.txt; gzip alone still works without it
    import brotli
except ImportError:  # pragma: no cover
    brotli = None

ROOT = "h5p/wire/"
MANIFEST_VERSION = 1
# Worth compressing: text. Images, fonts (woff2 is compressed already) and media are not.
TEXT_EXTENSIONS = {"js", "css", "json", "svg", "html", "htm", "txt", "xml", "csv", "vtt", "map", "md"}
ENCODINGS = ("br", "gzip")  # preferred first


def _walk(prefix: str):
    """Every file under a storage prefix, as paths relative to it."""
    try:
        folders, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    yield from files
    for folder in folders:
        yield from (f"{folder}/{name}" for name in _walk(f"{prefix}{folder}/"))


def encoded_name(folder: str, path: str, encoding: str) -> str:
    return f"{ROOT}{folder}{encoding}/{path}"


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=11)
    return gzip.compress(data, compresslevel=9, mtime=0)


def _store(name: str, data: bytes) -> None:
    if default_storage.exists(name):  # made by a request running at the same time
        return
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # storage renamed it: someone else's copy is there now
        default_storage.delete(saved)


def _build(folder: str) -> dict:
    files, digest = {}, hashlib.sha256()
    for path in sorted(_walk(folder)):
        with default_storage.open(folder + path) as handle:
            data = handle.read()
        sha = hashlib.sha256(data).hexdigest()
        digest.update(f"{path}\0{sha}\n".encode())
        entry = {"size": len(data), "sha": sha}
        extension = posixpath.splitext(path)[1].lstrip(".").lower()
        if extension in TEXT_EXTENSIONS and len(data) > 256:
            for encoding in ENCODINGS:
                if encoding == "br" and brotli is None:
                    continue
                packed = compress(data, encoding)
                if len(packed) < len(data) * 0.9:
                    _store(encoded_name(folder, path, encoding), packed)
                    entry[encoding] = len(packed)
        files[path] = entry
    return {"version": MANIFEST_VERSION, "hash": digest.hexdigest(), "files": files}


def manifest(folder: str) -> dict:
    """{"hash": of every file's name and content, "files": {path: {size, sha, br?, gzip?}}}
    for the stored folder `folder` (ending in "/")."""
    key = f"h5p-wire:{MANIFEST_VERSION}:{folder}"
    found = cache.get(key)
    if found is not None:
        return found
    name = f"{ROOT}{folder}manifest.json"
    found = None
    if default_storage.exists(name):
        with default_storage.open(name) as handle:
            found = json.loads(handle.read())
        if found.get("version") != MANIFEST_VERSION:
            found = None
    if found is None:
        found = _build(folder)
        _store(name, json.dumps(found).encode())
    cache.set(key, found, 24 * 3600)
    return found


def wire_size(entry: dict, encodings=ENCODINGS) -> int:
    """Bytes a file costs a browser that accepts `encodings`."""
    return min([entry["size"], *(entry[encoding] for encoding in encodings if encoding in entry)])


def read_json(name: str):
    with default_storage.open(name) as handle:
        return json.loads(handle.read())


def _delete_tree(prefix: str) -> None:
    for path in list(_walk(prefix)):
        default_storage.delete(prefix + path)


def discard(folder: str) -> None:
    """Delete what was derived from the stored folder `folder`, whose files are deleted."""
    cache.delete(f"h5p-wire:{MANIFEST_VERSION}:{folder}")
    _delete_tree(ROOT + folder)


def orphans_discard(live: set[str]) -> int:
    """Delete the derived copies of stored folders not in `live` (a delete interrupted
    before its files went, or a request that compressed a file just as they went)."""
    discarded = 0
    for parent in ("h5p/content/", "h5p/libraries/"):
        try:
            folders, _files = default_storage.listdir(ROOT + parent)
        except (FileNotFoundError, NotADirectoryError):
            continue
        for name in folders:
            if f"{parent}{name}/" not in live:
                discard(f"{parent}{name}/")
                discarded += 1
    return discarded


def live_folders() -> set[str]:
    return {
        *H5PContent.objects.values_list("storage_path", flat=True),
        *H5PLibrary.objects.values_list("storage_path", flat=True),
    }
