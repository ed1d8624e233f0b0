"""SQL queries per request when a trainee answers tests, counted in process with Django's
test client against a fresh database holding the demo (SQLite, or DATABASE_URL).

Prints, for the demo course:
- an answer post in a module test (one question per screen),
- the last answer of the last module's test, which completes the module and the course
  and issues the certificate (the final test was passed before),
- the final test's submit (all questions on one page), which issues the certificate.

Run: .venv/bin/python bench/quiz_queries.py [--show-sql] [--prepared]
(--prepared: DATABASE_URL already holds the demo, as bench/quiz_submit.py leaves it.)"""

import os
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench._setup import demo_database_url, prepare  # noqa: E402

BUDGET_ANSWER, BUDGET_FINISH = 10, 20


def main():
    env = {**os.environ, "DATABASE_URL": demo_database_url(), "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"}
    if "--prepared" not in sys.argv:
        prepare(env)
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import TrainingGroup, User
    from certificates.models import Certificate
    from courses.models import CoursePage, ModulePage
    from elearn.demo.certificates import _answer_h5p
    from elearn.demo.quizzes import answer_quiz
    from quizzes.models import Attempt, Quiz

    course = CoursePage.objects.filter(locale__language_code="uk").order_by("path").first()
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    group = TrainingGroup.objects.get(join_code="TVE4GN6ZR")

    def trainee(nickname, modules_done):
        # A run of its own: the bench can count again on a database it counted before.
        nickname = f"{nickname}-{uuid.uuid4().hex[:8]}"
        user = User.objects.create_user(nickname, organisation=group.organisation, training_group=group)
        for module in modules_done:
            for quiz in Quiz.objects.filter(pk__in=module.required_quiz_ids()):
                answer_quiz(user, quiz, right=len(quiz.question_keys()), module=module)
            _answer_h5p(user, module)
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        return user, client

    def counted(client, path, data):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(path, data)
        assert response.status_code == 302, (path, response.status_code)
        if "--show-sql" in sys.argv:
            print(f"-- POST {path}: {len(queries)} queries")
            for query in queries:
                print("  ", query["sql"][:200])
        return len(queries), response["Location"]

    # The last module's test, one question per screen, final test passed before.
    last = modules[-1]
    quiz = Quiz.objects.get(pk=last.required_quiz_ids()[0])
    user, client = trainee("bench-module", modules[:-1])
    answer_quiz(user, course.final_test, right=len(course.final_test.question_keys()))
    client.get(last.url)  # the trainee reads the module, then takes its test
    client.post(f"/uk/tests/{quiz.pk}/start/", {"module": last.pk})
    take = f"/uk/tests/attempts/{Attempt.objects.get(user=user, quiz=quiz, finished_at=None).token}/"
    keys = quiz.question_keys()
    answer_queries, finish_queries = [], None
    for number, key in enumerate(keys):
        # Answer whichever question the page shows next (it may be shuffled).
        attempt = Attempt.objects.get(user=user, quiz=quiz, finished_at=None)
        answered = set(attempt.answers.values_list("question_id", flat=True))
        key = next(k for k in keys if k.id not in answered)
        queries, location = counted(client, take, {f"q{key.id}": sorted(key.correct)})
        if number < len(keys) - 1:
            answer_queries.append(queries)
        else:
            finish_queries, finish_location = queries, location
    certificate = Certificate.objects.get(user=user)
    assert finish_location.endswith(f"/certificates/{certificate.pk}/"), finish_location

    # The final test, all questions on one page, every module done.
    final = course.final_test
    user, client = trainee("bench-final", modules)
    client.post(f"/uk/tests/{final.pk}/start/")
    take = f"/uk/tests/attempts/{Attempt.objects.get(user=user, quiz=final, finished_at=None).token}/"
    answers = {f"q{key.id}": sorted(key.correct) for key in final.question_keys()}
    final_queries, location = counted(client, take, answers)
    assert location.endswith(f"/certificates/{Certificate.objects.get(user=user).pk}/"), location

    budget = f"budget: answer <= {BUDGET_ANSWER}, finish <= {BUDGET_FINISH}"
    print(f"database {connection.vendor}; SQL queries per request, BEGIN/COMMIT included ({budget})")
    print(f"answer post, module test: {max(answer_queries)} (each answer: {answer_queries})")
    print(f"last answer of the last module's test (module, course, certificate): {finish_queries}")
    print(f"final test submit, {len(answers)} questions on one page (certificate): {final_queries}")


if __name__ == "__main__":
    main()
