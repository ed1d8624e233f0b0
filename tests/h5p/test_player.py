"""The H5P block on a module page and the sandboxed player document."""

import json
import re

import pytest

from h5p.assets import asset_base_url
from h5p.blocks import H5PBlock
from h5p.player import object_iri

pytestmark = pytest.mark.django_db


def test_the_block_shows_the_download_size_and_loads_nothing_until_opened(client, trainee, h5p_module):
    client.force_login(trainee)
    page = client.get(h5p_module.url).content.decode()

    assert re.search(r"Завантажить \d+(,\d)?\s(Кб|байт)", page)  # the package and the player
    assert "<iframe" not in page  # the player comes only when the trainee opens the activity
    assert page.count("h5p/activity.js") == 1
    assert "main.bundle.js" not in page and "frame.bundle.js" not in page


def test_pages_without_an_activity_load_no_h5p_script(client, trainee, h5p_module, course):
    client.force_login(trainee)
    assert "h5p/activity.js" not in client.get(course[1][1].url).content.decode()


def test_the_player_document_is_sandboxed_and_allowed_only_the_player_and_the_package(client, packages):
    content = packages["uk"]
    token = asset_base_url(content).split("/")[3]

    response = client.get(f"/h5p/play/{token}/")

    assert response.status_code == 200
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["sandbox"] == "allow-scripts"
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "http://testserver/static/ http://testserver/h5p/assets/"
    assert policy["connect-src"] == "http://testserver/h5p/assets/"
    assert policy["frame-ancestors"] == "http://testserver"
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert not response.cookies
    config = json.loads(
        re.search(r'id="player-config"[^>]*>(.*?)</script>', response.content.decode()).group(1)
    )
    assert config["assets"] == f"/h5p/assets/{token}/"
    assert config["objectIri"] == object_iri(content)


def test_a_forged_player_token_is_not_found(client, packages):
    assert client.get("/h5p/play/MQ:forged:signature/").status_code == 404


def test_the_block_refuses_a_package_in_the_other_language(packages):
    from wagtail.blocks.struct_block import StructBlockValidationError

    block = H5PBlock()
    value = block.to_python(
        {"title": "Т", "content_uk": packages["ru"].pk, "content_ru": packages["uk"].pk, "required": True}
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert set(refused.value.block_errors) == {"content_uk", "content_ru"}


def test_trainers_choose_a_package_in_the_admin_with_its_language_and_size(client, trainer, packages):
    client.force_login(trainer)

    response = client.get("/admin/h5p_chooser/")

    assert response.status_code == 200
    body = response.json()["html"]
    assert "Перевірка uk" in body and "Перевірка ru" in body
    assert "Українська" in body or "українська" in body.lower()
