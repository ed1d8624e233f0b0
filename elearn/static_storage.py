"""Static files as production serves them: the project's own JavaScript and CSS minified
when collectstatic runs, then hashed and pre-compressed by whitenoise.

A trainee's first visit downloads these files on shared 3G; without comments and
indentation they are about a quarter smaller after brotli, which keeps the heaviest
module page within its 12 KB budget (bench/page_weight.py). The sources stay readable in
the repository. Only files of this project's apps are minified: packages (Wagtail, the
H5P player from node_modules) are served as they come."""

from functools import lru_cache
from pathlib import Path

import rcssmin
import rjsmin
from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from .static_bundles import BundleStorage

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def _ours(source_storage) -> bool:
    if isinstance(source_storage, BundleStorage):  # our scripts, joined (static_bundles.py)
        return True
    location = Path(getattr(source_storage, "location", "")).resolve()
    base = Path(settings.BASE_DIR).resolve()
    return location.is_relative_to(base) and not {"node_modules", "site-packages"} & set(location.parts)


class MinifiedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def post_process(self, paths, dry_run=False, **options):
        paths = dict(paths)
        if not dry_run:
            for name, (source_storage, _source_name) in paths.items():
                minify = MINIFIERS.get(Path(name).suffix)
                if minify is not None and _ours(source_storage):
                    self._minify(name, minify)
                    paths[name] = (self, name)  # hashed and compressed from the minified copy
        yield from super().post_process(paths, dry_run=dry_run, **options)

    def _minify(self, name, minify):
        path = Path(self.path(name))
        text = path.read_text(encoding="utf-8")
        smaller = minify(text)
        if smaller != text:
            path.write_text(smaller, encoding="utf-8")

    # The manifest does not change while the process runs: each address is worked out once
    # (a page names the same few files on every request).
    @lru_cache(maxsize=512)  # noqa: B019  (one storage object per process)
    def url(self, name, force=False):
        return super().url(name, force)
