import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from courses.blocks import AudioBlock, VideoBlock, media_bytes
from courses.models import ModulePage


@pytest.fixture
def media(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def document(name, size):
        doc = Document(title=name)
        doc.file.save(name, ContentFile(b"\0" * size), save=False)
        doc.save()
        return doc

    return {
        "audio": document("lesson.mp3", 2_500_000),
        "video": document("story.mp4", 5_000_000),
        "captions": document("story.vtt", 100),
        "pdf": document("leaflet.pdf", 1000),
    }


def media_module(course_page, media):
    module = ModulePage(
        title="Медіа",
        slug="media",
        summary="-",
        estimated_minutes=5,
        body=[
            {
                "type": "audio",
                "value": {"title": "Розмова", "file": media["audio"].pk, "transcript": "<p>Усе сказане.</p>"},
            },
            {
                "type": "video",
                "value": {"title": "Історія", "file": media["video"].pk, "captions": media["captions"].pk},
            },
        ],
    )
    course_page.add_child(instance=module)
    module.save_revision().publish()
    return module


def test_media_never_load_or_play_by_themselves_and_say_their_size(client, course, media):
    module = media_module(course[0], media)

    html = client.get(module.url).content.decode()

    assert html.count('preload="none"') == 2
    assert "autoplay" not in html
    assert "Усе сказане." in html  # the transcript
    assert '<track kind="captions"' in html and 'srclang="uk"' in html
    assert "разом 7,2\xa0Мб" in html  # the whole module's media (binary megabytes), before anything loads
    assert media_bytes(module.body) == 7_500_000


def test_media_are_served_by_the_site_itself(client, course, media):
    module = media_module(course[0], media)

    html = client.get(module.url).content.decode()

    assert f'src="/documents/{media["audio"].pk}/lesson.mp3"' in html
    assert "http" not in html.split("<main", 1)[1].split("</main>", 1)[0].replace("http://testserver", "")


def test_audio_and_video_refuse_the_wrong_kind_of_file(media):
    with pytest.raises(ValidationError):
        AudioBlock().clean(
            {
                "title": "x",
                "file": media["pdf"],
                "transcript": AudioBlock().child_blocks["transcript"].to_python("<p>x</p>"),
            }
        )
    with pytest.raises(ValidationError):
        VideoBlock().clean({"title": "x", "file": media["video"], "captions": media["pdf"], "poster": None})


def test_images_are_responsive_webp_lazy_and_described(client, course, settings, tmp_path):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    PILImage.new("RGB", (1600, 900), "purple").save(buffer, "PNG")
    image = Image.objects.create(title="Схема", file=ImageFile(buffer, name="scheme.png"))
    module = ModulePage(
        title="Схема",
        slug="scheme",
        summary="-",
        estimated_minutes=5,
        body=[{"type": "image", "value": {"image": image.pk, "alt": "Схема: як діє ПКП", "caption": ""}}],
    )
    course[0].add_child(instance=module)
    module.save_revision().publish()

    html = client.get(module.url).content.decode()

    picture = html.split("<picture>", 1)[1].split("</picture>", 1)[0]
    assert 'type="image/webp"' in picture
    assert "360w" in picture and "720w" in picture
    assert 'loading="lazy"' in picture
    assert 'alt="Схема: як діє ПКП"' in picture
