"""Library code is site-wide and governed, as in Moodle: installing a library, or a new
version of one, is a site administrator's decision (the `h5p.install_h5plibrary`
permission; superusers hold it).

For each library a package brings (machineName-major.minor):
- the same files as the installed one, or an older patch than it: the package plays
  with the installed one, nothing is stored;
- anything else (a library not installed yet, a newer patch, the same version with
  different files) is stored as a candidate. An administrator's upload installs it at
  once; anyone else's waits, pending, and the package plays nothing until an
  administrator installs or refuses the candidate.

Installing a version makes it the code of its major.minor for every package: older
patches are replaced everywhere. So no trainer's upload, from any organisation, can
change the code that runs in another's activities."""

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import Action, may

from .models import H5PContent, H5PLibrary
from .wire import read_json

INSTALL_LIBRARIES = Action(
    "h5p.install_h5plibrary", _("Only a site administrator may install or upgrade H5P libraries.")
)


@dataclass(frozen=True)
class Candidate:
    """One library folder of an uploaded package."""

    folder: str  # "H5P.MultiChoice-1.16"
    machine_name: str
    major: int
    minor: int
    patch: int
    files_hash: str

    def same_major_minor(self):
        return H5PLibrary.objects.filter(
            machine_name=self.machine_name, major_version=self.major, minor_version=self.minor
        )


def may_install(user) -> bool:
    """A command run on the server (no user) is the site's operator."""
    return user is None or may(user, INSTALL_LIBRARIES)


def library_for(candidate: Candidate, *, user) -> tuple[H5PLibrary, bool]:
    """The library row a package with `candidate` plays with, and whether its files must
    be stored now (a new candidate row)."""
    versions = candidate.same_major_minor()
    installed = versions.filter(status=H5PLibrary.INSTALLED).first()
    if installed and (
        installed.files_hash == candidate.files_hash or candidate.patch < installed.patch_version
    ):
        return installed, False
    known = versions.filter(
        patch_version=candidate.patch, files_hash=candidate.files_hash, status=H5PLibrary.PENDING
    ).first()
    if known:  # the same code already waits: it waits once
        return known, False
    library = H5PLibrary.objects.create(
        machine_name=candidate.machine_name,
        major_version=candidate.major,
        minor_version=candidate.minor,
        patch_version=candidate.patch,
        files_hash=candidate.files_hash,
        status=H5PLibrary.PENDING,
        # A fresh folder per stored copy: files left by an earlier database (a reset
        # development site, a restored backup) are never reused.
        storage_path=f"h5p/libraries/{candidate.folder}-{uuid.uuid4().hex[:12]}/",
        uploaded_by=user,
    )
    return library, True


def install_pending(libraries, *, user) -> None:
    """After an upload: an administrator's own candidates are installed at once."""
    if may_install(user):
        for library in libraries:
            if library.status == H5PLibrary.PENDING:
                _install(library, user=user)


def _repoint(old_ids, new: H5PLibrary) -> set[int]:
    """Every package playing with one of `old_ids` plays with `new` instead."""
    through = H5PContent.libraries.through
    rows = through.objects.filter(h5plibrary_id__in=old_ids)
    content_ids = set(rows.values_list("h5pcontent_id", flat=True))
    rows.update(h5plibrary=new)
    return content_ids


def _dependencies(library: H5PLibrary) -> set[tuple[str, int, int]]:
    try:
        manifest = read_json(library.storage_path + "library.json")
    except (OSError, ValueError):
        return set()
    found = set()
    for key in ("preloadedDependencies", "dynamicDependencies"):
        for dep in manifest.get(key) or []:
            try:
                found.add((str(dep["machineName"]), int(dep["majorVersion"]), int(dep["minorVersion"])))
            except (KeyError, TypeError, ValueError):
                continue
    return found


def _complete_dependencies(content_ids) -> None:
    """A newer patch may need a library the older one did not (H5P.Question 1.5.56 needs
    H5P.Components 1.0; 1.5.20 did not): a package it now plays with gets that library
    too, as H5P core rebuilds content dependencies when a library changes. The installed
    version if there is one, else the newest waiting one (the package then waits too)."""
    for content in H5PContent.objects.filter(pk__in=content_ids):
        libraries = list(content.libraries.all())
        have = {(lib.machine_name, lib.major_version, lib.minor_version) for lib in libraries}
        while libraries:
            for name, major, minor in _dependencies(libraries.pop()) - have:
                have.add((name, major, minor))
                versions = H5PLibrary.objects.filter(
                    machine_name=name, major_version=major, minor_version=minor
                )
                found = (
                    versions.filter(status=H5PLibrary.INSTALLED).first()
                    or versions.filter(status=H5PLibrary.PENDING).order_by("-patch_version").first()
                )
                if found:
                    content.libraries.add(found)
                    libraries.append(found)


def refresh_waiting(content_ids) -> None:
    """A package plays once every library it plays with is installed."""
    _complete_dependencies(content_ids)
    for content in H5PContent.objects.filter(pk__in=content_ids):
        waiting = content.libraries.exclude(status=H5PLibrary.INSTALLED).exists()
        if waiting != content.awaiting_approval:
            content.awaiting_approval = waiting
            content.save(update_fields=["awaiting_approval"])


def _reviewed(library, status, user):
    library.status = status
    library.reviewed_by = user
    library.reviewed_at = timezone.now()
    library.save(update_fields=["status", "reviewed_by", "reviewed_at"])


def _install(library: H5PLibrary, *, user) -> None:
    versions = H5PLibrary.objects.filter(
        machine_name=library.machine_name,
        major_version=library.major_version,
        minor_version=library.minor_version,
    ).exclude(pk=library.pk)
    installed = versions.filter(status=H5PLibrary.INSTALLED).first()
    if installed and installed.patch_version > library.patch_version:
        # Approving an older patch than the installed one: its packages use the newer one.
        _reviewed(library, H5PLibrary.REPLACED, user)
        refresh_waiting(_repoint([library.pk], installed))
        return
    # Everything this version supersedes: the installed one, refused copies, and older
    # patches still waiting (a package with an older patch plays the installed newer one).
    superseded = versions.filter(
        Q(status__in=[H5PLibrary.INSTALLED, H5PLibrary.REPLACED, H5PLibrary.REFUSED])
        | Q(status=H5PLibrary.PENDING, patch_version__lt=library.patch_version)
    )
    superseded_ids = list(superseded.values_list("pk", flat=True))
    superseded.exclude(status=H5PLibrary.REFUSED).update(status=H5PLibrary.REPLACED)
    _reviewed(library, H5PLibrary.INSTALLED, user)
    refresh_waiting(_repoint(superseded_ids, library) | set(library.contents.values_list("pk", flat=True)))


@transaction.atomic
def library_install(*, library: H5PLibrary, user) -> None:
    """An administrator approves a waiting library: it becomes the code of its
    machineName-major.minor for every package."""
    library = H5PLibrary.objects.select_for_update().get(pk=library.pk)
    if library.status != H5PLibrary.PENDING:
        return
    _install(library, user=user)


@transaction.atomic
def library_refuse(*, library: H5PLibrary, user) -> None:
    """An administrator refuses a waiting library: its packages play with the installed
    version of the same major.minor if there is one, and otherwise stay unplayable."""
    library = H5PLibrary.objects.select_for_update().get(pk=library.pk)
    if library.status != H5PLibrary.PENDING:
        return
    _reviewed(library, H5PLibrary.REFUSED, user)
    installed = H5PLibrary.objects.filter(
        machine_name=library.machine_name,
        major_version=library.major_version,
        minor_version=library.minor_version,
        status=H5PLibrary.INSTALLED,
    ).first()
    if installed:
        refresh_waiting(_repoint([library.pk], installed))
