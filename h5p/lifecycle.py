"""A package's life in the admin after its upload: renamed, replaced by a new version
(every block that plays it plays the new one: blocks name the package, not its files),
deleted once no module uses it.

Who may: anyone who may upload, for the packages of their own organisation; site
administrators for all. Which modules use a package: Wagtail's reference index, which
records what each page's blocks choose."""

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import ReferenceIndex

from accounts.access import UPLOAD_INTERACTIVE_CONTENT, may, sees_every_organisation

from .models import ActivityState, H5PContent
from .services import package_import
from .wire import discard

WAITING_VERSION = _(
    "This version brings library code a site administrator has not approved yet, so it cannot replace a "
    "package trainees use. Upload it as a new package; once an administrator has approved its libraries, "
    "replace this one with it."
)


class PackageInUse(Exception):
    def __init__(self, pages):
        super().__init__("in use")
        self.pages = pages


def may_manage(user, content: H5PContent) -> bool:
    if sees_every_organisation(user):
        return True
    uploader = content.uploaded_by
    return (
        may(user, UPLOAD_INTERACTIVE_CONTENT)
        and uploader is not None
        and user.organisation_id is not None
        and uploader.organisation_id == user.organisation_id
    )


def pages_using(content: H5PContent) -> list:
    """The pages (modules, in each language) whose blocks choose `content`."""
    references = ReferenceIndex.get_references_to(content).group_by_source_object()
    return [source for source, _references in references if source is not None]


@transaction.atomic
def package_rename(*, content: H5PContent, title: str) -> None:
    content.title = title
    content.save(update_fields=["title"])


def _delete_files(prefix: str) -> None:
    directories, files = default_storage.listdir(prefix)
    for name in files:
        default_storage.delete(prefix + name)
    for directory in directories:
        _delete_files(f"{prefix}{directory}/")


def _delete_package_files(prefix: str) -> None:
    """The package's files and their compressed copies (h5p/wire.py)."""
    discard(prefix)
    _delete_files(prefix)


@transaction.atomic
def package_replace(*, content: H5PContent, file, user) -> H5PContent:
    """Play a new version of the package in every block that plays it. A version whose
    library code would wait for an administrator is refused: the activity keeps playing
    the current version meanwhile (upload it as a new package to have it approved)."""
    new = package_import(
        file=file,
        title=content.title,
        language=content.language,
        user=user,
        refused_if_waiting=WAITING_VERSION,
    )
    old_path = content.storage_path
    fields = {
        "storage_path": new.storage_path,
        "main_library": new.main_library,
        "size_bytes": new.size_bytes,
        "awaiting_approval": new.awaiting_approval,
    }
    libraries = list(new.libraries.all())
    new.delete()
    H5PContent.objects.filter(pk=content.pk).update(**fields)
    content.refresh_from_db()
    content.libraries.set(libraries)
    # Where a trainee left the old version means nothing in the new one.
    ActivityState.objects.filter(content=content).delete()
    transaction.on_commit(lambda: _delete_package_files(old_path))
    return content


@transaction.atomic
def package_delete(*, content: H5PContent) -> None:
    """Delete a package no module uses; PackageInUse lists the pages that do."""
    pages = pages_using(content)
    if pages:
        raise PackageInUse(pages)
    path = content.storage_path
    content.delete()
    transaction.on_commit(lambda: _delete_package_files(path))
