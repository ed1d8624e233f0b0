"""Static files as production serves them (elearn/static_storage.py, static_bundles.py):
the pages' small scripts joined in one file, our own JavaScript and CSS minified, and
every script still valid JavaScript."""

import json
import shutil
import subprocess

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

SOURCES = django_settings.BASE_DIR / "elearn" / "static"
PARTS = ["quick-exit", "navigation", "privacy-tip", "offline"]
APPS = ["accounts", "certificates", "common", "courses", "elearn", "h5p", "quizzes", "reports"]


@pytest.mark.slow  # collects and compresses every static file
def test_collectstatic_joins_and_minifies_our_scripts(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "elearn.static_storage.MinifiedStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]

    site_js = (tmp_path / manifest["js/site.js"]).read_text()
    sources = [(SOURCES / "js" / f"{name}.js").read_text() for name in PARTS]
    assert site_js.count('"use strict"') == len(PARTS)
    assert "data-quick-exit" in site_js and "data-privacy-tip" in site_js and "data-signed-in" in site_js
    assert len(site_js) < 0.75 * sum(len(source) for source in sources)
    assert not any(line.lstrip().startswith("//") for line in site_js.splitlines())  # no comments left

    site_css = (tmp_path / manifest["css/site.css"]).read_text()
    assert len(site_css) < 0.9 * len((SOURCES / "css" / "site.css").read_text())
    assert (tmp_path / (manifest["js/site.js"] + ".br")).exists()  # and pre-compressed

    if shutil.which("node"):  # every minified script of ours still parses
        ours = ["js/site.js"] + [
            str(path.relative_to(folder))
            for app in APPS
            if (folder := django_settings.BASE_DIR / app / "static").exists()
            for path in folder.rglob("*.js")
        ]
        for name in ours:
            subprocess.run(["node", "--check", str(tmp_path / manifest[name])], check=True)
