"""courses/migrations/0007_h5p_block_packages.py on data: an H5P block's package fields, one
per language (`content_uk`, `content_ru`), become one list of packages, in the page rows,
their revisions and wagtail-localize's copy of the module; and back. A module written before
the migration plays the same package in each language after it."""

import json

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from h5p.models import H5PContent

BEFORE = [("courses", "0006_record_course_completions")]
AFTER = [("courses", "0007_h5p_block_packages")]
BOTH = "c0ffee00-0000-4000-8000-000000000001"  # block ids, as the editor gives them
UK_ONLY = "c0ffee00-0000-4000-8000-000000000002"


def migrate(executor, targets):
    """Migrates the test database to `targets`; the models as they were there."""
    executor.loader.build_graph()  # what is applied now
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def h5p_blocks(stream) -> dict:
    return {block["id"]: block["value"] for block in stream if block["type"] == "h5p"}


def localize_source(apps, module):
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    return TranslationSource.objects.get(object_id=module.translation_key, locale=module.locale_id)


def stored_bodies(apps, modules) -> dict:
    """Where a module's body is kept -> its H5P blocks: each language version's row and
    latest revision, and wagtail-localize's copy of the Ukrainian source."""
    ModulePage = apps.get_model("courses", "ModulePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    bodies = {}
    for language, module in modules.items():
        row = ModulePage.objects.get(pk=module.pk)
        bodies[f"row {language}"] = h5p_blocks(list(row.body.raw_data))
        revision = Revision.objects.get(pk=row.latest_revision_id)
        bodies[f"revision {language}"] = h5p_blocks(json.loads(revision.content["body"]))
    source = localize_source(apps, modules["uk"])
    bodies["localize source"] = h5p_blocks(json.loads(json.loads(source.content_json)["body"]))
    return bodies


def write_old_blocks(apps, modules, blocks):
    """Adds `blocks` to the module, wherever its body is kept, as the editor saved them
    before the migration."""
    ModulePage = apps.get_model("courses", "ModulePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for module in modules.values():
        row = ModulePage.objects.get(pk=module.pk)
        ModulePage.objects.filter(pk=module.pk).update(body=[*row.body.raw_data, *blocks])
        revision = Revision.objects.get(pk=row.latest_revision_id)
        revision.content["body"] = json.dumps([*json.loads(revision.content["body"]), *blocks])
        revision.save(update_fields=["content"])
    source = localize_source(apps, modules["uk"])
    content = json.loads(source.content_json)
    content["body"] = json.dumps([*json.loads(content["body"]), *blocks])
    source.content_json = json.dumps(content)
    source.save(update_fields=["content_json"])


def package(language):
    return H5PContent.objects.create(
        title=f"Перевірка {language}",
        language=language,
        main_library="H5P.MultiChoice 1.16",
        storage_path=f"h5p/content/migration-{language}/",
        size_bytes=1,
    )


@pytest.mark.slow  # migrates the test database back and forth
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # schema changes: no outer transaction
def test_h5p_blocks_keep_each_languages_package_through_the_migration_and_back(course):
    _page, modules = course
    module = {page.locale.language_code: page for page in modules[0].get_translations(inclusive=True)}
    uk, ru = package("uk").pk, package("ru").pk
    old_blocks = [
        {
            "type": "h5p",
            "id": BOTH,
            "value": {"title": "Спробуйте", "content_uk": uk, "content_ru": ru, "required": True},
        },
        {
            "type": "h5p",
            "id": UK_ONLY,
            "value": {"title": "Ще одна", "content_uk": uk, "content_ru": None, "required": False},
        },
    ]
    executor = MigrationExecutor(connection)
    try:
        apps = migrate(executor, BEFORE)
        write_old_blocks(apps, module, old_blocks)

        bodies = stored_bodies(migrate(executor, AFTER), module)

        for where, blocks in bodies.items():
            both, uk_only = blocks[BOTH], blocks[UK_ONLY]
            # (In no particular order: PostgreSQL's jsonb had the old fields in its own.)
            assert sorted(item["value"] for item in both["packages"]) == sorted([uk, ru]), where
            assert [item["value"] for item in uk_only["packages"]] == [uk], where
            assert {key for key in both if key.startswith("content_")} == set(), where
            assert (both["title"], both["required"]) == ("Спробуйте", True), where
            assert (uk_only["title"], uk_only["required"]) == ("Ще одна", False), where
            assert all(item["type"] == "item" and item["id"] for item in both["packages"]), where
        # Every copy and language version names each package's list item alike: wagtail-localize
        # keeps the versions in step by these ids.
        item_ids = {
            where: {item["value"]: item["id"] for item in blocks[BOTH]["packages"]}
            for where, blocks in bodies.items()
        }
        assert all(ids == item_ids["row uk"] for ids in item_ids.values()), item_ids

        bodies = stored_bodies(migrate(executor, BEFORE), module)

        for where, blocks in bodies.items():
            assert "packages" not in blocks[BOTH], where
            assert (blocks[BOTH]["content_uk"], blocks[BOTH]["content_ru"]) == (uk, ru), where
            assert (blocks[UK_ONLY]["content_uk"], blocks[UK_ONLY].get("content_ru")) == (uk, None), where
            assert blocks[BOTH]["title"] == "Спробуйте" and blocks[UK_ONLY]["required"] is False, where
    finally:
        migrate(executor, executor.loader.graph.leaf_nodes())
        # Migrating empties Django's cache of content types. The next test that restores the
        # database (serialized_rollback) builds a Wagtail task, which looks its content type
        # up there and, not finding it, would insert one before the restore does.
        ContentType.objects.get_for_models(*django_apps.get_models())
