"""Checking an uploaded H5P package before anything of it is kept.

An .h5p file is a ZIP: h5p.json (title, mainLibrary, preloadedDependencies), content/
(content.json and media) and one folder per library, "<machineName>-<major>.<minor>/",
each with a library.json. We refuse, with a message the trainer can act on: what is not
a ZIP; absolute paths, "..", backslashes, symlinks, duplicate or overlong names; too many
files, too many bytes, a suspicious compression ratio (zip bombs); file types outside an
H5P core's allow-lists (never php, html or programs; scripts, styles, SVG and XML only
inside libraries), naming every offending file at once; a missing or broken h5p.json,
content.json or library.json; missing libraries; a library built for development, whose
code runs through eval() (the player's CSP never allows it, so it could never play).
As in H5P core, files and folders whose names start with "." or "_" ("__MACOSX/") and
stray files at the top are skipped, not refused: editors add them and they are never
stored or served."""

import json
import re
import stat
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# The file types H5P core itself accepts (h5p-php-library, H5PCore's default content
# allow-list and the extras it allows in libraries). SVG and XML only in libraries: there
# they are icons, fonts and data, and every package file is served with a policy that
# lets none of them run a script (h5p/assets.py).
CONTENT_EXTENSIONS = frozenset(
    {
        *("json", "txt", "md", "textile", "csv", "diff", "patch", "pdf", "rtf"),
        *("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "gltf", "glb"),
        *("eot", "ttf", "woff", "woff2", "otf"),
        *("webm", "mp4", "ogg", "mp3", "m4a", "wav", "vtt", "webvtt", "swf"),
        *("doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"),
    }
)
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml"}
ROOT_FILES = {"h5p.json"}
NAMES_SHOWN = 5  # offending files named in one message; the rest are counted
# A webpack development build wraps each module in eval("...//# sourceURL=..."). The
# player's CSP has no 'unsafe-eval' (only code an administrator approved runs, never a
# string made at run time), so such a library is refused here rather than approved and
# then failing for every trainee ("Unable to find constructor").
EVAL_MODULE = re.compile(rb"\beval\(\s*[\"'`]")


class PackageRefused(ValueError):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Library:
    machine_name: str
    major: int
    minor: int

    @property
    def folder(self):
        return f"{self.machine_name}-{self.major}.{self.minor}"


@dataclass
class Package:
    title: str
    main_library: str
    dependencies: list[Library]
    files: list[zipfile.ZipInfo]  # those to keep, in order
    libraries: dict[str, dict] = field(default_factory=dict)  # folder -> library.json
    total_size: int = 0


def limit(name):
    return getattr(settings, name)


def _skipped(name: str) -> bool:
    """As H5P core: any file or folder whose name starts with "." or "_" (editors' and
    operating systems' leftovers, "__MACOSX/"); and files at the top besides h5p.json,
    which nothing reads."""
    parts = [part for part in name.split("/") if part]
    return any(part.startswith((".", "_")) for part in parts) or (len(parts) == 1 and name not in ROOT_FILES)


def _check_name(info: zipfile.ZipInfo, seen: set) -> None:
    name = info.filename
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PackageRefused(
            _("The package contains a file with an absolute path: %(name)s") % {"name": name[:100]}
        )
    if "\\" in name:
        raise PackageRefused(
            _("The package contains a file name with a backslash: %(name)s") % {"name": name[:100]}
        )
    if ".." in name.split("/"):
        raise PackageRefused(
            _("The package contains a path that leaves its folder: %(name)s") % {"name": name[:100]}
        )
    if len(name) > limit("H5P_MAX_PATH_LENGTH"):
        raise PackageRefused(_("The package contains a file name that is too long."))
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackageRefused(_("The package contains a symbolic link: %(name)s") % {"name": name[:100]})
    if name in seen:
        raise PackageRefused(_("The package contains the same file twice: %(name)s") % {"name": name[:100]})
    seen.add(name)


def _type_allowed(name: str) -> bool:
    if name in ROOT_FILES:
        return True
    base = name.rsplit("/", 1)[-1]
    extension = base.rsplit(".", 1)[-1].lower() if "." in base else ""
    allowed = CONTENT_EXTENSIONS if name.startswith("content/") else LIBRARY_EXTENSIONS
    return extension in allowed


def names_list(names: list[str]) -> str:
    """ "a, b, c" or "a, b, c and 4 more": a message stays short however many there are."""
    shown = ", ".join(name[:100] for name in names[:NAMES_SHOWN])
    hidden = len(names) - NAMES_SHOWN
    if hidden <= 0:
        return shown
    return ngettext("%(names)s and %(count)s more", "%(names)s and %(count)s more", hidden) % {
        "names": shown,
        "count": hidden,
    }


def refuse_types(names: list[str]) -> None:
    if not names:
        return
    raise PackageRefused(
        ngettext(
            "%(count)s file in the package is of a type H5P does not allow: %(names)s. Remove it from the "
            "package, or export the activity again from Lumi or the H5P site, and upload it again.",
            "%(count)s files in the package are of types H5P does not allow: %(names)s. Remove them from the "
            "package, or export the activity again from Lumi or the H5P site, and upload it again.",
            len(names),
        )
        % {"count": len(names), "names": names_list(names)}
    )


def _development_build(archive, folder: str, data: dict, kept: set) -> bool:
    for item in data.get("preloadedJs") or []:
        path = item.get("path") if isinstance(item, dict) else None
        name = f"{folder}/{path}" if isinstance(path, str) else None
        if name in kept:
            script = archive.read(name)  # its size is within the limits checked above
            if EVAL_MODULE.search(script) and b"//# sourceURL=" in script:
                return True
    return False


def refuse_development_builds(folders: list[str]) -> None:
    if not folders:
        return
    raise PackageRefused(
        ngettext(
            "The library %(names)s is a development build: its code runs through eval(), which the "
            "player does not allow. Export the activity again from Lumi or the H5P site (or build the "
            "library with “npm run build”) and upload it again.",
            "The libraries %(names)s are development builds: their code runs through eval(), which the "
            "player does not allow. Export the activity again from Lumi or the H5P site (or build the "
            "libraries with “npm run build”) and upload it again.",
            len(folders),
        )
        % {"names": names_list(folders)}
    )


def _read_json(archive, name, message):
    try:
        with archive.open(name) as handle:
            raw = handle.read(limit("H5P_MAX_JSON_SIZE") + 1)
        data = json.loads(raw) if len(raw) <= limit("H5P_MAX_JSON_SIZE") else None
    except (KeyError, ValueError, UnicodeDecodeError):
        raise PackageRefused(message) from None
    if not isinstance(data, dict):
        raise PackageRefused(message)
    return data


def _version(value):
    """Versions come as numbers or strings in real exports."""
    if isinstance(value, bool):
        raise ValueError
    number = int(value)
    if number < 0:
        raise ValueError
    return number


def _dependencies(data, message):
    try:
        return [
            Library(str(d["machineName"]), _version(d["majorVersion"]), _version(d["minorVersion"]))
            for d in data.get("preloadedDependencies", [])
        ]
    except (KeyError, TypeError, ValueError):
        raise PackageRefused(message) from None


def inspect_package(uploaded) -> Package:
    """Check the package (a file object or path); return what to keep, or refuse."""
    try:
        archive = zipfile.ZipFile(uploaded)
    except (zipfile.BadZipFile, OSError):
        raise PackageRefused(_("This file is not an H5P package: it is not a ZIP archive.")) from None
    with archive:
        return _inspect(archive)


def _inspect(archive: zipfile.ZipFile) -> Package:
    entries = archive.infolist()
    if len(entries) > limit("H5P_MAX_FILES"):
        raise PackageRefused(
            _("The package has too many files (more than %(limit)s).") % {"limit": limit("H5P_MAX_FILES")}
        )
    seen, files, total, refused_types = set(), [], 0, []
    for info in entries:
        _check_name(info, seen)
        if info.is_dir() or _skipped(info.filename):
            continue
        if not _type_allowed(info.filename):
            refused_types.append(info.filename)
            continue
        if info.file_size > limit("H5P_MAX_FILE_SIZE"):
            raise PackageRefused(
                _("A file in the package is too large: %(name)s") % {"name": info.filename[:100]}
            )
        if info.compress_size and info.file_size / info.compress_size > limit("H5P_MAX_COMPRESSION_RATIO"):
            raise PackageRefused(_("The package is compressed suspiciously well (a possible zip bomb)."))
        total += info.file_size
        if total > limit("H5P_MAX_TOTAL_SIZE"):
            raise PackageRefused(_("The package is too large when unpacked."))
        files.append(info)
    refuse_types(refused_types)  # every offending file at once: the trainer fixes them all in one go

    h5p = _read_json(archive, "h5p.json", _("h5p.json is missing or is not valid JSON."))
    if not isinstance(h5p.get("title"), str) or not isinstance(h5p.get("mainLibrary"), str):
        raise PackageRefused(_("h5p.json has no title or no main library."))
    dependencies = _dependencies(h5p, _("h5p.json lists its libraries in a form we cannot read."))
    if not dependencies:
        raise PackageRefused(_("h5p.json lists no libraries."))
    _read_json(archive, "content/content.json", _("content/content.json is missing or is not valid JSON."))

    folders = {info.filename.split("/", 1)[0] for info in files if "/" in info.filename} - {"content"}
    if not folders:
        raise PackageRefused(
            _(
                "The package has no libraries. Export it again with its libraries included (in Lumi or H5P: "
                "“Download” with libraries)."
            )
        )
    libraries = {}
    wanted, checked = list(dependencies), set()
    while wanted:
        library = wanted.pop()
        if library.folder in checked:
            continue
        checked.add(library.folder)
        if library.folder not in folders:
            raise PackageRefused(
                _("The package needs the library %(library)s, which it does not contain.")
                % {"library": library.folder}
            )
        message = _("The library %(library)s has a missing or broken library.json.") % {
            "library": library.folder
        }
        data = _read_json(archive, f"{library.folder}/library.json", message)
        try:
            version = tuple(_version(data.get(k)) for k in ("majorVersion", "minorVersion", "patchVersion"))
        except (TypeError, ValueError):
            raise PackageRefused(message) from None
        if data.get("machineName") != library.machine_name or version[:2] != (library.major, library.minor):
            raise PackageRefused(message)
        libraries[library.folder] = data
        wanted.extend(_dependencies(data, message))
    if h5p["mainLibrary"] not in {lib.machine_name for lib in dependencies}:
        raise PackageRefused(_("h5p.json's main library is not among its libraries."))
    kept = {info.filename for info in files}
    refuse_development_builds(
        sorted(
            folder for folder, data in libraries.items() if _development_build(archive, folder, data, kept)
        )
    )
    return Package(h5p["title"], h5p["mainLibrary"], dependencies, files, libraries, total)
