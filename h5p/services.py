"""Importing an H5P package: check it, unpack it, record it, all or nothing.

Files are written under a fresh, unreferenced storage prefix; the database row that makes
them visible is created last, in the same transaction. On any failure every file written
so far is deleted and the transaction rolls back, so nothing is left behind."""

import zipfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .hashing import files_hash
from .libraries import Candidate, install_pending, library_for, may_install, refresh_waiting
from .models import H5PContent, H5PLibrary, new_content_path
from .validation import Package, PackageRefused, inspect_package, limit

CHUNK = 64 * 1024


def _read_limited(archive, info) -> bytes:
    """Decompress one entry, never more than it declared (or the per-file limit)."""
    cap = min(info.file_size, limit("H5P_MAX_FILE_SIZE"))
    parts, size = [], 0
    with archive.open(info) as handle:
        while chunk := handle.read(CHUNK):
            size += len(chunk)
            if size > cap:
                raise PackageRefused(_("A file in the package is larger than it claims to be."))
            parts.append(chunk)
    return b"".join(parts)


def _candidates(archive, package: Package) -> dict[str, Candidate]:
    """Each library folder the package brings, with its version and its files' hash."""
    found = {}
    for folder, data in package.libraries.items():
        prefix = f"{folder}/"
        files = [
            (info.filename[len(prefix) :], _read_limited(archive, info))
            for info in package.files
            if info.filename.startswith(prefix)
        ]
        found[folder] = Candidate(
            folder=folder,
            machine_name=data["machineName"],
            major=int(data["majorVersion"]),
            minor=int(data["minorVersion"]),
            patch=int(data["patchVersion"]),
            files_hash=files_hash(files),
        )
    return found


@transaction.atomic
def package_import(*, file, title: str, language: str, user=None, refused_if_waiting=None) -> H5PContent:
    """Store a package. Its libraries are used as installed when the site has the same
    code (h5p/libraries.py); new or different code is stored too, and then the package
    waits for an administrator (`awaiting_approval`) unless `user` is one (or None: a
    command on the server). `refused_if_waiting`: a message to refuse it with, before
    anything is stored, rather than let it wait."""
    package: Package = inspect_package(file)
    if hasattr(file, "seek"):
        file.seek(0)
    written = []
    content_path = new_content_path()
    try:
        with zipfile.ZipFile(file) as archive:
            chosen = [
                (folder, *library_for(candidate, user=user))
                for folder, candidate in _candidates(archive, package).items()
            ]
            libraries = [library for _folder, library, _store in chosen]
            waiting = any(library.status == H5PLibrary.PENDING for library in libraries)
            if refused_if_waiting and waiting and not may_install(user):
                raise PackageRefused(refused_if_waiting)
            for folder, library, store in chosen:
                if store:
                    written += _write(archive, package, f"{folder}/", library.storage_path)
            written += _write(archive, package, "content/", content_path + "content/")  # as packaged
            root = [info for info in package.files if info.filename == "h5p.json"]
            manifest = ContentFile(_read_limited(archive, root[0]))
            written.append(default_storage.save(content_path + "h5p.json", manifest))
        content = H5PContent.objects.create(
            title=title,
            language=language,
            main_library=package.main_library,
            storage_path=content_path,
            size_bytes=package.total_size,
            uploaded_by=user,
        )
        content.libraries.set(libraries)
        install_pending(libraries, user=user)
        refresh_waiting([content.pk])
        content.refresh_from_db()
        return content
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def _write(archive, package, prefix, target) -> list[str]:
    names = []
    for info in package.files:
        if info.filename.startswith(prefix):
            relative = info.filename[len(prefix) :]
            saved = default_storage.save(target + relative, ContentFile(_read_limited(archive, info)))
            if saved != target + relative:  # storage renamed it: the prefix was not fresh
                default_storage.delete(saved)
                raise PackageRefused(_("The package could not be stored. Please try again."))
            names.append(saved)
    return names
