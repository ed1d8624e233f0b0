"""A trainee's statements stay compact: however many an activity sends, what is kept per
trainee and activity is the latest, the best and the first completion."""

import pytest

from courses.models import ModuleProgress
from h5p.models import ActivityStatement
from tests.h5p.conftest import post_statement, statement


@pytest.fixture
def signed_in(client, trainee):
    client.force_login(trainee)
    return client


def test_a_hundred_statements_keep_three_rows_the_latest_the_best_and_the_first_completion(
    signed_in, trainee, h5p_module, packages
):
    content = packages["uk"]
    sub = {"id": f"urn:conecta:h5p:{content.pk}?subContentId=q1"}
    first = statement(trainee, content, raw=1, top=4)  # completes the activity
    best = statement(trainee, content, raw=3, top=4)
    sent = [first, best]
    sent += [statement(trainee, content, verb="interacted", result=None) for _ in range(50)]
    sent += [
        statement(trainee, content, raw=1, top=1, object=sub) for _ in range(45)
    ]  # a sub-question: 100 %
    sent += [statement(trainee, content, raw=2, top=4) for _ in range(2)]
    latest = statement(trainee, content, verb="interacted", result=None)
    sent.append(latest)

    answers = [post_statement(signed_in, h5p_module, data) for data in sent]

    assert all(answer.status_code == 200 for answer in answers) and len(sent) == 100
    kept = {str(row.statement_id): row for row in ActivityStatement.objects.filter(user=trainee)}
    assert set(kept) == {first["id"], best["id"], latest["id"]}
    assert kept[best["id"]].score_raw == 3 and kept[first["id"]].completes_activity
    assert ModuleProgress.objects.get(user=trainee).completed_at is not None


def test_another_trainees_or_activitys_statements_are_not_touched(signed_in, trainee, h5p_module, packages):
    from tests.factories import TraineeFactory

    other = TraineeFactory(training_group=trainee.training_group)
    other_client = signed_in.__class__()
    other_client.force_login(other)
    post_statement(other_client, h5p_module, statement(other, packages["uk"], raw=0))
    post_statement(other_client, h5p_module, statement(other, packages["uk"], verb="interacted", result=None))

    for _ in range(5):
        post_statement(
            signed_in, h5p_module, statement(trainee, packages["uk"], verb="interacted", result=None)
        )

    assert ActivityStatement.objects.filter(user=other).count() == 2
    assert ActivityStatement.objects.filter(user=trainee).count() == 1


def test_an_oversize_statement_is_refused_with_a_clear_error(
    signed_in, trainee, h5p_module, packages, settings
):
    data = statement(trainee, packages["uk"], context={"x": "я" * settings.H5P_MAX_STATEMENT_SIZE})

    response = post_statement(signed_in, h5p_module, data)

    assert response.status_code == 400
    assert response.json()["error"] == "Результат завеликий, щоб його зберегти."
    assert not ActivityStatement.objects.exists()
