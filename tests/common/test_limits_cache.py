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

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from common.client_address import client_pseudonym
from common.file_cache import CountingFileCache
from common.ratelimit import hit

# One worker: counts `tries` sign-up tries of one client, then prints that client's
# pseudonym and the count it sees.
WORKER = """
import sys
import time

import django

django.setup()
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))  # start counting with the other worker
from django.test import RequestFactory

from common.client_address import client_pseudonym
from common.ratelimit import hit, hits

for _ in range(int(sys.argv[1])):
    hit("signup-address", "one-client", window=900)
pseudonym = client_pseudonym(RequestFactory().get("/", REMOTE_ADDR="203.0.113.7"))
print(pseudonym, hits("signup-address", "one-client"))
"""


def worker(tries, directory, start=0.0):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearn.settings.production",
        "SECRET_KEY": "limits-test-only",
        "REDIS_URL": "",  # set but empty: neither the environment nor .env brings Redis in
        "LIMITS_CACHE_DIR": str(directory),
    }
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(tries), str(start)],
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
    # Two workers counting at the same time (both start at one instant, once Django is set
    # up), then a third that only looks.
    start = time.time() + 8
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(worker, [150, 150], [tmp_path, tmp_path], [start, start])
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


def test_making_room_drops_expired_counts_before_live_ones(tmp_path):
    cache = CountingFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 6, "CULL_FREQUENCY": 2}})
    start = time.time()
    for n in range(4):
        cache.set(f"old-{n}", 1, timeout=10)
    cache.set("live", 1, timeout=3600)

    with mock.patch("time.time", return_value=start + 60):
        cache.set("new", 1, timeout=3600)  # 6 entries: time to make room
        cache.set("newer", 1, timeout=3600)

        assert [cache.get(key) for key in ("live", "new", "newer")] == [1, 1, 1]
    assert len(list(tmp_path.glob("*.djcache"))) == 3


def test_a_flood_of_counts_does_not_change_anyones_pseudonym(settings, tmp_path):
    """Counts from very many addresses fill the counting cache; the day's key is in a cache
    of its own, so every client keeps its pseudonym (and the locks kept under it)."""
    files = "common.file_cache.CountingFileCache"
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": files, "LOCATION": str(tmp_path / "limits"), "OPTIONS": {"MAX_ENTRIES": 20}},
        "client_key": {"BACKEND": files, "LOCATION": str(tmp_path / "key")},
    }
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7")
    before = client_pseudonym(request)

    for n in range(200):
        hit("signup-address", f"client-{n}", window=900)

    assert client_pseudonym(request) == before


def test_a_cache_folder_others_may_open_is_refused(tmp_path):
    folder = tmp_path / "limits"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)  # as someone else could have made it in the shared temporary folder

    with pytest.raises(ImproperlyConfigured):
        CountingFileCache(str(folder), {})
