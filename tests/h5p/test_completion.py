"""Completion fits the content type: a scored type completes when answered (or only when
passed, if the trainer says so); a type without a score completes when it reports being
done or when the trainee presses "I have finished", so a required block can always be
completed."""

import pytest
from wagtail.models import Locale

from courses.models import ModulePage, ModuleProgress
from h5p.completion import completes
from h5p.models import ActivityStatement
from h5p.player import object_iri
from tests.h5p.conftest import BLOCK_ID, post_statement, statement

VERB = "http://adlnet.gov/expapi/verbs/"


@pytest.mark.parametrize(
    ("verb", "top_level", "scored", "success", "mode", "done"),
    [
        ("answered", True, True, False, "answered", True),  # a wrong answer is still taking part
        ("answered", True, True, False, "passed", False),
        ("answered", True, True, True, "passed", True),
        ("completed", True, True, None, "answered", True),  # QuestionSet's end
        ("answered", False, True, True, "answered", False),  # one question of a set
        ("interacted", True, True, None, "answered", False),
        ("experienced", True, False, None, "answered", True),  # Accordion
        ("consumed", True, False, None, "passed", True),
        ("completed", True, False, None, "button", True),  # the "I have finished" button
        ("progressed", True, False, None, "answered", False),
        ("completed", False, False, None, "answered", False),
        # "Every part viewed": only the player's "completed" once each part was seen, not the
        # "consumed" an accordion sends as it opens; a scored type still completes when answered.
        ("consumed", True, False, None, "viewed", False),
        ("experienced", True, False, None, "viewed", False),
        ("completed", True, False, None, "viewed", True),
        ("answered", True, True, False, "viewed", True),
    ],
)
def test_the_rule(verb, top_level, scored, success, mode, done):
    assert completes(verb=VERB + verb, top_level=top_level, scored=scored, success=success, mode=mode) is done


def test_a_real_accordion_completes_with_the_activity_streams_consume_verb_it_sends():
    """H5P.Accordion 1.0 (h5p/h5p-accordion) reports a panel read as this verb, not ADL's."""
    consume = "http://activitystrea.ms/schema/1.0/consume"
    assert completes(verb=consume, top_level=True, scored=False, success=None, mode="answered") is True
    assert completes(verb=consume, top_level=False, scored=False, success=None, mode="answered") is False


def set_completion(module, mode):
    """The block's "the activity is done" choice, in both language versions."""
    for page in (module, module.get_translation(Locale.objects.get(language_code="ru"))):
        page = ModulePage.objects.get(pk=page.pk)
        for block in page.body:
            if block.id == BLOCK_ID:
                block.value["completion"] = mode
        page.save_revision().publish()


def unscored(user, content, verb, **overrides):
    data = statement(user, content, verb=verb, **overrides)
    del data["result"]
    return data


@pytest.fixture
def signed_in(client, trainee):
    client.force_login(trainee)
    return client


def test_an_activity_without_a_score_completes_when_it_reports_being_done(
    signed_in, trainee, h5p_module, packages
):
    progressed = post_statement(signed_in, h5p_module, unscored(trainee, packages["uk"], "progressed"))
    assert progressed.json()["module_complete"] is False

    response = post_statement(signed_in, h5p_module, unscored(trainee, packages["uk"], "experienced"))

    assert response.json() == {"stored": True, "module_complete": True}
    assert ModuleProgress.objects.get(user=trainee).completed_at is not None


def test_the_finish_button_completes_a_required_activity_in_every_mode(
    signed_in, trainee, h5p_module, packages
):
    set_completion(h5p_module, "passed")
    button = unscored(trainee, packages["uk"], "completed")  # what activity.js sends
    button["result"] = {"completion": True}

    assert post_statement(signed_in, h5p_module, button).json()["module_complete"] is True


def test_when_passing_is_asked_a_failed_answer_is_kept_but_does_not_complete(
    signed_in, trainee, h5p_module, packages
):
    set_completion(h5p_module, "passed")
    failed = statement(trainee, packages["uk"], raw=0)
    failed["result"]["success"] = False

    assert post_statement(signed_in, h5p_module, failed).json()["module_complete"] is False
    assert ActivityStatement.objects.get().completes_activity is False

    passed = statement(trainee, packages["uk"])
    passed["result"]["success"] = True
    assert post_statement(signed_in, h5p_module, passed).json()["module_complete"] is True


def test_a_sub_question_does_not_complete_the_set(signed_in, trainee, h5p_module, packages):
    content = packages["uk"]
    part = statement(
        trainee, content, object={"id": object_iri(content) + "?subContentId=abc", "objectType": "Activity"}
    )

    assert post_statement(signed_in, h5p_module, part).json()["module_complete"] is False


def test_the_block_shows_the_finish_button_hidden_until_the_player_says_the_content_has_no_score(
    signed_in, h5p_module
):
    page = signed_in.get(h5p_module.url).content.decode()

    assert "data-h5p-finish hidden" in page or "hidden data-h5p-finish" in page
    assert "Завершити завдання" in page
    assert 'data-h5p-completion="answered"' in page
