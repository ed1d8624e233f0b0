import io

import pytest
from django.core import signing

from h5p.assets import SALT, asset_base_url, asset_token
from h5p.packaging import check_content, pack
from h5p.services import package_import

CONTENT = check_content("Питання?", [("Так", True), ("Ні", False)])


@pytest.fixture
def content(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return package_import(file=io.BytesIO(pack("Тест", CONTENT)), title="Тест", language="uk")


def test_package_files_are_served_without_cookies_and_readable_cross_origin(client, content):
    base = asset_base_url(content)

    manifest = client.get(base + "h5p.json")
    data = client.get(base + "content/content.json")
    script = client.get(base + "libraries/H5P.ConectaCheck-1.0/check.js")

    for response in (manifest, data, script):
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies
    assert b"".join(data.streaming_content).decode() == __import__("json").dumps(CONTENT, ensure_ascii=False)
    assert script["Content-Type"].startswith(("text/javascript", "application/javascript"))


@pytest.mark.parametrize(
    "path",
    [
        "../../../elearn/settings/base.py",
        "content/../h5p.json",
        "content/%2e%2e/h5p.json",
        "libraries/H5P.Other-1.0/library.json",
        "libraries/H5P.ConectaCheck-1.0",
        "secret.txt",
        "content/.hidden",
        "content\\content.json",
    ],
)
def test_paths_outside_the_package_or_its_libraries_are_not_found(client, content, path):
    assert client.get(asset_base_url(content) + path).status_code == 404


def test_a_tampered_or_expired_token_is_not_found(client, content, settings):
    token = asset_token(content)
    assert client.get(f"/h5p/assets/{token}/h5p.json").status_code == 200
    assert client.get(f"/h5p/assets/{token}x/h5p.json").status_code == 404
    assert client.get(f"/h5p/assets/{signing.dumps(content.pk, salt='other')}/h5p.json").status_code == 404
    assert client.get(f"/h5p/assets/{signing.dumps(content.pk, salt=SALT)}/h5p.json").status_code == 404

    settings.H5P_ASSET_MAX_AGE = -1

    assert client.get(f"/h5p/assets/{token}/h5p.json").status_code == 404


def test_site_pages_do_not_allow_cross_origin_reads(client, content, trainee):
    """The opaque-origin player may fetch a trainee page, but the browser will not let it
    read one: only package files carry Access-Control-Allow-Origin."""
    client.force_login(trainee)

    assert "Access-Control-Allow-Origin" not in client.get("/uk/accounts/")
    assert "Access-Control-Allow-Origin" not in client.get("/uk/learning/")
