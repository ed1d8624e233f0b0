"""Without Redis, the throttling counts and the day's pseudonym key live in a file cache that
every gunicorn worker of the machine shares (settings CACHES["limits"],
common/file_cache.py): separate processes, started with the production settings and no
REDIS_URL, count into one count and give one address one pseudonym."""

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

from django.conf import settings

from common.file_cache import CountingFileCache

# One worker: counts `tries` sign-up tries of one client, then prints that client's
# pseudonym and the count it sees.
WORKER = """
import sys

import django

django.setup()
from django.test import RequestFactory

from common.client_address import client_pseudonym
from common.ratelimit import hit, hits

for _ in range(int(sys.argv[1])):
    hit("signup-address", "one-client", window=900)
pseudonym = client_pseudonym(RequestFactory().get("/", REMOTE_ADDR="203.0.113.7"))
print(pseudonym, hits("signup-address", "one-client"))
"""


def worker(tries, directory):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearn.settings.production",
        "SECRET_KEY": "limits-test-only",
        "REDIS_URL": "",  # set but empty: neither the environment nor .env brings Redis in
        "LIMITS_CACHE_DIR": str(directory),
    }
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(tries)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    pseudonym, count = done.stdout.split()
    return pseudonym, int(count)


def test_workers_without_redis_share_counts_and_pseudonyms(tmp_path):
    # Two workers counting at the same time, then a third that only looks.
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(worker, [150, 150], [tmp_path, tmp_path])
    third = worker(0, tmp_path)

    assert third[1] == 300  # every try counted once, none lost between the workers
    assert first[0] == second[0] == third[0]  # one address, one pseudonym


def test_a_counting_window_ends_when_it_began_not_with_the_last_try(tmp_path):
    cache = CountingFileCache(str(tmp_path), {})
    start = time.time()
    cache.add("tries", 0, timeout=60)
    cache.incr("tries")

    with mock.patch("time.time", return_value=start + 50):
        assert cache.incr("tries") == 2
    with mock.patch("time.time", return_value=start + 70):
        assert cache.get("tries") is None
