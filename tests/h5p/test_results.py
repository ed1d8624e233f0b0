"""What the module page sends for an H5P activity: stored as history, checked, completing
the module; everything else refused with nothing stored."""

import json

import pytest
from django.test import Client
from wagtail.models import Locale, PageViewRestriction

from courses.models import ModuleProgress
from h5p.models import ActivityState, ActivityStatement
from tests.factories import TraineeFactory
from tests.h5p.conftest import BLOCK_ID, add_h5p_block, post_statement, statement


@pytest.fixture
def signed_in(client, trainee):
    client.force_login(trainee)
    return client


def test_an_answer_is_kept_self_reported_and_completes_the_module(signed_in, trainee, h5p_module, packages):
    response = post_statement(signed_in, h5p_module, statement(trainee, packages["uk"]))

    assert response.status_code == 200
    assert response.json() == {"stored": True, "module_complete": True}
    row = ActivityStatement.objects.get()
    assert (row.user, row.module_key, row.block_id) == (trainee, h5p_module.translation_key, BLOCK_ID)
    assert (row.score_raw, row.score_max, row.self_reported, row.completes_activity) == (1, 1, True, True)
    assert ModuleProgress.objects.get(user=trainee).completed_at is not None


def test_the_russian_module_plays_the_russian_package_and_counts_for_the_same_activity(
    signed_in, trainee, h5p_module, packages
):
    ru_module = h5p_module.get_translation(Locale.objects.get(language_code="ru"))
    page = signed_in.get(ru_module.url)
    assert page.status_code == 200
    assert "Открыть задание" in page.content.decode()

    refused = post_statement(signed_in, ru_module, statement(trainee, packages["uk"]), lang="ru")
    assert refused.status_code == 400  # the Ukrainian package is not what the Russian page plays

    response = post_statement(signed_in, ru_module, statement(trainee, packages["ru"]), lang="ru")
    assert response.json()["module_complete"] is True
    assert ModuleProgress.objects.get(user=trainee).module_key == h5p_module.translation_key


def test_a_wrong_answer_is_kept_and_still_completes_the_activity(signed_in, trainee, h5p_module, packages):
    """Like H5P on other platforms: answering is taking part; the score is kept as given."""
    post_statement(signed_in, h5p_module, statement(trainee, packages["uk"], raw=0))

    assert ActivityStatement.objects.get().score_raw == 0
    assert ModuleProgress.objects.get(user=trainee).completed_at is not None


def test_every_statement_is_history_and_a_resent_one_is_kept_once(signed_in, trainee, h5p_module, packages):
    first = statement(trainee, packages["uk"], raw=0)
    post_statement(signed_in, h5p_module, first)
    again = post_statement(signed_in, h5p_module, first)  # the outbox retried after a lost answer
    post_statement(signed_in, h5p_module, statement(trainee, packages["uk"], raw=1))

    assert again.json()["stored"] is False
    assert sorted(ActivityStatement.objects.values_list("score_raw", flat=True)) == [0, 1]


def test_a_sub_content_or_unscored_statement_is_kept_but_completes_nothing(
    signed_in, trainee, h5p_module, packages
):
    content = packages["uk"]
    sub = statement(trainee, content, object={"id": f"urn:conecta:h5p:{content.pk}?subContentId=abc"})
    attempted = statement(trainee, content, verb="attempted", result=None)
    del attempted["result"]
    for data in (sub, attempted):
        assert post_statement(signed_in, h5p_module, data).json() == {
            "stored": True,
            "module_complete": False,
        }

    assert ActivityStatement.objects.filter(completes_activity=True).count() == 0
    assert not ModuleProgress.objects.filter(completed_at__isnull=False).exists()


def test_the_module_needs_its_test_too(signed_in, trainee, h5p_module, packages):
    from tests.builders import build_quiz

    h5p_module.body.append(("quiz", {"quiz": build_quiz(), "required": True}))
    h5p_module.save_revision().publish()

    response = post_statement(signed_in, h5p_module, statement(trainee, packages["uk"]))

    assert response.json()["module_complete"] is False


def test_an_optional_activity_leaves_the_finish_button(signed_in, course, packages):
    module = add_h5p_block(course[1][1], packages, required=False)

    page = signed_in.get(module.url).content.decode()

    assert f"/uk/learning/modules/{module.pk}/finish/" in page


BAD_STATEMENTS = {
    "not json": b"{not json",
    "no statement": json.dumps({"other": 1}).encode(),
    "statement not an object": json.dumps({"statement": [1, 2]}).encode(),
}


@pytest.mark.parametrize("body", BAD_STATEMENTS.values(), ids=BAD_STATEMENTS.keys())
def test_malformed_bodies_get_a_translated_400_and_store_nothing(signed_in, h5p_module, body):
    response = signed_in.post(
        f"/uk/activities/{h5p_module.pk}/{BLOCK_ID}/statements/", body, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["error"] == "Результат надіслано в неочікуваному вигляді."
    assert not ActivityStatement.objects.exists()


def _bad(trainee, content, settings):
    other = TraineeFactory()
    return {
        "another actor": statement(other, content),
        "no id": statement(trainee, content, id="not-a-uuid"),
        "another activity": statement(trainee, content, object={"id": "urn:conecta:h5p:999999"}),
        "look-alike activity": statement(trainee, content, object={"id": f"urn:conecta:h5p:{content.pk}9"}),
        "raw above max": statement(trainee, content, raw=5, top=1),
        "negative": statement(trainee, content, raw=-1, top=1),
        "score as text": statement(trainee, content, result={"score": {"raw": "1", "max": 1}}),
        "score as true": statement(trainee, content, result={"score": {"raw": True, "max": 1}}),
        "too large": statement(trainee, content, context={"x": "я" * settings.H5P_MAX_STATEMENT_SIZE}),
    }


@pytest.mark.parametrize(
    "case",
    [
        "another actor",
        "no id",
        "another activity",
        "look-alike activity",
        "raw above max",
        "negative",
        "score as text",
        "score as true",
        "too large",
    ],
)
def test_statements_that_lie_or_overflow_are_refused(
    signed_in, trainee, h5p_module, packages, settings, case
):
    data = _bad(trainee, packages["uk"], settings)[case]

    response = post_statement(signed_in, h5p_module, data)

    assert response.status_code == 400
    assert response.json()["error"]
    assert not ActivityStatement.objects.exists()
    assert not ModuleProgress.objects.filter(completed_at__isnull=False).exists()


def test_an_activity_the_trainee_cannot_see_is_not_found(signed_in, trainee, h5p_module, packages, course):
    data = statement(trainee, packages["uk"])
    assert post_statement(signed_in, h5p_module, data, block_id="no-such-block").status_code == 404
    plain_module = course[1][1]  # no H5P block
    assert post_statement(signed_in, plain_module, data).status_code == 404

    PageViewRestriction.objects.create(page=h5p_module, restriction_type="login")  # any restriction hides
    assert post_statement(signed_in, h5p_module, data).status_code == 404
    PageViewRestriction.objects.all().delete()
    h5p_module.unpublish()
    assert post_statement(signed_in, h5p_module, data).status_code == 404
    assert not ActivityStatement.objects.exists()


def test_anonymous_visitors_and_forged_requests_are_refused(trainee, h5p_module, packages):
    anonymous = post_statement(Client(), h5p_module, statement(trainee, packages["uk"]))
    assert anonymous.status_code == 403
    assert anonymous.json()["error"]  # JSON, not a redirect to the login page

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(trainee)
    assert post_statement(strict, h5p_module, statement(trainee, packages["uk"])).status_code == 403
    assert not ActivityStatement.objects.exists()


def test_resume_state_is_kept_replaced_and_capped(signed_in, trainee, h5p_module, packages, settings):
    url = f"/uk/activities/{h5p_module.pk}/{BLOCK_ID}/state/"

    def send(state):
        return signed_in.post(url, json.dumps({"state": state}), content_type="application/json")

    assert send('{"answer": 0}').status_code == 200
    assert send('{"answer": 1}').status_code == 200
    assert send("not json").status_code == 400
    assert send('"' + "x" * settings.H5P_MAX_STATE_SIZE + '"').status_code == 400

    assert list(ActivityState.objects.values_list("state", flat=True)) == ['{"answer": 1}']
    page = signed_in.get(h5p_module.url).content.decode()
    assert 'data-h5p-state="{&quot;answer&quot;: 1}"' in page
