"""Query budgets for taking a test, which hundreds of trainees may do at the same moment
(bench/quiz_submit.py): an answer post makes at most 10 SQL queries; a finish at most 20,
whether it is the last answer of a module's test (which completes the module and the
course and issues the certificate) or a final test posted on one page (which issues the
certificate). BEGIN and COMMIT count (SQLite). Neither grows with the trainee's earlier
attempts, extra attempts granted, or other trainees' attempts."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import TrainingGroup
from certificates.models import Certificate
from courses.models import CoursePage, ModulePage
from elearn.demo.certificates import _answer_h5p
from elearn.demo.quizzes import answer_quiz
from quizzes.models import Attempt, AttemptGrant, Quiz
from tests.factories import TraineeFactory

BUDGET_ANSWER, BUDGET_FINISH = 10, 20


def _posted(client, url, data):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    assert response.status_code == 302, (url, response.status_code)
    return len(queries), response["Location"]


def _trainee(modules_done, failed_before=0, final_failed_before=0):
    """A signed-in trainee who completed `modules_done` (their tests and H5P activities),
    having failed each of those tests `failed_before` times and the final test
    `final_failed_before` times first."""
    group = TrainingGroup.objects.get(join_code="TVE4GN6ZR")
    user = TraineeFactory(training_group=group, organisation=group.organisation)
    course = _course()
    for module in modules_done:
        for quiz in Quiz.objects.filter(pk__in=module.required_quiz_ids()):
            for _ in range(failed_before):
                answer_quiz(user, quiz, right=0, module=module)
            answer_quiz(user, quiz, right=len(quiz.question_keys()), module=module)
        _answer_h5p(user, module)
    for _ in range(final_failed_before):
        answer_quiz(user, course.final_test, right=0)
    client = Client()
    client.force_login(user)
    return user, client


def _course():
    return CoursePage.objects.filter(locale__language_code="uk").order_by("path").first()


def _modules():
    return list(ModulePage.objects.child_of(_course()).live().order_by("path"))


def _module_test_queries(**history):
    """(queries of each answer post but the last, queries of the last one) in the last
    module's test, one question per screen; the final test was passed before, so the last
    answer completes the module and the course and issues the certificate."""
    modules = _modules()
    last, final = modules[-1], _course().final_test
    user, client = _trainee(modules[:-1], **history)
    answer_quiz(user, final, right=len(final.question_keys()))
    quiz = Quiz.objects.get(pk=last.required_quiz_ids()[0])
    for _ in range(history.get("failed_before", 0)):
        answer_quiz(user, quiz, right=0, module=last)
    client.get(last.url)
    client.post(f"/uk/tests/{quiz.pk}/start/", {"module": last.pk})
    attempt = Attempt.objects.get(user=user, quiz=quiz, finished_at=None)
    take, keys = f"/uk/tests/attempts/{attempt.token}/", quiz.question_keys()
    answers, finish = [], None
    for _ in keys:
        answered = set(attempt.answers.values_list("question_id", flat=True))
        key = next(k for k in keys if k.id not in answered)  # the one the page shows
        queries, location = _posted(client, take, {f"q{key.id}": sorted(key.correct)})
        if len(answered) < len(keys) - 1:
            answers.append(queries)
        else:
            finish = queries
    assert location.endswith(f"/certificates/{Certificate.objects.get(user=user).pk}/")
    return answers, finish


def _final_test_queries(**history):
    """Queries of the final test posted on one page, every module done: it issues the
    certificate."""
    final = _course().final_test
    user, client = _trainee(_modules(), **history)
    if history:  # attempts used up before; a trainer gave one more
        AttemptGrant.objects.create(user=user, quiz=final, extra=2)
    response = client.post(f"/uk/tests/{final.pk}/start/")
    assert "/attempts/" in response["Location"]  # open: every module is complete
    attempt = Attempt.objects.get(user=user, quiz=final, finished_at=None)
    answers = {f"q{key.id}": sorted(key.correct) for key in final.question_keys()}
    queries, location = _posted(client, f"/uk/tests/attempts/{attempt.token}/", answers)
    assert location.endswith(f"/certificates/{Certificate.objects.get(user=user).pk}/")
    return queries


def test_answers_and_finishes_stay_within_budget_however_many_attempts(demo):
    # Someone has been through the course since content was last published: the content
    # cache (common/page_cache.py) holds the course's structure, as it does under load.
    _trainee(_modules())
    answers, finish = _module_test_queries()
    final = _final_test_queries()
    assert max(answers) <= BUDGET_ANSWER, answers
    assert finish <= BUDGET_FINISH
    assert final <= BUDGET_FINISH

    # Other trainees' attempts, and the trainee's own failed ones (all three of the final
    # test's attempts, then extra ones granted), change nothing.
    for _ in range(3):
        _trainee(_modules(), failed_before=1, final_failed_before=1)
    grown = _module_test_queries(failed_before=2)
    assert grown == (answers, finish)
    assert _final_test_queries(failed_before=1, final_failed_before=3) == final
