import io
import json
import uuid

import pytest
from wagtail.models import Locale

from courses.models import ModulePage
from h5p.packaging import check_content, pack
from h5p.player import object_iri
from h5p.services import package_import
from h5p.xapi import actor_mail

BLOCK_ID = "5f0c6c1e-0000-4000-8000-000000000001"
QUESTIONS = {"uk": "Чи захищає ДКП від інших ІПСШ?", "ru": "Защищает ли ДКП от других ИППП?"}
ANSWERS = {"uk": [("Ні", True), ("Так", False)], "ru": [("Нет", True), ("Да", False)]}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def packages(db, media):
    """One package per language, as trainers upload them."""
    return {
        language: package_import(
            file=io.BytesIO(
                pack(f"Перевірка {language}", check_content(QUESTIONS[language], ANSWERS[language]))
            ),
            title=f"Перевірка {language}",
            language=language,
        )
        for language in ("uk", "ru")
    }


def add_h5p_block(module, packages, required=True, block_id=BLOCK_ID):
    """The same H5P block (same id) in both language versions of `module`."""
    ru = Locale.objects.get(language_code="ru")
    value = {"title": "Перевірка", "packages": [packages["uk"], packages["ru"]], "required": required}
    for page in (module, module.get_translation(ru)):
        page.body.append(("h5p", value, block_id))
        page.save_revision().publish()
    return ModulePage.objects.get(pk=module.pk)


@pytest.fixture
def h5p_module(course, packages):
    """The course's first module with a required H5P activity in both languages."""
    return add_h5p_block(course[1][0], packages)


def statement(user, content, verb="answered", raw=1, top=1, **overrides):
    """An xAPI statement shaped as H5P core sends it, from `user`'s pseudonymous actor."""
    data = {
        "id": str(uuid.uuid4()),
        "actor": {"name": "learner", "mbox": f"mailto:{actor_mail(user)}", "objectType": "Agent"},
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}", "display": {"en-US": verb}},
        "object": {"id": object_iri(content), "objectType": "Activity"},
        "result": {"score": {"min": 0, "max": top, "raw": raw, "scaled": raw / top}, "completion": True},
    }
    data.update(overrides)
    return data


def post_statement(client, module, data, block_id=BLOCK_ID, lang="uk"):
    return client.post(
        f"/{lang}/activities/{module.pk}/{block_id}/statements/",
        json.dumps({"statement": data}),
        content_type="application/json",
    )
