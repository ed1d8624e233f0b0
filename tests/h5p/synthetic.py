"""Synthetic H5P packages shaped like real ones from h5p.org or Lumi, built here and never
taken from third parties: a content type on a chain of six libraries, with the icon.svg
nearly every library ships, SVG fonts (FontAwesome, FontIcons), XML data and the .patch
file jQuery.ui carries. The code inside is a placeholder; what matters is the structure."""

import io
import json
import zipfile

SVG_ICON = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
SVG_FONT = (
    b'<?xml version="1.0" standalone="no"?><svg xmlns="http://www.w3.org/2000/svg"><defs>'
    b'<font id="h5p" horiz-adv-x="512"><glyph unicode="&#xe600;" d="M0 0h512v512H0z"/></font></defs></svg>'
)


def library(name, version=(1, 0, 0), deps=(), runnable=False, files=None, js=None):
    """A library folder: {folder name: {relative path: bytes}}. `deps` are (name, major,
    minor); `js` replaces the placeholder script (a changed or hostile version)."""
    major, minor, patch = version
    manifest = {
        "title": name,
        "machineName": name,
        "majorVersion": major,
        "minorVersion": minor,
        "patchVersion": patch,
        "runnable": int(runnable),
        "preloadedJs": [{"path": "scripts/main.js"}],
        "preloadedCss": [{"path": "styles/main.css"}],
        "preloadedDependencies": [
            {"machineName": d, "majorVersion": d_major, "minorVersion": d_minor}
            for d, d_major, d_minor in deps
        ],
    }
    folder = {
        "library.json": json.dumps(manifest, indent=2).encode(),
        "icon.svg": SVG_ICON,
        "scripts/main.js": js if js is not None else f"var {name.replace('.', '_')} = {{}};\n".encode(),
        "styles/main.css": b".h5p-x { color: #222; }\n",
    }
    folder.update(files or {})
    return {f"{name}-{major}.{minor}": folder}


def chain(top="H5P.SampleChoice", top_version=(1, 16, 4), shared_version=(1, 0, 0), shared_js=None):
    """A MultiChoice-like content type on a chain of six more libraries."""
    libraries = {}
    libraries.update(
        library(
            top,
            top_version,
            deps=[("H5P.SampleQuestion", 1, 5), ("H5P.SampleJoubelUI", 1, 3), ("H5P.SharedLib", 1, 0)],
            runnable=True,
        )
    )
    libraries.update(library("H5P.SampleQuestion", (1, 5, 2), deps=[("H5P.SampleJoubelUI", 1, 3)]))
    libraries.update(
        library(
            "H5P.SampleJoubelUI",
            (1, 3, 19),
            deps=[("H5P.SampleTransition", 1, 0), ("H5P.SampleFontIcons", 1, 0), ("FontAwesome", 4, 5)],
        )
    )
    libraries.update(library("H5P.SampleTransition", (1, 0, 4)))
    libraries.update(
        library(
            "H5P.SampleFontIcons", (1, 0, 6), files={"fonts/h5p.svg": SVG_FONT, "fonts/h5p.woff": b"wOFF"}
        )
    )
    libraries.update(
        library(
            "FontAwesome",
            (4, 5, 4),
            deps=[("jQuery.sampleui", 1, 10)],
            files={"fontawesome-webfont.svg": SVG_FONT, "fontawesome-webfont.eot": b"\0" * 10},
        )
    )
    libraries.update(
        library(
            "jQuery.sampleui",
            (1, 10, 21),
            files={"applied-patch-after-updating.patch": b"--- a\n+++ b\n", "data/sample.xml": b"<a/>"},
        )
    )
    libraries.update(library("H5P.SharedLib", shared_version, js=shared_js))
    return libraries


def package(title="Вибір", main="H5P.SampleChoice", libraries=None, content=None, extra=None) -> bytes:
    """A .h5p file whose h5p.json needs `main` (its own dependencies come with it)."""
    libraries = libraries if libraries is not None else chain()
    main_folder = next(folder for folder in libraries if folder.rsplit("-", 1)[0] == main)
    major, minor = main_folder.rsplit("-", 1)[1].split(".")
    manifest = {
        "title": title,
        "language": "uk",
        "mainLibrary": main,
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": [{"machineName": main, "majorVersion": major, "minorVersion": minor}],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("h5p.json", json.dumps(manifest, ensure_ascii=False))
        archive.writestr("content/content.json", json.dumps(content or {"question": "?"}, ensure_ascii=False))
        archive.writestr("content/images/photo.jpg", b"\xff\xd8\xff")
        for folder, files in libraries.items():
            for path, data in files.items():
                archive.writestr(f"{folder}/{path}", data)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()
