"""The catalogs are complete, and no string in the code is missing from them."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["uk", "ru"]
# Words the content guide forbids for people (see CONTENT_GUIDE.md).
FORBIDDEN = ["повія", "проститутк", "комерційного сексу", "коммерческого секса", "группа риска"]


def catalog(base, lang):
    return polib.pofile(str(base / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_committed_catalog_is_complete_without_fuzzy_entries(lang):
    po = catalog(ROOT / "locale", lang)

    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


def test_every_string_in_the_code_is_in_the_catalogs(tmp_path, settings, monkeypatch):
    # makemessages writes into the tree it runs in, so it runs in a copy of the sources.
    source = tmp_path / "src"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".*", "node_modules", "staticfiles", "media", "*.mo")
    )
    settings.LOCALE_PATHS = [source / "locale"]
    monkeypatch.chdir(source)

    call_command(
        "makemessages",
        locale=LANGUAGES,
        ignore_patterns=[".venv", "node_modules", "staticfiles", "tests"],
        verbosity=0,
    )

    for lang in LANGUAGES:
        po = catalog(source / "locale", lang)
        missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
        assert missing == [], f"{lang}: run `make messages` and translate these"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_uses_respectful_terminology(lang):
    text = " ".join(entry.msgstr.lower() for entry in catalog(ROOT / "locale", lang))

    assert [word for word in FORBIDDEN if word in text] == []
