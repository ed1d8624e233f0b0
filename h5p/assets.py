"""Serving an H5P package's files to the sandboxed player.

The player runs in an <iframe sandbox="allow-scripts"> without allow-same-origin: its
origin is opaque, it sends no cookies and reads nothing of the site. Its files are
therefore reached by signed URLs that need no session:

  /h5p/assets/<token>/h5p.json, /h5p/assets/<token>/content/...   (the package)
  /h5p/assets/<token>/libraries/<Machine.Name-1.0>/...             (its libraries only)
  /h5p/assets/lib/<Machine.Name-1.0>/<hash>/...                    (library code, by content)

The token names the package, its version (the folder its files are stored in: a
replaced package has a new one, so new addresses at once) and the day it was given out:
every page view that day gets the same addresses, valid until the end of the next day
(H5P_ASSET_MAX_AGE), so browsers may keep them a day. Library code is addressed by its
version and the hash of its files: the same for every package that uses it, never
changing, so it is kept for a year. The
player finds it there because the library.json it reads (through the package's token)
names its scripts and styles by those addresses.

Text files go compressed (brotli or gzip, as the browser accepts; h5p/wire.py) and every
response carries its own sandboxing policy, so a file opened on its own runs nothing.
CORS is allowed on these responses alone, since the opaque origin reads them
cross-origin."""

import json
import math
import mimetypes
import posixpath
import re
import time

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core import signing
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from django.views.decorators.http import require_GET

from .models import H5PContent, H5PLibrary
from .wire import ENCODINGS, encoded_name, manifest, read_json, wire_size

SALT = "conecta.h5p.assets"
DAY = 24 * 3600
LIBRARY_FOLDER = re.compile(r"^([A-Za-z0-9._-]+)-(\d+)\.(\d+)$")
CONTENT_CACHE = f"private, max-age={DAY}"
CODE_CACHE = "public, max-age=31536000, immutable"


def _today() -> int:
    return int(time.time()) // DAY


# Library code is served only once a site administrator installed it; "replaced" code was
# installed until a newer patch came, and a library.json cached that day may still name it.
SERVED_LIBRARIES = (H5PLibrary.INSTALLED, H5PLibrary.REPLACED)


def _revision(content: H5PContent) -> str:
    """Which version of the package: its storage folder, new on every replace."""
    return content.storage_path.rstrip("/").rsplit("/", 1)[-1][:12]


def asset_token(content: H5PContent) -> str:
    return signing.Signer(salt=SALT).sign_object([content.pk, _today(), _revision(content)])


def asset_base_url(content: H5PContent) -> str:
    return f"/h5p/assets/{asset_token(content)}/"


def content_for_token(token) -> H5PContent:
    try:
        content_id, day, revision = signing.Signer(salt=SALT).unsign_object(token)
        issued = int(day) * DAY
    except (signing.BadSignature, TypeError, ValueError, UnicodeDecodeError):
        raise Http404 from None
    if not 0 <= time.time() - issued <= settings.H5P_ASSET_MAX_AGE:
        raise Http404
    served = H5PLibrary.objects.filter(status__in=SERVED_LIBRARIES)
    content = (
        H5PContent.objects.prefetch_related(Prefetch("libraries", queryset=served))
        .filter(pk=content_id, awaiting_approval=False)
        .first()
    )
    # A package replaced since: its old files are gone, and its new ones have new addresses.
    if content is None or _revision(content) != revision:
        raise Http404
    return content


def library_digest(library: H5PLibrary) -> str:
    return manifest(library.storage_path)["hash"][:20]


def _safe_parts(path: str) -> list[str]:
    parts = path.split("/")
    if not path or "\\" in path or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        raise Http404
    return parts


def _accepted(request) -> set[str]:
    accepted = set()
    for item in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = item.strip().lower().partition(";")
        quality = params.strip().removeprefix("q=")
        try:
            if params and float(quality) <= 0:
                continue
        except ValueError:
            continue
        accepted.add(name.strip())
    return accepted


def _headers(response, cache_control: str):
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = cache_control
    response["Vary"] = "Accept-Encoding"
    # Opened on its own, a package file can run nothing and reach nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _content_type(path: str) -> str:
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


def _send(request, folder: str, path: str, cache_control: str):
    """The stored file `folder` + `path`, compressed if the browser accepts it."""
    entry = manifest(folder)["files"].get(path)
    if entry is None:
        raise Http404
    encoding = next((name for name in ENCODINGS if name in entry and name in _accepted(request)), None)
    etag = f'"{entry["sha"][:32]}-{encoding or "identity"}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        name = encoded_name(folder, path, encoding) if encoding else folder + path
        response = FileResponse(default_storage.open(name), content_type=_content_type(path))
        if encoding:
            response["Content-Encoding"] = encoding
    response["ETag"] = etag
    return _headers(response, cache_control)


def _library_json(request, library: H5PLibrary):
    """The library's library.json, with its scripts and styles named by their lasting
    addresses: ../../../ climbs from /h5p/assets/<token>/libraries/<folder>/ to /h5p/assets/."""
    data = read_json(library.storage_path + "library.json")
    lasting = f"../../../lib/{library}/{library_digest(library)}/"
    for key in ("preloadedJs", "preloadedCss"):
        for item in data.get(key) or []:
            if isinstance(item, dict) and isinstance(item.get("path"), str):
                item["path"] = lasting + "/".join(_safe_parts(item["path"]))
    response = HttpResponse(json.dumps(data), content_type="application/json")
    return _headers(response, CONTENT_CACHE)


@require_GET
def asset(request, token, path):
    content = content_for_token(token)
    parts = _safe_parts(path)
    if parts[0] == "libraries":
        folders = {str(library): library for library in content.libraries.all()}
        library = folders.get(parts[1]) if len(parts) > 2 else None
        if library is None:
            raise Http404
        if parts[2:] == ["library.json"]:
            return _library_json(request, library)
        return _send(request, library.storage_path, "/".join(parts[2:]), CONTENT_CACHE)
    if parts[0] != "content" and path != "h5p.json":
        raise Http404
    return _send(request, content.storage_path, path, CONTENT_CACHE)


@require_GET
def library_file(request, folder, digest, path):
    """Library code at its lasting address: only a stored library an administrator
    installed whose files hash to `digest` (what a package's library.json named), only
    its own files; never code waiting for approval or refused."""
    match = LIBRARY_FOLDER.match(folder)
    if not match or not re.fullmatch(r"[0-9a-f]{20}", digest):
        raise Http404
    name, major, minor = match.groups()
    parts = _safe_parts(path)
    candidates = H5PLibrary.objects.filter(
        machine_name=name, major_version=major, minor_version=minor, status__in=SERVED_LIBRARIES
    )
    for library in candidates:
        if library_digest(library) == digest:
            return _send(request, library.storage_path, "/".join(parts), CODE_CACHE)
    raise Http404


# What the player loads besides the package: h5p-standalone, H5P core's styles and icon
# font, and our own script and styles.
PLAYER_FILES = (
    "h5p-standalone/main.bundle.js",
    "h5p-standalone/frame.bundle.js",
    "h5p-standalone/styles/h5p.css",
    "h5p-standalone/fonts/h5p-core-30.woff2",
    "h5p/player.js",
    "h5p/player.css",
)


def _library_closure(content: H5PContent) -> list[H5PLibrary]:
    """The libraries the player loads for `content`: its h5p.json's preloaded
    dependencies and theirs, as h5p-standalone walks them."""
    libraries = {str(library): library for library in content.libraries.all()}
    manifest_json = read_json(content.storage_path + "h5p.json")
    queue, seen, found = list(manifest_json.get("preloadedDependencies") or []), set(), []
    while queue:
        dependency = queue.pop()
        try:
            folder = f"{dependency['machineName']}-{dependency['majorVersion']}.{dependency['minorVersion']}"
        except (KeyError, TypeError):
            continue
        if folder in seen or folder not in libraries:
            continue
        seen.add(folder)
        found.append(libraries[folder])
        data = read_json(libraries[folder].storage_path + "library.json")
        queue += data.get("preloadedDependencies") or []
    return found


def package_download_bytes(content: H5PContent) -> int:
    """Bytes on the wire for the package's part of a first open: its JSON, and each
    loaded library's library.json, scripts and styles, compressed as served. Images,
    fonts and media a package shows later are not counted."""
    files = manifest(content.storage_path)["files"]
    total = sum(wire_size(files[name]) for name in ("h5p.json", "content/content.json") if name in files)
    for library in _library_closure(content):
        library_files = manifest(library.storage_path)["files"]
        data = read_json(library.storage_path + "library.json")
        total += library_files.get("library.json", {}).get("size", 0)
        for key in ("preloadedJs", "preloadedCss"):
            for item in data.get(key) or []:
                entry = library_files.get(item.get("path")) if isinstance(item, dict) else None
                total += wire_size(entry) if entry else 0
    return total


FONT_URL = re.compile(r"""url\(\s*['"]?([^'")?#]+\.woff2(?:\?[^'")#]*)?)""")


def _fonts(css: str, css_url: str) -> list[str]:
    """The woff2 fonts a stylesheet names (the format every browser we serve picks)."""
    return [
        posixpath.normpath(posixpath.join(posixpath.dirname(css_url), ref)) for ref in FONT_URL.findall(css)
    ]


def player_files(content: H5PContent, base: str, static_files: dict[str, str]) -> list[str]:
    """Every address the player fetches to start `content` (the package's JSON, the
    library.json files, the libraries' scripts, styles and fonts at their lasting
    addresses, and `static_files`: name -> address of the player's own), for the module
    page to fetch into its cache and hand over (h5p/static/h5p/activity.js): the sandboxed
    frame's own requests are never cached by the browser, being from an opaque origin."""
    urls = [base + "h5p.json", base + "content/content.json", *static_files.values()]
    for name, url in static_files.items():
        if name.endswith(".css"):  # H5P core's icons; its text fonts only if a package uses them
            urls += [font for font in _fonts(static_text(name), url) if "h5p-core" in font]
    for library in _library_closure(content):
        urls.append(f"{base}libraries/{library}/library.json")
        lasting = f"/h5p/assets/lib/{library}/{library_digest(library)}/"
        data = read_json(library.storage_path + "library.json")
        for key in ("preloadedJs", "preloadedCss"):
            for item in data.get(key) or []:
                path = item.get("path") if isinstance(item, dict) else None
                if not isinstance(path, str):
                    continue
                urls.append(lasting + path)
                if key == "preloadedCss" and default_storage.exists(library.storage_path + path):
                    with default_storage.open(library.storage_path + path) as handle:
                        urls += _fonts(handle.read().decode("utf-8", "replace"), lasting + path)
    return list(dict.fromkeys(urls))


def static_text(name: str) -> str:
    found = finders.find(name)  # development and tests: the source folders
    if found:
        with open(found, "rb") as handle:
            return handle.read().decode("utf-8", "replace")
    if staticfiles_storage.exists(name):  # collected
        with staticfiles_storage.open(name) as handle:
            return handle.read().decode("utf-8", "replace")
    return ""


def kilobytes(size: int) -> int:
    """Whole kilobytes, rounded up: the same figure in every language."""
    return max(1, math.ceil(size / 1024))
