"""The H5P block on a module page and the sandboxed player document."""

import json
import re

import pytest
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from h5p.assets import content_for_token
from h5p.blocks import H5PBlock, content_for_language
from h5p.models import H5PContent
from h5p.player import object_iri, play_token

pytestmark = pytest.mark.django_db


def test_the_block_shows_the_download_size_and_loads_nothing_until_opened(client, trainee, h5p_module):
    client.force_login(trainee)
    page = client.get(h5p_module.url).content.decode()

    assert re.search(r"Завантажить близько \d+ КБ\.", page)  # the package and the player, compressed
    assert "<iframe" not in page  # the player comes only when the trainee opens the activity
    assert page.count("h5p/activity.js") == 1
    assert "main.bundle.js" not in page and "frame.bundle.js" not in page


def test_pages_without_an_activity_load_no_h5p_script(client, trainee, h5p_module, course):
    client.force_login(trainee)
    assert "h5p/activity.js" not in client.get(course[1][1].url).content.decode()


def test_the_player_document_is_sandboxed_and_allowed_only_the_player_and_the_package(client, packages):
    content = packages["uk"]

    response = client.get(f"/h5p/play/{play_token(content, None)}/")

    assert response.status_code == 200
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["sandbox"] == "allow-scripts"
    assert policy["default-src"] == "'none'"
    # blob: for the files the module page fetches and hands over (h5p/static/h5p/player.js),
    # and player.js itself, written into the document and allowed by its hash alone
    sources = "http://testserver/static/ http://testserver/h5p/assets/ blob:"
    assert re.fullmatch(re.escape(sources) + r" 'sha256-[A-Za-z0-9+/]{43}='", policy["script-src"])
    assert "unsafe-inline" not in policy["script-src"]
    assert policy["frame-src"] == policy["worker-src"] == policy["child-src"] == "'none'"
    assert policy["require-trusted-types-for"] == "'script'" and policy["trusted-types"] == "default"
    assert policy["connect-src"] == "http://testserver/h5p/assets/"
    assert policy["frame-ancestors"] == "http://testserver"
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert not response.cookies
    config = json.loads(
        re.search(r'id="player-config"[^>]*>(.*?)</script>', response.content.decode()).group(1)
    )
    assert content_for_token(config["assets"].split("/")[3]) == content  # the package's files
    assert config["objectIri"] == object_iri(content)


def test_a_forged_player_token_is_not_found(client, packages):
    assert client.get("/h5p/play/MQ:forged:signature/").status_code == 404


def test_each_language_version_of_a_module_plays_the_package_in_its_language(packages):
    value = H5PBlock().to_python(
        {"title": "Т", "packages": [packages["ru"].pk, packages["uk"].pk], "required": True}
    )

    assert content_for_language(value, "uk") == packages["uk"]
    assert content_for_language(value, "ru") == packages["ru"]
    assert content_for_language(value, "en") is None  # no package: the activity is not shown


def refusals(block, package_pks) -> dict[int, str]:
    """Position in the list -> the message the trainer sees there."""
    value = block.to_python({"title": "Т", "packages": package_pks, "required": True})
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert set(refused.value.block_errors) == {"packages"}
    return {
        index: error.message for index, error in refused.value.block_errors["packages"].block_errors.items()
    }


def test_the_block_refuses_two_packages_in_the_same_language(packages):
    other_uk = H5PContent.objects.create(
        title="Ще одна", language="uk", main_library="H5P.ConectaCheck", storage_path="h5p/x/", size_bytes=1
    )

    with translation.override("uk"):
        messages = refusals(H5PBlock(), [packages["uk"].pk, packages["ru"].pk, other_uk.pk])

    assert messages == {2: "Інший пакет тут уже цією мовою (Українська). Залиште один пакет для кожної мови."}


def test_the_block_refuses_a_package_in_a_language_the_site_does_not_offer(packages, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("en", "English")]
    english = H5PContent.objects.create(
        title="Check", language="en", main_library="H5P.ConectaCheck", storage_path="h5p/en/", size_bytes=1
    )
    block = H5PBlock()
    assert block.clean(block.to_python({"title": "Т", "packages": [english.pk], "required": True}))

    settings.LANGUAGES = settings.LANGUAGES[:-1]  # English is switched off again
    with translation.override("ru"):
        messages = refusals(block, [packages["uk"].pk, english.pk])

    assert messages == {
        1: "Этот пакет на языке, которого нет на сайте (Английский). Выберите пакет на одном из языков сайта."
    }


def test_trainers_choose_a_package_in_the_admin_with_its_language_and_size(client, trainer, packages):
    client.force_login(trainer)

    response = client.get("/admin/h5p_chooser/")

    assert response.status_code == 200
    body = response.json()["html"]
    assert "Перевірка uk" in body and "Перевірка ru" in body
    assert "Українська" in body or "українська" in body.lower()
