"""200 trainees submit the demo course's final test at the same moment, over HTTP to
gunicorn (2 workers) on loopback. Prints, per database: p50 and p95 of the submit, errors,
the attempts and answers the database holds afterwards (exactly one finished attempt per
trainee, every answer kept), the server's CPU time per submit (which depends little on
what else the machine runs), and the SQL queries per request of an answer post and of a
finish (bench/quiz_queries.py, counted in process against the same database).

The trainees are made in the database before the clock starts: each has a signed-in
session (no password is hashed) and every module of the course completed, as the
learning pipeline records it, so the final test is open to them. Each opens the test and
starts an attempt (not timed); then all of them post their answers at once (timed).

Run: .venv/bin/python bench/quiz_submit.py [--trainees 200] [--databases sqlite,postgresql]
SQLite is a fresh file; PostgreSQL a temporary database on 127.0.0.1:5432 (user postgres,
trust), dropped afterwards. Traffic goes only to 127.0.0.1; each request has a 60 s
timeout."""

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import (  # noqa: E402
    PYTHON,
    ROOT,
    django_shell,
    gunicorn,
    manage,
    prepare,
    production_env,
    temporary_postgres,
)

# Run inside Django: make N trainees who completed every module of the course, with a
# signed-in session each; print the sessions.
MAKE_TRAINEES = """
import json
import os
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from accounts.models import TrainingGroup, User
from courses.models import CoursePage, ModulePage
from courses.services import course_complete_record, module_complete_record
group = TrainingGroup.objects.get(join_code="TVE4GN6ZR")
course = CoursePage.objects.filter(locale__language_code="uk").first()
quiz = course.final_test
modules = [module.translation_key for module in ModulePage.objects.child_of(course).live()]
keys = [{"id": k.id, "correct": sorted(k.correct)} for k in quiz.question_keys()]
sessions = []
with transaction.atomic():
    for n in range(__COUNT__):
        user, _ = User.objects.get_or_create(
            nickname=f"bench-{n}", defaults={"training_group": group, "organisation": group.organisation}
        )
        for key in modules:
            module_complete_record(user=user, module_key=key)
        course_complete_record(user=user, course_key=course.translation_key)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
print(json.dumps({"quiz": quiz.pk, "keys": keys, "sessions": sessions}))
"""

COUNT_ATTEMPTS = """
from quizzes.models import Answer, Attempt
attempts = Attempt.objects.filter(quiz_id=__QUIZ__, user__nickname__startswith="bench-")
finished = attempts.filter(finished_at__isnull=False)
answers = Answer.objects.filter(attempt__in=attempts).count()
print(attempts.count(), finished.count(), attempts.values("user").distinct().count(), answers)
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
        if "/attempts/" not in take:
            raise SystemExit(f"the test did not start for a bench trainee (sent to {take})")
        _, html = self.request("GET", take)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
        return take, token


def server_cpu_seconds(port) -> float:
    """CPU time the gunicorn processes serving `port` have used so far (Linux /proc): what
    the submits cost the server, whatever else the machine is running."""
    ticks = 0
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if f"127.0.0.1:{port}".encode() in cmdline.read_bytes():
                fields = (cmdline.parent / "stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:  # the process has ended
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def submit_at_once(port, setup, answers):
    """Every trainee posts the whole test at the same moment; (timings, errors, server
    CPU seconds)."""
    trainees = [Trainee(port, session) for session in setup["sessions"]]
    opened = [trainee.open_test(setup["quiz"]) for trainee in trainees]
    go, timings, errors = threading.Event(), [], []

    def submit(trainee, take, token):
        go.wait()
        started = time.perf_counter()
        try:
            response, _ = trainee.request("POST", take, {"csrfmiddlewaretoken": token, **answers})
            location = response.getheader("Location", "")
            # A passed final test issues the certificate and shows it; else the result.
            ok = response.status == 302 and ("/certificates/" in location or location.endswith("/result/"))
            failure = f"{response.status} {location}"
        except (OSError, http.client.HTTPException) as error:
            ok, failure = False, repr(error)
        (timings if ok else errors).append(time.perf_counter() - started if ok else failure)

    threads = [threading.Thread(target=submit, args=(t, *o)) for t, o in zip(trainees, opened, strict=True)]
    for thread in threads:
        thread.start()
    cpu_before = server_cpu_seconds(port)
    go.set()
    for thread in threads:
        thread.join()
    return sorted(timings), errors, server_cpu_seconds(port) - cpu_before


def run(database_url, trainees) -> list[str]:
    workdir = Path(tempfile.mkdtemp())
    # A content version of its own: another bench loading the demo must not empty its caches.
    env = production_env(
        DATABASE_URL=database_url,
        BENCH_BARE_BODY=str(workdir / "unused.html"),
        CONTENT_VERSION_DIR=str(workdir / "content-version"),
    )
    prepare({**env, "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"})
    manage("collectstatic", "--noinput", env=env)  # production settings serve the manifest
    setup = json.loads(django_shell(MAKE_TRAINEES.replace("__COUNT__", str(trainees)), env))
    answers = {f"q{key['id']}": key["correct"] for key in setup["keys"]}

    with gunicorn(env) as port:
        timings, errors, cpu = submit_at_once(port, setup, answers)

    total, finished, people, saved = django_shell(
        COUNT_ATTEMPTS.replace("__QUIZ__", str(setup["quiz"])), env
    ).split()
    # Queries per request, in process against the same database (after the count: its
    # own trainees' attempts are not the bench's).
    queries = (
        subprocess.run(
            [PYTHON, "bench/quiz_queries.py", "--prepared"],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"},
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()
    )
    p50 = statistics.median(timings) * 1000 if timings else float("nan")
    p95 = timings[int(0.95 * (len(timings) - 1))] * 1000 if timings else float("nan")
    lost = trainees * len(answers) - int(saved)
    return [
        f"{trainees} trainees submitting the final test ({len(answers)} questions) at once, "
        f"gunicorn 2 workers, database {database_url.split(':')[0]}",
        f"submit p50 {p50:.0f} ms, p95 {p95:.0f} ms, errors {len(errors)}"
        + (f" (first: {errors[0]})" if errors else ""),
        f"server CPU per submit (gunicorn workers): {cpu * 1000 / trainees:.1f} ms",
        f"attempts in the database: {total} ({finished} finished, {people} trainees); "
        f"answers saved {saved} of {trainees * len(answers)} (lost {lost})",
        *queries,
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=200)
    parser.add_argument("--databases", default="sqlite,postgresql", help="sqlite, postgresql or both")
    args = parser.parse_args()
    for database in args.databases.split(","):
        postgres = database.strip().startswith("postgres")
        fresh_sqlite = f"sqlite:///{tempfile.mkdtemp(prefix='elearn-bench-')}/bench.sqlite3"
        with temporary_postgres() if postgres else nullcontext(fresh_sqlite) as url:
            lines = run(url, args.trainees)
        print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
