"""A library built for development (webpack's eval devtools, as `webpack` without
NODE_ENV=production builds H5P.Dialogcards 1.9.38) wraps every module in eval("..."). The
player's CSP has no 'unsafe-eval', so such a package was accepted, approved and then showed
trainees "The activity failed to load" (the frame's console: "Evaluating a string as
JavaScript violates ... 'unsafe-eval'", then "Unable to find constructor for: H5P.Dialogcards
1.9"). It is refused at upload now, naming the library, and the player's CSP still forbids
eval. The packages are synthetic (tests/h5p/synthetic.py): the structure, not H5P's code."""

import io

import pytest
from django.utils import translation

from h5p.models import H5PContent, H5PLibrary
from h5p.player import player_policy
from h5p.services import package_import
from h5p.validation import PackageRefused

from .synthetic import library, package

# What webpack emits with devtool "eval-source-map" / "eval-cheap-module-source-map".
DEVELOPMENT_BUNDLE = (
    b"/******/ (() => { var __webpack_modules__ = ({\n"
    b'"./src/entries/h5p-sample-cards.js": (() => {\n'
    b'eval("\\nH5P.SampleCards = function () {};\\n//# sourceURL=webpack-internal:///./src/entries/'
    b'h5p-sample-cards.js\\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,e30=");\n'
    b"})\n/******/ }); })();\n"
)
# The same library built for production: minified, no eval; it may still name a source map.
PRODUCTION_BUNDLE = (
    b'(()=>{"use strict";H5P.SampleCards=function(){}})();\n//# sourceMappingURL=h5p-sample-cards.js.map\n'
)


def cards(js):
    """A Dialogcards-shaped package: the content type on H5P.Components, JoubelUI, an
    audio player and FontAwesome, its script under dist/ as webpack writes it."""
    libraries = {}
    for name, version in (
        ("FontAwesome", (4, 5, 6)),
        ("H5P.SampleJoubelUI", (1, 3, 30)),
        ("H5P.SampleAudio", (1, 5, 29)),
        ("H5P.SampleComponents", (1, 0, 98)),
    ):
        libraries.update(library(name, version))
    top = library(
        "H5P.SampleCards",
        (1, 9, 38),
        deps=[
            ("FontAwesome", 4, 5),
            ("H5P.SampleJoubelUI", 1, 3),
            ("H5P.SampleAudio", 1, 5),
            ("H5P.SampleComponents", 1, 0),
        ],
        runnable=True,
        files={"dist/2aecfafb6066a6b8c73d.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>'},
    )
    folder = top["H5P.SampleCards-1.9"]
    folder["library.json"] = folder["library.json"].replace(b"scripts/main.js", b"dist/h5p-sample-cards.js")
    folder["dist/h5p-sample-cards.js"] = js
    del folder["scripts/main.js"]
    libraries.update(top)
    return package(title="Картки", main="H5P.SampleCards", libraries=libraries)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The library H5P.SampleCards-1.9 is a development build: its code runs through eval()"),
        ("uk", "Бібліотека H5P.SampleCards-1.9 — збірка для розробки"),
        ("ru", "Библиотека H5P.SampleCards-1.9 — сборка для разработки"),
    ],
)
def test_a_library_built_for_development_is_refused_naming_it_and_nothing_is_kept(
    db, media, language, message
):
    with translation.override(language), pytest.raises(PackageRefused) as refused:
        package_import(file=io.BytesIO(cards(DEVELOPMENT_BUNDLE)), title="Картки", language="uk")

    with translation.override(language):
        assert str(refused.value.message).startswith(message)
    assert not any(path.is_file() for path in media.rglob("*"))
    assert H5PContent.objects.count() == 0 and H5PLibrary.objects.count() == 0


def test_a_trainer_uploading_it_in_the_admin_is_told_why_and_nothing_waits_for_approval(
    client, trainer, media
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(trainer)
    package_file = SimpleUploadedFile("cards.h5p", cards(DEVELOPMENT_BUNDLE), content_type="application/zip")

    response = client.post(
        "/admin/interactive/", {"title": "Картки", "language": "uk", "package": package_file}
    )

    assert response.status_code == 400
    assert "Бібліотека H5P.SampleCards-1.9 — збірка для розробки" in response.content.decode()
    assert not H5PLibrary.objects.filter(status=H5PLibrary.PENDING).exists()


def test_the_same_library_built_for_production_is_accepted(db, media):
    content = package_import(file=io.BytesIO(cards(PRODUCTION_BUNDLE)), title="Картки", language="uk")

    assert content.main_library == "H5P.SampleCards"
    assert content.libraries.count() == 5


def test_the_player_still_runs_no_string_as_code(db):
    """The refusal is not a reason to relax the player: eval stays forbidden there."""
    policy = player_policy("https://elearn.example")

    assert "unsafe-eval" not in policy and "wasm-unsafe-eval" not in policy
    assert "require-trusted-types-for 'script'" in policy
