"""One script for every page: the small scripts base.html needs, joined into js/site.js.

Four files cost a phone on 3G four requests on its first visit, and compress worse apart
(about 400 bytes more after brotli). The sources stay separate in elearn/static/js/; this
finder builds the joined file whenever it is asked for, so runserver, the tests (through
whitenoise's finders) and collectstatic all serve the same file. Each part runs on its
own: an error in one does not stop the next (the quick exit comes first)."""

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage

BUNDLES = {
    "js/site.js": ["js/quick-exit.js", "js/navigation.js", "js/privacy-tip.js", "js/offline.js"],
}
PART = "try {{\n{source}\n}} catch (error) {{ setTimeout(function () {{ throw error; }}); }}\n"


def _folder() -> Path:
    """Where the joined files are written: per checkout, outside it."""
    checkout = hashlib.sha256(str(settings.BASE_DIR).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"elearn-static-bundles-{checkout}"


class BundleStorage(FileSystemStorage):
    """The folder of joined files (elearn/static_storage.py minifies them as our own)."""


class BundleFinder(finders.BaseFinder):
    def _source(self, part) -> Path:
        for finder in finders.get_finders():
            if not isinstance(finder, BundleFinder):
                found = finder.find(part)
                if found:
                    return Path(found)
        raise FileNotFoundError(part)

    def _build(self, name) -> str:
        joined = "".join(
            PART.format(source=self._source(part).read_text(encoding="utf-8")) for part in BUNDLES[name]
        )
        target = _folder() / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != joined:
            temporary = target.with_name(f".{target.name}.{os.getpid()}")
            temporary.write_text(joined, encoding="utf-8")
            temporary.replace(target)  # atomic: a reader never sees half a file
        return str(target)

    def find(self, path, find_all=False, **kwargs):
        if path not in BUNDLES:
            return [] if find_all else None
        built = self._build(path)
        return [built] if find_all else built

    def list(self, ignore_patterns):
        for name in BUNDLES:
            self._build(name)
        storage = BundleStorage(location=_folder())
        for name in BUNDLES:
            yield name, storage

    def check(self, **kwargs):
        return []
