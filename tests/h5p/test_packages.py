import io
import json
import os
import stat
import warnings
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from h5p.models import H5PContent, H5PLibrary
from h5p.packaging import check_content, pack
from h5p.services import package_import
from h5p.validation import PackageRefused

CONTENT = check_content("Чи передається ВІЛ через поцілунок?", [("Так", False), ("Ні", True)])


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root: Path):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def zip_of(entries):
    """A ZIP built entry by entry: (name, data) or a ready ZipInfo with data."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of one test
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return buffer.getvalue()


def with_extra(name, data):
    return pack("Тест", CONTENT, extra_files={name: data})


def symlink_package():
    buffer = io.BytesIO(pack("Тест", CONTENT))
    with zipfile.ZipFile(buffer, "a") as archive:
        info = zipfile.ZipInfo("content/link.txt")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def without_libraries():
    return zip_of(
        [
            (
                "h5p.json",
                json.dumps(
                    {
                        "title": "T",
                        "mainLibrary": "H5P.ConectaCheck",
                        "preloadedDependencies": [
                            {"machineName": "H5P.ConectaCheck", "majorVersion": 1, "minorVersion": 0}
                        ],
                    }
                ),
            ),
            ("content/content.json", json.dumps(CONTENT)),
        ]
    )


def missing_dependency():
    buffer = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(pack("Тест", CONTENT)))
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "h5p.json":
                manifest = json.loads(data)
                manifest["preloadedDependencies"].append(
                    {"machineName": "H5P.Other", "majorVersion": 1, "minorVersion": 2}
                )
                data = json.dumps(manifest)
            archive.writestr(info.filename, data)
    return buffer.getvalue()


def replaced(name, data):
    buffer = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(pack("Тест", CONTENT)))
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            archive.writestr(info.filename, data if info.filename == name else source.read(info))
    return buffer.getvalue()


HOSTILE = {
    "zip slip": (lambda: with_extra("content/../../evil.js", b"alert(1)"), "leaves its folder"),
    "absolute path": (lambda: with_extra("/etc/cron.d/evil", b"x"), "absolute path"),
    "backslash": (lambda: with_extra("content\\evil.png", b"x"), "backslash"),
    "symlink": (symlink_package, "symbolic link"),
    "zip bomb": (lambda: with_extra("content/zeros.txt", b"\0" * 20_000_000), "zip bomb"),
    "php in content": (lambda: with_extra("content/shell.php", b"<?php system($_GET['c']);"), "not allow"),
    "html in content": (lambda: with_extra("content/page.html", b"<script>steal()"), "not allow"),
    "script in content": (lambda: with_extra("content/run.js", b"steal()"), "does not allow"),
    "no libraries": (without_libraries, "Export it again with its libraries"),
    "missing dependency": (missing_dependency, "needs the library H5P.Other-1.2"),
    "malformed h5p.json": (
        lambda: replaced("h5p.json", b"{not json"),
        "h5p.json is missing or is not valid JSON",
    ),
    "malformed content.json": (
        lambda: replaced("content/content.json", b"[1,"),
        "content/content.json is missing",
    ),
    "10,000 files": (lambda: zip_of([(f"content/{n}.txt", b"x") for n in range(10_000)]), "too many files"),
    "not a zip": (lambda: b"MZ\x90\x00 this is a program", "not a ZIP archive"),
    "duplicate names": (lambda: zip_of([("h5p.json", b"{}"), ("h5p.json", b"{}")]), "the same file twice"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_packages_are_refused_with_their_own_message_and_leave_nothing(db, media, case):
    build, message = HOSTILE[case]

    with translation.override("en"), pytest.raises(PackageRefused) as refused:
        package_import(file=io.BytesIO(build()), title="Тест", language="uk")

    with translation.override("en"):
        assert message in str(refused.value.message)
    assert stored_files(media) == []
    assert H5PContent.objects.count() == 0 and H5PLibrary.objects.count() == 0


def test_an_oversize_file_is_refused(db, media, settings):
    settings.H5P_MAX_FILE_SIZE = 10_000

    with translation.override("en"), pytest.raises(PackageRefused) as refused:
        package_import(
            file=io.BytesIO(with_extra("content/video.mp4", os.urandom(20_000))), title="T", language="uk"
        )

    assert "too large" in str(refused.value.message)
    assert stored_files(media) == []


def test_refusals_speak_the_trainers_language(db):
    with translation.override("ru"):
        with pytest.raises(PackageRefused) as refused:
            package_import(file=io.BytesIO(b"not a zip"), title="T", language="uk")

        assert str(refused.value.message) == "Этот файл не пакет H5P: это не ZIP-архив."


def test_a_valid_package_is_unpacked_and_its_library_stored_once(db, media):
    first = package_import(file=io.BytesIO(pack("Тест", CONTENT)), title="ВІЛ: перевірка", language="uk")
    second = package_import(
        file=io.BytesIO(pack("Тест", CONTENT, extra_files={".gitignore": b"*", "__MACOSX/x": b"y"})),
        title="ВИЧ: проверка",
        language="ru",
    )

    assert first.main_library == "H5P.ConectaCheck" and first.size_bytes > 0
    assert H5PLibrary.objects.count() == 1
    files = stored_files(media)
    assert f"{first.storage_path}content/content.json" in files
    assert f"{second.storage_path}h5p.json" in files
    library = H5PLibrary.objects.get()
    assert library.storage_path.startswith("h5p/libraries/H5P.ConectaCheck-1.0-")
    assert f"{library.storage_path}check.js" in files
    assert sum(name.endswith("/check.js") for name in files) == 1  # stored once for both packages
    assert not any(".gitignore" in name or "__MACOSX" in name for name in files)  # skipped, not kept


def test_versions_may_be_strings_as_in_real_exports(db):
    package = replaced(
        "h5p.json",
        json.dumps(
            {
                "title": "T",
                "mainLibrary": "H5P.ConectaCheck",
                "preloadedDependencies": [
                    {"machineName": "H5P.ConectaCheck", "majorVersion": "1", "minorVersion": "0"}
                ],
            }
        ).encode(),
    )

    assert package_import(file=io.BytesIO(package), title="T", language="uk").pk


def test_import_h5p_command_prints_the_id_or_refuses(db, tmp_path):
    good, bad = tmp_path / "good.h5p", tmp_path / "bad.h5p"
    good.write_bytes(pack("Тест", CONTENT))
    bad.write_bytes(with_extra("content/shell.php", b"<?php"))
    out = io.StringIO()

    call_command("import_h5p", str(good), "--title", "ВІЛ", stdout=out)

    assert H5PContent.objects.get(pk=int(out.getvalue())).title == "ВІЛ"
    with pytest.raises(CommandError):
        call_command("import_h5p", str(bad), "--title", "Погано")
    assert H5PContent.objects.count() == 1


def upload(client, data, title="ВІЛ: перевірка"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    package = SimpleUploadedFile("activity.h5p", data, content_type="application/zip")
    return client.post("/admin/interactive/", {"title": title, "language": "uk", "package": package})


def test_trainer_uploads_a_package_in_the_admin(client, trainer, media):
    client.force_login(trainer)
    assert client.get("/admin/interactive/").status_code == 200

    response = upload(client, pack("Тест", CONTENT))

    assert response.status_code == 302
    content = H5PContent.objects.get()
    assert (content.title, content.uploaded_by) == ("ВІЛ: перевірка", trainer)
    assert "ВІЛ: перевірка" in client.get("/admin/interactive/").content.decode()


def test_a_refused_upload_says_why_in_the_trainers_language_and_keeps_nothing(client, trainer, media):
    client.force_login(trainer)

    response = upload(client, with_extra("content/shell.php", b"<?php"))

    assert response.status_code == 400
    assert "1 файл у пакеті має тип, який H5P не дозволяє: content/shell.php." in response.content.decode()
    assert H5PContent.objects.count() == 0 and stored_files(media) == []


def test_trainees_cannot_upload(client, trainee, media):
    client.force_login(trainee)

    response = upload(client, pack("Тест", CONTENT))

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert H5PContent.objects.count() == 0
