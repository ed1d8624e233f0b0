"""Lighthouse (npm lighthouse@12.2.3, mobile emulation, Debian's chromium) on the home,
course, module and test pages, served by gunicorn with production settings on loopback.
Prints the performance and accessibility scores and exits non-zero below the targets
(performance 95, accessibility 100); CI runs it.

Run: bench/lighthouse.sh   (or .venv/bin/python bench/lighthouse.py)

CI prepares the site while the browser tests still run, and measures once the machine is
quiet (a busy one lowers the scores): with DATABASE_URL naming the same new database,
`bench/lighthouse.sh --prepare` migrates, loads the demo and collects the static files,
then `bench/lighthouse.sh --prepared` measures."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import ROOT, django_shell, gunicorn, manage, prepare, production_env  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "/uk/",
    "course": "/uk/courses/peer-educator-basic-course/",
    "module": "/uk/courses/peer-educator-basic-course/condoms-and-negotiation/",
    "test": None,  # the HIV module's test, found below
}


def scores(url, tries=3) -> dict:
    """One Lighthouse run; a run whose browser fails to start is tried again (seen once)."""
    for attempt in range(1, tries + 1):
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            run = subprocess.run(
                [
                    str(LIGHTHOUSE),
                    url,
                    "--chrome-path=/usr/bin/chromium",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                    "--only-categories=performance,accessibility",
                    "--output=json",
                    f"--output-path={report.name}",
                    "--quiet",
                ],
                check=attempt == tries,
            )
            if run.returncode == 0:
                categories = json.loads(Path(report.name).read_text())["categories"]
                return {name: round(100 * category["score"]) for name, category in categories.items()}
    raise AssertionError("unreachable")


FIRST_TEST = (
    "from quizzes.models import Quiz; print(Quiz.objects.filter(kind='post_test').order_by('pk')[0].pk)"
)


def main(step=None):
    if step not in (None, "--prepare", "--prepared"):
        sys.exit("usage: bench/lighthouse.sh [--prepare | --prepared]")
    if step and not os.environ.get("DATABASE_URL"):
        sys.exit(f"{step} needs DATABASE_URL: the database prepared and measured")
    env = production_env(BENCH_BARE_BODY="/dev/null")
    dev = {**env, "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"}
    if step != "--prepared":
        prepare(dev)
        manage("collectstatic", "--noinput", env=env)
    if step == "--prepare":
        return
    PAGES["test"] = f"/uk/tests/{django_shell(FIRST_TEST, dev).split()[-1]}/"
    below = []
    with gunicorn(env) as port:
        for name, path in PAGES.items():
            result = scores(f"http://127.0.0.1:{port}{path}")
            performance, accessibility = result["performance"], result["accessibility"]
            print(f"{name:7} {path:62} performance {performance:3}  accessibility {accessibility:3}")
            if performance < 95 or accessibility < 100:
                below.append(name)
    if below:
        sys.exit(f"below the targets (performance 95, accessibility 100): {', '.join(below)}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
