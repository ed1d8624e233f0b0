"""200 trainees submit the demo course's final test at the same moment, over HTTP to
gunicorn (2 workers) on loopback. Prints p50 and p95 of the submit, errors, and the
attempts the database holds afterwards (it must be exactly one finished attempt each).

Run: .venv/bin/python bench/quiz_submit.py [--trainees 200]
Uses DATABASE_URL if set (e.g. PostgreSQL), else a fresh SQLite file. Traffic goes only
to 127.0.0.1; each request has a 60 s timeout."""

import argparse
import http.client
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import django_shell, gunicorn, prepare, production_env  # noqa: E402

# Run inside Django: make N trainees with a signed-in session each; print the sessions.
MAKE_TRAINEES = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from accounts.models import TrainingGroup, User
from courses.models import CoursePage
group = TrainingGroup.objects.get(join_code="TVE4GN6ZR")
quiz = CoursePage.objects.filter(locale__language_code="uk").first().final_test
keys = [{"id": k.id, "correct": sorted(k.correct)} for k in quiz.question_keys()]
sessions = []
for n in range(__COUNT__):
    user, _ = User.objects.get_or_create(
        nickname=f"bench-{n}", defaults={"training_group": group, "organisation": group.organisation}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append(session.session_key)
print(json.dumps({"quiz": quiz.pk, "keys": keys, "sessions": sessions}))
"""

COUNT_ATTEMPTS = """
from quizzes.models import Attempt
attempts = Attempt.objects.filter(quiz_id=__QUIZ__, user__nickname__startswith="bench-")
finished = attempts.filter(finished_at__isnull=False)
print(attempts.count(), finished.count(), attempts.values("user").distinct().count())
"""


class Trainee:
    """One trainee's browser: a session cookie and the CSRF cookie the site gives it."""

    def __init__(self, port, session):
        self.port, self.cookies = port, {"sessionid": session}

    def request(self, method, path, form=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        connection.close()
        return response, data

    def open_test(self, quiz):
        """Start the test; return the attempt's page URL and its form token."""
        _, html = self.request("GET", f"/uk/tests/{quiz}/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
        response, _ = self.request("POST", f"/uk/tests/{quiz}/start/", {"csrfmiddlewaretoken": token})
        take = response.getheader("Location")
        _, html = self.request("GET", take)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
        return take, token


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=200)
    args = parser.parse_args()

    env = production_env(BENCH_BARE_BODY=str(Path(tempfile.mkdtemp()) / "unused.html"))
    prepare({**env, "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"})
    setup = json.loads(django_shell(MAKE_TRAINEES.replace("__COUNT__", str(args.trainees)), env))
    answers = {f"q{key['id']}": key["correct"] for key in setup["keys"]}

    with gunicorn(env) as port:
        trainees = [Trainee(port, session) for session in setup["sessions"]]
        opened = [trainee.open_test(setup["quiz"]) for trainee in trainees]
        go, timings, errors = threading.Event(), [], []

        def submit(trainee, take, token):
            go.wait()
            started = time.perf_counter()
            try:
                response, _ = trainee.request("POST", take, {"csrfmiddlewaretoken": token, **answers})
                ok = response.status == 302 and response.getheader("Location", "").endswith("/result/")
            except (OSError, http.client.HTTPException):
                ok = False
            (timings if ok else errors).append(time.perf_counter() - started)

        threads = [
            threading.Thread(target=submit, args=(t, *o)) for t, o in zip(trainees, opened, strict=True)
        ]
        for thread in threads:
            thread.start()
        go.set()
        for thread in threads:
            thread.join()

    total, finished, people = django_shell(
        COUNT_ATTEMPTS.replace("__QUIZ__", str(setup["quiz"])), env
    ).split()
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))] if timings else float("nan")
    print(
        f"{args.trainees} trainees submitting at once, gunicorn 2 workers, "
        f"database {env['DATABASE_URL'].split(':')[0]}"
    )
    print(
        f"submit p50 {statistics.median(timings) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, errors {len(errors)}"
    )
    print(f"attempts in the database: {total} ({finished} finished, {people} trainees)")


if __name__ == "__main__":
    main()
