"""Packing the project's own H5P library (h5p/library/) with content into a real .h5p
file: used by the tests, by their hostile variants, and by the demo."""

import io
import json
import zipfile
from pathlib import Path

from common.languages import default_language

LIBRARY_DIR = Path(__file__).resolve().parent / "library" / "H5P.ConectaCheck-1.0"


def check_content(question, answers, right_text="", wrong_text=""):
    """content.json for H5P.ConectaCheck: answers is a list of (text, is_correct)."""
    return {
        "question": question,
        "answers": [{"text": text, "correct": correct} for text, correct in answers],
        "rightText": right_text,
        "wrongText": wrong_text,
    }


def pack(title, content, extra_files=None, language=None, library_dir=LIBRARY_DIR) -> bytes:
    """A valid .h5p package as bytes, with the library in `library_dir` (a folder named
    Machine.Name-1.0 holding library.json), in `language` (the site's default unless
    given); `extra_files` (name -> bytes) are added as they are."""
    library = json.loads((library_dir / "library.json").read_text())
    dependency = {key: library[key] for key in ("machineName", "majorVersion", "minorVersion")}
    manifest = {
        "title": title,
        "language": language or default_language(),
        "mainLibrary": dependency["machineName"],
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": [dependency],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("h5p.json", json.dumps(manifest, ensure_ascii=False))
        archive.writestr("content/content.json", json.dumps(content, ensure_ascii=False))
        for path in sorted(library_dir.iterdir()):
            archive.write(path, f"{library_dir.name}/{path.name}")
        for name, data in (extra_files or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()
