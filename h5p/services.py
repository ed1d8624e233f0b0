"""Importing an H5P package: check it, unpack it, record it, all or nothing.

Files are written under a fresh, unreferenced storage prefix; the database row that makes
them visible is created last, in the same transaction. On any failure every file written
so far is deleted and the transaction rolls back, so nothing is left behind."""

import uuid
import zipfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

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


@transaction.atomic
def package_import(*, file, title: str, language: str, user=None) -> H5PContent:
    package: Package = inspect_package(file)
    if hasattr(file, "seek"):
        file.seek(0)
    written = []
    content_path = new_content_path()
    try:
        with zipfile.ZipFile(file) as archive:
            libraries = []
            for folder, data in package.libraries.items():
                library, created = H5PLibrary.objects.get_or_create(
                    machine_name=data["machineName"],
                    major_version=int(data["majorVersion"]),
                    minor_version=int(data["minorVersion"]),
                    # A fresh folder per stored library: files left by an earlier database
                    # (a reset development site, a restored backup) are never reused.
                    defaults={"storage_path": f"h5p/libraries/{folder}-{uuid.uuid4().hex[:12]}/"},
                )
                libraries.append(library)
                if created:
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
