"""How the player's files travel: the same addresses all day, library code at lasting
addresses shared by every package that uses it, text compressed once and sent as the
browser accepts it, and a download label that counts what is really fetched."""

import gzip
import io
import json
import re

import brotli
import pytest

from h5p import assets
from h5p.assets import asset_base_url, asset_token, package_download_bytes
from h5p.services import package_import
from tests.h5p import synthetic

pytestmark = pytest.mark.django_db

BIG_SCRIPT = (
    b"/* a content type */\n" + "".join(f"var answer{i} = {i * 7919 % 10007};\n" for i in range(800)).encode()
)  # compressible as real code is, not as a zip bomb


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def import_synthetic(title, **kwargs):
    return package_import(file=io.BytesIO(synthetic.package(title, **kwargs)), title=title, language="uk")


@pytest.fixture
def choice(media):
    libraries = synthetic.chain()
    libraries["H5P.SampleChoice-1.16"]["scripts/main.js"] = BIG_SCRIPT
    return import_synthetic("Вибір", libraries=libraries)


def lasting_addresses(client, content, folder):
    """The script and style addresses the package's library.json gives the player,
    resolved as the browser resolves them."""
    base = asset_base_url(content) + f"libraries/{folder}/"
    data = json.loads(client.get(base + "library.json").content)
    return [_resolve(base, item["path"]) for key in ("preloadedJs", "preloadedCss") for item in data[key]]


def _resolve(base, relative):
    parts = base.rstrip("/").split("/")
    for part in relative.split("/"):
        if part == "..":
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)


def test_every_page_view_of_the_day_gets_the_same_addresses_valid_until_the_next_day_ends(
    client, choice, monkeypatch
):
    first = asset_token(choice)
    assert asset_token(choice) == first  # a second page view: the browser's copies still apply

    day = int(assets.time.time()) // assets.DAY
    monkeypatch.setattr(assets.time, "time", lambda: (day + 1) * assets.DAY + 23 * 3600)  # late the next day
    assert client.get(f"/h5p/assets/{first}/h5p.json").status_code == 200
    assert asset_token(choice) != first  # a new day, new addresses

    monkeypatch.setattr(assets.time, "time", lambda: (day + 2) * assets.DAY + 60)
    assert client.get(f"/h5p/assets/{first}/h5p.json").status_code == 404


def test_library_code_has_a_lasting_address_kept_for_a_year_and_shared_by_packages(client, choice):
    other = import_synthetic("Інший вибір")  # the same libraries, a different package
    scripts = lasting_addresses(client, choice, "H5P.SampleJoubelUI-1.3")

    assert scripts == lasting_addresses(client, other, "H5P.SampleJoubelUI-1.3")  # fetched once for both
    assert all(
        re.fullmatch(r"/h5p/assets/lib/H5P\.SampleJoubelUI-1\.3/[0-9a-f]{20}/\w+/main\.(js|css)", url)
        for url in scripts
    )
    response = client.get(scripts[0])
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "sessionid" not in response.cookies

    package_files = client.get(asset_base_url(choice) + "content/content.json")
    assert package_files["Cache-Control"] == "private, max-age=86400"


def test_a_lasting_address_with_another_hash_or_outside_the_library_is_not_found(client, choice):
    script = lasting_addresses(client, choice, "H5P.SampleChoice-1.16")[0]
    digest = script.split("/")[5]

    assert client.get(script.replace(digest, "0" * 20)).status_code == 404
    assert client.get(script.replace("H5P.SampleChoice-1.16", "H5P.SampleQuestion-1.5")).status_code == 404
    assert client.get(script.replace("scripts/main.js", "../library.json")).status_code == 404
    assert client.get(script.replace("scripts/main.js", ".hidden")).status_code == 404


def test_text_is_sent_compressed_as_the_browser_accepts_and_the_same_bytes_arrive(client, choice):
    script = lasting_addresses(client, choice, "H5P.SampleChoice-1.16")[0]

    plain = client.get(script, HTTP_ACCEPT_ENCODING="identity")
    zipped = client.get(script, HTTP_ACCEPT_ENCODING="gzip, deflate")
    squeezed = client.get(script, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    refused = client.get(script, HTTP_ACCEPT_ENCODING="br;q=0, deflate")

    body = {
        name: b"".join(response.streaming_content)
        for name, response in [("plain", plain), ("gzip", zipped), ("br", squeezed), ("refused", refused)]
    }
    assert "Content-Encoding" not in plain and "Content-Encoding" not in refused
    assert zipped["Content-Encoding"] == "gzip" and squeezed["Content-Encoding"] == "br"
    assert all(response["Vary"] == "Accept-Encoding" for response in (plain, zipped, squeezed))
    assert body["plain"] == body["refused"] == BIG_SCRIPT
    assert gzip.decompress(body["gzip"]) == BIG_SCRIPT
    assert brotli.decompress(body["br"]) == BIG_SCRIPT
    assert len(body["br"]) < len(body["gzip"]) < len(BIG_SCRIPT) / 4


def test_a_copy_the_browser_already_has_is_not_sent_again(client, choice):
    script = lasting_addresses(client, choice, "H5P.SampleChoice-1.16")[0]
    first = client.get(script, HTTP_ACCEPT_ENCODING="gzip")

    again = client.get(script, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304 and not again.content


def test_the_download_label_counts_compressed_bytes_the_player_fetches_the_same_in_both_languages(
    client, trainee, choice, course
):
    from tests.h5p.conftest import add_h5p_block

    libraries = synthetic.chain()
    libraries["H5P.SampleChoice-1.16"]["scripts/main.js"] = BIG_SCRIPT
    russian = package_import(
        file=io.BytesIO(synthetic.package("Вибір", libraries=libraries)), title="Выбор", language="ru"
    )
    module = add_h5p_block(course[1][0], {"uk": choice, "ru": russian})
    client.force_login(trainee)
    labels = {}
    for language in ("uk", "ru"):
        page = client.get(module.get_translation(_locale(language)).url).content.decode()
        found = re.search(r"(\d+) КБ\.", page)
        assert found, page[page.find("h5p-card") : page.find("h5p-card") + 1500]
        labels[language] = found.group(1)

    assert labels["uk"] == labels["ru"]
    package = package_download_bytes(choice)
    assert package < choice.size_bytes  # compressed, and not the images or fonts nobody loads yet
    assert int(labels["uk"]) * 1024 >= package


def _locale(language):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=language)
