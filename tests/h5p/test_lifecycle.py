"""A package after its upload: renamed, replaced by a new version that every module then
plays, deleted only when no module uses it; the chooser tells packages apart."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from h5p.models import ActivityState, H5PContent
from h5p.packaging import check_content, pack
from h5p.services import package_import
from tests.factories import UserFactory
from tests.h5p import synthetic


def stored_files(root: Path):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def own(packages, trainer):
    """The Ukrainian package, uploaded by the trainer's organisation."""
    content = packages["uk"]
    content.uploaded_by = trainer
    content.save()
    return content


@pytest.fixture
def signed_in(client, trainer):
    client.force_login(trainer)
    return client


def test_a_trainer_renames_their_organisations_package(signed_in, own):
    response = signed_in.post(f"/admin/interactive/{own.pk}/", {"action": "rename", "title": "Нова назва"})

    assert response.status_code == 302
    assert H5PContent.objects.get(pk=own.pk).title == "Нова назва"
    assert "Тепер пакет називається «Нова назва»." in signed_in.get(response["Location"]).content.decode()


def test_another_organisations_trainer_cannot_rename_replace_or_delete(client, own, other_organisation):
    stranger = UserFactory(nickname="trainer-other", organisation=other_organisation, role="Trainers")
    client.force_login(stranger)

    for data in ({"action": "rename", "title": "Чуже"}, {"action": "delete"}):
        response = client.post(f"/admin/interactive/{own.pk}/", data)
        assert response.status_code == 302 and response["Location"] == "/admin/"

    assert H5PContent.objects.get(pk=own.pk).title == own.title


def test_replacing_a_package_makes_every_module_play_the_new_version(
    signed_in, own, h5p_module, trainee, media, django_capture_on_commit_callbacks
):
    ActivityState.objects.create(user=trainee, content=own, state="{}")
    old_path = own.storage_path
    new_version = pack("Тест", check_content("Нове питання?", [("Так", True), ("Ні", False)]))

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            f"/admin/interactive/{own.pk}/",
            {"action": "replace", "package": SimpleUploadedFile("v2.h5p", new_version)},
        )

    assert response.status_code == 302
    own.refresh_from_db()
    assert own.storage_path != old_path
    assert (media / own.storage_path / "content" / "content.json").read_text().count("Нове питання?") == 1
    assert not any(name.startswith(old_path) for name in stored_files(media))  # the old files are gone
    assert H5PContent.objects.filter(title=own.title).count() == 1  # the same package, not a second one
    assert not ActivityState.objects.filter(content=own).exists()  # where they left the old one means nothing
    trainee_client = signed_in.__class__()
    trainee_client.force_login(trainee)
    page = trainee_client.get(h5p_module.url).content.decode()
    assert "data-h5p-play-url" in page  # the module still plays it


def test_a_new_version_with_unapproved_library_code_is_refused_and_changes_nothing(signed_in, own, media):
    before = stored_files(media)

    response = signed_in.post(
        f"/admin/interactive/{own.pk}/",
        {"action": "replace", "package": SimpleUploadedFile("v2.h5p", synthetic.package())},
    )

    assert response.status_code == 400
    assert (
        "Ця версія містить код бібліотек, якого адміністратор сайту ще не схвалив"
        in response.content.decode()
    )
    own.refresh_from_db()
    assert not own.awaiting_approval and stored_files(media) == before


def test_a_package_in_use_is_not_deleted_and_the_modules_are_named(signed_in, own, h5p_module):
    response = signed_in.post(f"/admin/interactive/{own.pk}/", {"action": "delete"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "використовується в 2 модулях" in page
    assert h5p_module.title in page
    assert H5PContent.objects.filter(pk=own.pk).exists()


def test_an_unused_package_is_deleted_with_its_files(
    signed_in, own, media, django_capture_on_commit_callbacks
):
    path = own.storage_path

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(f"/admin/interactive/{own.pk}/", {"action": "delete"})

    assert response.status_code == 302
    assert not H5PContent.objects.filter(pk=own.pk).exists()
    assert not any(name.startswith(path) for name in stored_files(media))


def test_the_chooser_shows_type_date_and_organisation_and_searches_in_cyrillic(
    signed_in, own, packages, media
):

    package_import(
        file=io.BytesIO(synthetic.package(title="Інше")), title="Зовсім інша вправа", language="uk", user=None
    )
    url = reverse("h5p_chooser:choose_results")

    everything = signed_in.get(url).content.decode()
    found = signed_in.get(url, {"q": "ПЕРЕВІРКА"}).content.decode()
    by_type = signed_in.get(url, {"q": "samplechoice"}).content.decode()

    assert "ConectaCheck" in everything and "SampleChoice" in everything
    assert "Салюс" in everything  # the organisation of the trainer who uploaded it
    assert own.title in found and "Зовсім інша вправа" not in found
    assert "Зовсім інша вправа" in by_type and own.title not in by_type

    newer = synthetic.package(libraries=synthetic.chain(shared_version=(1, 0, 5), shared_js=b"var v = 5;"))
    package_import(file=io.BytesIO(newer), title="Чекає", language="uk", user=own.uploaded_by)
    waiting = signed_in.get(url, {"q": "Чекає"}).content.decode()
    assert "SampleChoice (чекає на схвалення)" in waiting
