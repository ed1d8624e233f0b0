"""Trainers and coordinators work in the Wagtail admin in Ukrainian or Russian. Wagtail's
own catalogs leave part of it in English (a third of the Ukrainian admin in 8.0.1);
locale_wagtail/ fills the gaps. A Wagtail upgrade that adds strings fails here, listing
them."""

from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.utils.translation import trans_real
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

LANGUAGES = ["uk", "ru"]
# The admin's JavaScript catalogs, as Wagtail and wagtail-localize serve them.
JS_PACKAGES = ["wagtail.admin", "wagtail_localize"]


def wagtail_apps():
    return [
        app for app in apps.get_app_configs() if app.name.split(".")[0] in ("wagtail", "wagtail_localize")
    ]


def source_entries(app, domain):
    """The app's strings, read from its English catalog (all msgids, none translated)."""
    path = Path(app.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete] if path.exists() else []


def untranslated(entries, catalog: DjangoTranslation):
    """The entries no catalog Django merged for this language holds. (Asked by key, not by
    comparing texts: "URL" or "%(field_label)s:" rightly stay the same.)"""
    missing = []
    for entry in entries:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if key not in catalog._catalog and (key, 0) not in catalog._catalog:
            missing.append(entry.msgid)
    return missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_admin_string_has_a_translation(language):
    entries = [entry for app in wagtail_apps() for entry in source_entries(app, "django")]
    assert len(entries) > 1000  # the catalogs were found

    missing = untranslated(entries, trans_real.translation(language))

    assert missing == [], f"{len(missing)} admin strings in English: add them to locale_wagtail/{language}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_admin_script_string_has_a_translation(language):
    for package in JS_PACKAGES:
        app = next(app for app in apps.get_app_configs() if app.name == package)
        entries = source_entries(app, "djangojs")
        paths = JavaScriptCatalog().get_paths([package])
        catalog = DjangoTranslation(language, domain="djangojs", localedirs=paths)

        missing = untranslated(entries, catalog)

        assert missing == [], f"{package}: {missing}"


def test_the_dashboard_speaks_ukrainian(client, coordinator):
    """The site summary a coordinator sees first was English ("1 Page created in ...")."""
    client.force_login(coordinator)

    page = client.get("/admin/").content.decode()

    assert "створена на сайті" in page or "створено на сайті" in page
    assert "created in" not in page


def test_usage_counts_are_spelt_right_in_ukrainian():
    """wagtail.documents' catalog misspells one form («Викорнистано»), shown on the
    document, image and test screens; locale_wagtail/ corrects it."""
    from django.utils import translation
    from django.utils.translation import ngettext

    with translation.override("uk"):
        shown = [
            ngettext("Used %(usage_count)s time", "Used %(usage_count)s times", n) % {"usage_count": n}
            for n in (1, 3, 5)
        ]

    assert shown == ["Використано 1 раз", "Використано 3 рази", "Використано 5 разів"]
