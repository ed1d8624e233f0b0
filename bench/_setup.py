"""Shared set-up for the benchmarks: a throw-away database with the demo loaded."""

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable


def demo_database_url() -> str:
    """DATABASE_URL from the environment (e.g. PostgreSQL), else a fresh SQLite file."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    return f"sqlite:///{tempfile.mkdtemp(prefix='elearn-bench-')}/bench.sqlite3"


POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"


@contextmanager
def temporary_postgres(server=POSTGRES_SERVER):
    """A fresh PostgreSQL database on `server` (trust authentication) for the block's
    length, dropped afterwards; yields its DATABASE_URL."""
    import psycopg

    name = f"elearn_bench_{os.getpid()}_{int(time.time())}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def django_shell(code, env) -> str:
    """Run Python in `manage.py shell`; the last line it printed."""
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def prepare(env):
    """Migrate and load the demo into env's DATABASE_URL."""
    manage("migrate", "--noinput", env=env)
    manage("load_demo", env=env)


def production_env(**extra) -> dict:
    """Production settings on loopback (bench/settings.py), against demo_database_url()."""
    return {
        **os.environ,
        "DATABASE_URL": demo_database_url(),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEMO_DATA_ALLOWED": "true",
        **extra,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env, workers=2):
    """gunicorn serving the project on a free loopback port until the block ends, with the
    project's gunicorn.conf.py as deployed, but no access log (it would slow the run)."""
    port = free_port()
    binary = str(Path(PYTHON).with_name("gunicorn"))
    server = subprocess.Popen(
        [binary, "elearn.wsgi", "-c", "gunicorn.conf.py", "-w", str(workers), "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**env, "GUNICORN_ACCESS_LOG": "", "GUNICORN_CMD_ARGS": "--log-level warning"},
    )
    try:
        # A busy machine can take a minute to start the workers: wait for them, and say so
        # plainly if they never answer, rather than fail later on a refused connection.
        deadline = time.monotonic() + 180
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn exited with status {server.returncode}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer /healthz within 180 s")
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)
