"""Shared set-up for the benchmarks: a throw-away database with the demo loaded."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable


def demo_database_url() -> str:
    """DATABASE_URL from the environment (e.g. PostgreSQL), else a fresh SQLite file."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    return f"sqlite:///{tempfile.mkdtemp(prefix='elearn-bench-')}/bench.sqlite3"


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(env):
    """Migrate and load the demo into env's DATABASE_URL."""
    manage("migrate", "--noinput", env=env)
    manage("load_demo", env=env)
