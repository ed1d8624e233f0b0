"""Reports at scale: N synthetic trainees (default 10,000, about 200,000 attempts), then
the coordinators' dashboard time (admin, all organisations; median of 3), its SQL query
count, the training report's XLSX export (CLI: time and peak memory of the process) and
the per-trainee XLSX list. Targets: dashboard < 2 s; XLSX < 10 s and < 300 MB.

Run: .venv/bin/python bench/report.py [--trainees 10000]
Uses DATABASE_URL if set (e.g. PostgreSQL), else a fresh SQLite file."""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import PYTHON, ROOT, demo_database_url, prepare  # noqa: E402

MEASURE_DASHBOARD = """
import statistics, time
from django.db import connection
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from accounts.models import User
client = Client(HTTP_HOST="127.0.0.1")
admin = User.objects.get(nickname="admin")
client.force_login(admin)
session = client.session  # the demo admin's second step (elearn/demo/two_factor.py), passed
session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=admin, confirmed=True).persistent_id
session.save()
times, queries = [], []
def count(execute, sql, params, many, context):
    queries.append(sql)
    return execute(sql, params, many, context)
for _ in range(3):
    queries.clear()
    started = time.perf_counter()
    with connection.execute_wrapper(count):
        assert client.get("/admin/reports/").status_code == 200
    times.append(time.perf_counter() - started)
started = time.perf_counter()
response = client.get("/admin/reports/trainees.xlsx")
size = len(b"".join(response.streaming_content))
listed = time.perf_counter() - started
print(f"dashboard: median {statistics.median(times):.2f} s, {len(queries)} SQL queries")
print(f"trainee list XLSX: {listed:.2f} s, {size / 1024:.0f} KB")
"""


EXPORT_ALONE = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{time.perf_counter() - started:.2f}", round(peak / 1024))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=10000)
    arguments = parser.parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": demo_database_url(),
        "DJANGO_SETTINGS_MODULE": "elearn.settings.test",
    }
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    prepare(env)
    started = time.perf_counter()
    made = subprocess.run(
        [PYTHON, "manage.py", "generate_synthetic", "--trainees", str(arguments.trainees), "--seed", "7"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(f"{database}: generate_synthetic in {time.perf_counter() - started:.1f} s ({made})")
    subprocess.run([PYTHON, "manage.py", "shell", "-c", MEASURE_DASHBOARD], cwd=ROOT, env=env, check=True)

    # A fresh parent process, so that its children's peak memory is the export's alone.
    output = Path(tempfile.mkdtemp(prefix="elearn-report-")) / "report.xlsx"
    command = [PYTHON, "manage.py", "export_report", "--format", "xlsx", "--output", str(output)]
    measured = subprocess.run(
        [PYTHON, "-c", EXPORT_ALONE, *command], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    print(f"training report XLSX (CLI, whole process): {measured[0]} s, peak {measured[1]} MB")


if __name__ == "__main__":
    main()
