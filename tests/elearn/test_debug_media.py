"""With DEBUG on, /media/ serves what production's proxy serves (docs/deploy.md): image
renditions only. Documents and H5P files, a package awaiting approval among them, are
reached only through their own views, which check who may see them."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.urls("tests.elearn.debug_urls")

FILES = {
    "images/photo.max-800x600.png": b"\x89PNG rendition",
    "original_images/photo.png": b"\x89PNG original",
    "h5p/content/pending/evil.svg": b"<svg onload='alert(1)'/>",
    "documents/leaflet.pdf": b"%PDF-1.4",
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for name, content in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    return Path(tmp_path)


def test_image_renditions_are_served(client, db, media):
    response = client.get("/media/images/photo.max-800x600.png")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == FILES["images/photo.max-800x600.png"]


@pytest.mark.parametrize(
    "path",
    [
        "/media/original_images/photo.png",
        "/media/h5p/content/pending/evil.svg",
        "/media/documents/leaflet.pdf",
        "/media/images/../h5p/content/pending/evil.svg",
        "/media/images/%2e%2e/documents/leaflet.pdf",
    ],
)
def test_nothing_else_under_media_is_served(client, db, media, path):
    response = client.get(path)

    assert response.status_code in (400, 404)
    assert not any(content in response.content for content in FILES.values())
